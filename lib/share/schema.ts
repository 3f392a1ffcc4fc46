import { z } from "zod";

export const EXPIRY_CHOICES = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "never", label: "Never" },
] as const;

/** The landing-page sections a visitor can pin a comment to (the `data-section` of the renderer). */
export const COMMENT_SECTIONS = {
  header: "Header: icon, name, summary",
  media: "Images and video",
  description: "Description",
  features: "Features",
  setup: "Setup instructions",
  links: "Support and legal links",
  categories: "Categories",
  general: "The listing as a whole",
} as const;
export type CommentSection = keyof typeof COMMENT_SECTIONS;

/** The editor field a section's comments are shown beside ("general": the notes panel only). */
export const SECTION_FIELD: Record<CommentSection, string | null> = {
  header: "summary",
  media: "images",
  description: "description",
  features: "features",
  setup: "setupInstructions",
  links: "supportUrl",
  categories: "categories",
  general: null,
};

export const createShareLinkSchema = z.strictObject({
  label: z.string({ error: "Label must be text" }).trim().min(1, "Give the link a label, e.g. who it is for").max(80, "Label must be at most 80 characters"),
  target: z.string({ error: "Choose what the link shows" }).min(1, "Choose what the link shows").max(64),
  expiresIn: z.enum(["1", "7", "30", "never"], { error: "Choose when the link expires" }),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const commentSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Your name must be at most 80 characters"),
  body: z.string({ error: "Write a comment" }).trim().min(1, "Write a comment").max(2000, "A comment must be at most 2,000 characters"),
  section: z.enum(Object.keys(COMMENT_SECTIONS) as [CommentSection, ...CommentSection[]], { error: "Choose the part of the page your comment is about" }),
});
