import { z } from "zod";

/** https, or http on this machine (a partner developing against a local backend). */
const endpoint = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(2000, `${label} must be at most 2,000 characters`)
    .refine(
      (v) => {
        if (!v) return true;
        try {
          const url = new URL(v);
          return (
            url.protocol === "https:" ||
            (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
          );
        } catch {
          return false;
        }
      },
      { message: `${label} must be a full https:// URL` },
    );

export const gatewaySettingsSchema = z
  .strictObject({
    handoffMode: z.enum(["FORWARD", "RECORD_ONLY"], { error: "Choose what happens to the tokens" }),
    handoffUrl: endpoint("Handoff URL").default(""),
    onboardingUrl: endpoint("Onboarding URL").default(""),
  })
  .refine((v) => v.handoffMode !== "FORWARD" || v.handoffUrl, {
    message: "Forwarding needs the URL of your backend",
    path: ["handoffUrl"],
  });
export type GatewaySettingsInput = z.input<typeof gatewaySettingsSchema>;
