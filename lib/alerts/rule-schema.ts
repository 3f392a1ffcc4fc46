import { z } from "zod";
import { RULE_EVENT_INFO, RULE_EVENTS, splitWords, THROTTLES, ALL_WEBHOOKS } from "./rule-events";

const number = (what: string) =>
  z.union([z.number(), z.string().trim()], { error: `${what} must be a number` }).transform((v, ctx) => {
    const n = typeof v === "number" ? v : v === "" ? NaN : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `${what} must be a number` });
      return z.NEVER;
    }
    return n;
  });

/**
 * An alert rule, checked alike by the form and the server: an event, conditions (stars and words for
 * reviews, an app), destinations (in the app, by email, webhooks — Slack or signed JSON) and a throttle.
 */
export const alertRuleSchema = z
  .strictObject({
    name: z
      .string({ error: "Name the rule" })
      .trim()
      .min(1, "Name the rule, e.g. 1-star reviews to Slack")
      .max(80, "The name must be at most 80 characters"),
    event: z.enum(RULE_EVENTS, { error: "Choose the event" }),
    // An empty box is no threshold (the events without one leave it empty).
    threshold: z.preprocess((v) => (v === "" || v === null ? undefined : v), number("The threshold").optional()),
    stars: z
      .array(
        z.coerce
          .number({ error: "Stars are 1 to 5" })
          .int("Stars are 1 to 5")
          .min(1, "Stars are 1 to 5")
          .max(5, "Stars are 1 to 5"),
        {
          error: "Stars must be a list of 1 to 5",
        },
      )
      .max(5)
      .default([]),
    words: z.string({ error: "Words must be text" }).max(500, "At most 500 characters of words").default(""),
    appId: z.string({ error: "Choose an app" }).max(64).default(""),
    inApp: z.boolean({ error: "In the app must be on or off" }).default(true),
    email: z.boolean({ error: "By email must be on or off" }).default(false),
    webhooks: z.array(z.string().max(64)).max(20, "At most 20 webhooks").default([]),
    throttleMinutes: number("The throttle")
      .default(0)
      .refine((m) => THROTTLES.some((t) => t.minutes === m), "Choose one of the throttles offered"),
  })
  .superRefine((rule, ctx) => {
    const threshold = RULE_EVENT_INFO[rule.event].threshold;
    if (threshold) {
      const v = rule.threshold;
      if (v === undefined) ctx.addIssue({ code: "custom", path: ["threshold"], message: `Give the ${threshold.unit}` });
      else if (v < threshold.min || v > threshold.max)
        ctx.addIssue({
          code: "custom",
          path: ["threshold"],
          message: `Between ${threshold.min} and ${threshold.max} ${threshold.unit}`,
        });
      else if (threshold.step >= 1 && !Number.isInteger(v))
        ctx.addIssue({ code: "custom", path: ["threshold"], message: `A whole number of ${threshold.unit}` });
    }
    if (!rule.inApp && !rule.email && rule.webhooks.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["inApp"],
        message: "Choose at least one destination: in the app, by email or a webhook",
      });
    if (rule.event === "NEW_REVIEW" && splitWords(rule.words).some((w) => w.length > 60))
      ctx.addIssue({ code: "custom", path: ["words"], message: "Each word or phrase must be at most 60 characters" });
  })
  .transform((rule) => {
    const review = rule.event === "NEW_REVIEW";
    const threshold = RULE_EVENT_INFO[rule.event].threshold;
    return {
      ...rule,
      // Conditions an event does not have are not kept.
      threshold: threshold ? Math.round(rule.threshold! * 100) / 100 : null,
      stars: review ? [...new Set(rule.stars)].sort() : [],
      words: review ? splitWords(rule.words).join("\n") : "",
      webhooks: rule.webhooks.includes(ALL_WEBHOOKS) ? [ALL_WEBHOOKS] : [...new Set(rule.webhooks)],
    };
  });

export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertRuleValues = z.output<typeof alertRuleSchema>;
