import { z } from "zod";
import { LIMITS } from "./defaults";

/** The outreach forms' schemas: the same rules in the browser (react-hook-form) and in the server actions. */

const hour = z.coerce
  .number({ message: "Choose an hour" })
  .int("Choose a whole hour")
  .min(0, "Choose an hour from 0 to 23")
  .max(23, "Choose an hour from 0 to 23");

const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const requestSettingsSchema = z.object({
  requestsOn: z.boolean(),
  requestDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Enter a whole number of days")
    .min(LIMITS.days.min, `Ask after at least ${LIMITS.days.min} day`)
    .max(LIMITS.days.max, `Ask within ${LIMITS.days.max} days`),
  askExisting: z.boolean(),
  senderName: z
    .string()
    .trim()
    .max(LIMITS.senderName, `At most ${LIMITS.senderName} characters`)
    .refine((s) => !/[\r\n<>"]/.test(s), "A sender name cannot contain line breaks, quotes or angle brackets"),
  requestSubject: z
    .string()
    .trim()
    .min(1, "Write a subject")
    .max(LIMITS.subject, `At most ${LIMITS.subject} characters`)
    .refine((s) => !/[\r\n]/.test(s) && noControl(s), "A subject is one line"),
  requestBody: z
    .string()
    .trim()
    .min(1, "Write the email's text")
    .max(LIMITS.body, `At most ${LIMITS.body} characters`)
    .refine(noControl, "The text contains control characters"),
  quietFrom: hour,
  quietTo: hour,
});
export type RequestSettingsInput = z.input<typeof requestSettingsSchema>;
export type RequestSettings = z.output<typeof requestSettingsSchema>;

export const surveySettingsSchema = z.object({
  surveyOn: z.boolean(),
  reasons: z
    .array(
      z.object({
        id: z.string().max(40).optional(),
        label: z
          .string()
          .trim()
          .min(1, "Write the reason, or remove it")
          .max(LIMITS.reasonLabel, `At most ${LIMITS.reasonLabel} characters`)
          .refine(noControl, "The reason contains control characters"),
      }),
    )
    .min(LIMITS.reasons.min, `Offer at least ${LIMITS.reasons.min} reasons`)
    .max(LIMITS.reasons.max, `Offer at most ${LIMITS.reasons.max} reasons`)
    .refine(
      (rs) => new Set(rs.map((r) => r.label.trim().toLowerCase())).size === rs.length,
      "Two reasons say the same thing",
    ),
});
export type SurveySettingsInput = z.input<typeof surveySettingsSchema>;

/** What the survey page posts: one reason (or none, with text) and free text. */
export const surveyAnswerSchema = z
  .object({
    reason: z.string().max(40).optional(),
    text: z
      .string()
      .max(LIMITS.answer, `At most ${LIMITS.answer} characters`)
      .optional()
      .transform((t) => t?.trim() || undefined),
  })
  .refine((a) => a.reason || a.text, { message: "Choose a reason or write a few words", path: ["reason"] });
