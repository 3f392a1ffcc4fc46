import { z } from "zod";
import { ALERT_TYPES } from "./payload";

/** A webhook the alerts are sent to, checked the same way in the browser and on the server. */
export const webhookSchema = z.strictObject({
  name: z
    .string({ error: "Name the webhook" })
    .trim()
    .min(1, "Name the webhook, e.g. #reviews on Slack")
    .max(60, "The name must be at most 60 characters"),
  url: z
    .string({ error: "Give the webhook URL" })
    .trim()
    .min(1, "Give the webhook URL")
    .refine(
      (v) =>
        URL.canParse(v) &&
        (new URL(v).protocol === "https:" ||
          (new URL(v).protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(new URL(v).hostname))),
      "The URL must start with https:// (http:// only for localhost)",
    )
    .max(2000, "The URL must be at most 2,000 characters"),
  format: z.enum(["SLACK", "JSON"], { error: "Choose Slack or JSON" }),
  events: z.array(z.enum(ALERT_TYPES), { error: "Choose at least one alert" }).min(1, "Choose at least one alert"),
});
