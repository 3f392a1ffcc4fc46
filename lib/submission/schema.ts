import { z } from "zod";
import { FIELD_ORDER } from "@/lib/listing/fields";
import type { ListingField } from "@/lib/listing/schema";

const note = z.string({ error: "The note must be text" }).trim().max(2000, "The note must be at most 2,000 characters");
/** The day Pipedrive acted (checked against today and the previous step by the service). */
const date = z
  .string({ error: "Give the date as a calendar day, e.g. 2026-11-28" })
  .trim()
  .max(20, "Give the date as a calendar day, e.g. 2026-11-28")
  .optional();

export const statusChangeSchema = z.strictObject({
  transition: z.enum(["submit", "withdraw", "approve", "reject", "publish", "unpublish", "go-live", "take-offline"], {
    error: "Unknown status change",
  }),
  note: note.optional().default(""),
  date,
});

export const changesActionSchema = z.strictObject({
  action: z.enum(["submit-changes", "approve-changes", "reject-changes"], {
    error: "Unknown action on pending changes",
  }),
  note: note.optional().default(""),
  date,
});

export const feedbackSchema = z.strictObject({
  field: z.enum(FIELD_ORDER as [ListingField, ...ListingField[]], { error: "Choose the field the feedback is about" }),
  message: z
    .string({ error: "Paste the reviewer's feedback" })
    .trim()
    .min(1, "Paste the reviewer's feedback")
    .max(2000, "Feedback must be at most 2,000 characters"),
});
export type FeedbackInput = z.input<typeof feedbackSchema>;
