import { z } from "zod";
import { plainLine } from "@/lib/text/outside-text";

/** What a person types about a customer: a note, and tags. */

export const noteSchema = z.object({
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "Write the note first").max(4000, "A note is at most 4,000 characters")),
});

export const tagsSchema = z.object({
  tags: z
    .array(
      z
        .string()
        .transform(plainLine)
        .pipe(z.string().min(1, "A tag cannot be empty").max(40, "A tag is at most 40 characters")),
    )
    .max(20, "At most 20 tags")
    .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()]),
});
