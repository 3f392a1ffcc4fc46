import { z } from "zod";
import { isoDay } from "@/lib/text/validation";
import { REVIEW_STATUSES } from "./templates";
import { plainText } from "@/lib/text/outside-text";

/** Inputs of the review inbox, templates and manual entries, checked the same way in the browser and on the server. */

export {
  firstName,
  formatReplyTime,
  PLACEHOLDERS,
  renderTemplate,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
  type TemplateValues,
} from "./templates";

export const inboxQuerySchema = z.object({
  app: z.string().max(64).catch(""),
  stars: z.enum(["", "1", "2", "3", "4", "5", "low"]).catch(""),
  status: z.enum(["open", "all", ...REVIEW_STATUSES]).catch("open"),
  assignee: z.string().max(64).catch(""),
  from: isoDay.or(z.literal("")).catch(""),
  to: isoDay.or(z.literal("")).catch(""),
  q: z.string().trim().max(100).catch(""),
  removed: z.enum(["", "1"]).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const reviewUpdateSchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES, { error: "Choose New, Needs reply, Replied or Won't reply" }).optional(),
  /** A teammate's user id, or null to unassign. */
  assigneeId: z.string().min(1).max(64).nullable().optional(),
});

export const replySchema = z.strictObject({
  replyText: z
    .string({ error: "Write the reply" })
    .trim()
    .min(1, "Write the reply before marking the review as replied")
    .max(5000, "A reply must be at most 5,000 characters"),
});

export const templateSchema = z.strictObject({
  name: z
    .string({ error: "Name the template" })
    .trim()
    .min(1, "Name the template")
    .max(60, "The name must be at most 60 characters"),
  body: z
    .string({ error: "Write the template" })
    .trim()
    .min(1, "Write the template")
    .max(5000, "A template must be at most 5,000 characters"),
});

const stars = z.coerce
  .number({ error: "Stars must be a whole number from 1 to 5" })
  .int("Stars must be a whole number from 1 to 5")
  .min(1, "Stars must be from 1 to 5")
  .max(5, "Stars must be from 1 to 5");
const pastDate = z
  .string({ error: "Give the date of the review" })
  .trim()
  .min(1, "Give the date of the review")
  .refine((v) => !Number.isNaN(Date.parse(v)), "The date must look like 2026-11-28")
  .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v))
  .refine((d) => d.getTime() <= Date.now() + 86_400_000, "The date is in the future");

export const manualReviewSchema = z.strictObject({
  appId: z.string({ error: "Choose the app" }).min(1, "Choose the app"),
  author: z
    .string({ error: "Give the reviewer's name" })
    .trim()
    .min(1, "Give the reviewer's name")
    .max(100, "The name must be at most 100 characters"),
  stars,
  reviewedAt: pastDate,
  text: z.string().trim().max(5000, "A review must be at most 5,000 characters").default(""),
  publicReply: z
    .string()
    .trim()
    .max(5000, "A reply must be at most 5,000 characters")
    .optional()
    .transform((v) => v || null),
});

/** One row of a review import (CSV columns or JSON keys). */
export const importRowSchema = z.object({
  id: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
  // Rows come from other tools' exports: outside text, kept without hidden characters.
  author: z
    .string({ error: "author is required" })
    .transform((v) => plainText(v).trim())
    .pipe(z.string().min(1, "author is required").max(100, "author must be at most 100 characters")),
  stars,
  date: pastDate,
  text: z
    .string()
    .transform((v) => plainText(v).trim())
    .pipe(z.string().max(5000, "text must be at most 5,000 characters"))
    .optional()
    .default(""),
  reply: z
    .string()
    .transform((v) => plainText(v).trim())
    .pipe(z.string().max(5000, "reply must be at most 5,000 characters"))
    .optional()
    .transform((v) => v || null),
  upvotes: z.coerce.number().int().min(0, "upvotes must be 0 or more").optional().default(0),
});
