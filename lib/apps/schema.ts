import { z } from "zod";
import { isHttpUrl } from "@/lib/web-address";

const url = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(2000)
    .refine((v) => v === "" || isHttpUrl(v), { message: `${label} must be a full URL starting with https://` });

export const APP_TYPES = ["PUBLIC", "PRIVATE"] as const;

/** Creating an app: what Developer Hub asks for before a listing exists. Shared by the form and the server. */
export const createAppSchema = z.strictObject({
  name: z
    .string({ error: "App name must be text" })
    .trim()
    .min(1, "App name is required")
    .max(50, "App name must be at most 50 characters"),
  type: z.enum(APP_TYPES, { error: "Choose public or private" }),
  clientId: z
    .string({ error: "Client ID must be text" })
    .trim()
    .min(1, "Client ID is required")
    .max(100, "Client ID must be at most 100 characters"),
  callbackUrl: url("Callback URL").refine((v) => v !== "", { message: "Callback URL is required" }),
  installationUrl: url("Installation URL").default(""),
  clientSecret: z
    .string({ error: "Client secret must be text" })
    .trim()
    .max(200, "Client secret must be at most 200 characters")
    .default(""),
});

export type CreateAppInput = z.input<typeof createAppSchema>;

export const clientSecretSchema = z.strictObject({
  clientSecret: z
    .string({ error: "Client secret must be text" })
    .trim()
    .min(1, "Enter the client secret")
    .max(200, "Client secret must be at most 200 characters"),
});

export { STATUS_LABELS } from "./labels";
