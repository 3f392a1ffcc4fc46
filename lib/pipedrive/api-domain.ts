import { env } from "@/lib/server/env";

/** The `api_domain` to call with the new token: a Pipedrive company domain (or the configured API), never anything else. */
export function trustedApiDomain(apiDomain: string): string {
  const configured = new URL(env().PIPEDRIVE_API_URL).origin;
  try {
    const url = new URL(apiDomain || configured);
    if (
      url.origin === configured ||
      (url.protocol === "https:" && (url.hostname === "pipedrive.com" || url.hostname.endsWith(".pipedrive.com")))
    )
      return url.origin;
  } catch {
    // fall through
  }
  return configured;
}
