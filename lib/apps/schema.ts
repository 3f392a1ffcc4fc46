import { z } from "zod";
import { isHttpUrl } from "@/lib/text/web-address";
import { APP_TYPES, hasFeature } from "@/lib/app-types";

const url = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(2000)
    .refine((v) => v === "" || isHttpUrl(v), { message: `${label} must be a full URL starting with https://` });

/**
 * Creating an app: what Developer Hub asks for before a listing exists. Shared by the form and the server.
 * An API-token integration has no OAuth client: its client fields are not asked for and not stored.
 */
export const createAppSchema = z
  .strictObject({
    name: z
      .string({ error: "App name must be text" })
      .trim()
      .min(1, "App name is required")
      .max(50, "App name must be at most 50 characters"),
    type: z.enum(APP_TYPES, { error: "Choose what kind of app it is" }),
    clientId: z
      .string({ error: "Client ID must be text" })
      .trim()
      .max(100, "Client ID must be at most 100 characters")
      .default(""),
    callbackUrl: url("Callback URL").default(""),
    installationUrl: url("Installation URL").default(""),
    clientSecret: z
      .string({ error: "Client secret must be text" })
      .trim()
      .max(200, "Client secret must be at most 200 characters")
      .default(""),
  })
  .superRefine((data, ctx) => {
    if (!hasFeature(data.type, "oauth")) return;
    if (!data.callbackUrl) ctx.addIssue({ code: "custom", path: ["callbackUrl"], message: "Callback URL is required" });
  })
  .transform((data) =>
    hasFeature(data.type, "oauth")
      ? data
      : { ...data, clientId: "", callbackUrl: "", installationUrl: "", clientSecret: "" },
  );

export type CreateAppInput = z.input<typeof createAppSchema>;

export const clientSecretSchema = z.strictObject({
  clientSecret: z
    .string({ error: "Client secret must be text" })
    .trim()
    .min(1, "Enter the client secret")
    .max(200, "Client secret must be at most 200 characters"),
});

/** The client ID from Developer Hub, added once the app exists there (a listing is drafted without it). */
export const clientIdSchema = z.strictObject({
  clientId: z
    .string({ error: "Client ID must be text" })
    .trim()
    .min(1, "Enter the client ID from Developer Hub")
    .max(100, "Client ID must be at most 100 characters")
    .regex(/^[\x21-\x7e]+$/, "A client ID has no spaces or special characters"),
});

export { APP_STATUS_LABELS } from "./labels";
