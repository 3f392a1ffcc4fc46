import "server-only";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { checkHost, NOT_ALLOWED, refusalOf, type OutboundPolicy } from "./outbound";

/**
 * The outbound policy of this deployment: the Marketplace (pages and API) and Pipedrive origins it
 * is configured with are trusted; this machine's own addresses only where `OUTBOUND_ALLOW_LOCAL` says so (local
 * development and tests; refused in production unless Listing Studio itself runs on localhost).
 */
export function outboundPolicy(): OutboundPolicy {
  const { OUTBOUND_ALLOW_LOCAL, MARKETPLACE_URL, MARKETPLACE_API_URL, PIPEDRIVE_OAUTH_URL, PIPEDRIVE_API_URL } = env();
  return {
    allowLocal: OUTBOUND_ALLOW_LOCAL === "true",
    trustedOrigins: [MARKETPLACE_URL, MARKETPLACE_API_URL, PIPEDRIVE_OAUTH_URL, PIPEDRIVE_API_URL]
      .filter((u) => u !== "off")
      .map((u) => new URL(u).origin),
  };
}

const MESSAGES: Record<string, string> = {
  [NOT_ALLOWED]: "address not allowed: Listing Studio only sends to public internet addresses",
};

/**
 * The check when someone saves a URL the server will request later (it is checked again at each
 * request): a refusal is a field error of that form, in words.
 */
export async function assertOutboundUrl(url: string, field: string, label: string) {
  try {
    await checkHost(url, outboundPolicy());
  } catch (error) {
    const refused = refusalOf(error);
    if (!refused) throw error;
    const message = `${label}: ${MESSAGES[refused.reason] ?? refused.reason}`;
    throw new AppError("VALIDATION", message, { [field]: message });
  }
}
