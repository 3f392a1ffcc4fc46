import { z } from "zod";

import { COMMENT_SECTIONS, EXPIRY_CHOICES, type CommentSection } from "./choices";
import { plainText } from "@/lib/text/outside-text";

export { COMMENT_SECTIONS, EXPIRY_CHOICES, SECTION_FIELD, type CommentSection } from "./choices";

export const createShareLinkSchema = z.strictObject({
  label: z
    .string({ error: "Label must be text" })
    .trim()
    .min(1, "Give the link a label, e.g. who it is for")
    .max(80, "Label must be at most 80 characters"),
  target: z.string({ error: "Choose what the link shows" }).min(1, "Choose what the link shows").max(64),
  expiresIn: z.enum(["1", "7", "30", "never"], { error: "Choose when the link expires" }),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const commentSchema = z.object({
  // A visitor's words are outside text: kept without hidden characters (lib/text/outside-text.ts).
  name: z
    .string({ error: "Enter your name" })
    .transform((v) => plainText(v).trim())
    .pipe(z.string().min(1, "Enter your name").max(80, "Your name must be at most 80 characters")),
  body: z
    .string({ error: "Write a comment" })
    .transform((text) => plainText(text).trim())
    .pipe(z.string().min(1, "Write a comment").max(2000, "A comment must be at most 2,000 characters")),
  section: z.enum(Object.keys(COMMENT_SECTIONS) as [CommentSection, ...CommentSection[]], {
    error: "Choose the part of the page your comment is about",
  }),
});
