import type { CaptureKind, Capture } from "./capture-format";
import { captureOf } from "./capture-format";
import { fetchMarketplace, PageFetchError, type FetchPageOptions } from "./fetch-page";
import { listingAddress } from "./listing-lookup";

/** What an address is: the API, a list of apps, or a listing (the default). */
export function kindOf(url: string): CaptureKind {
  const path = new URL(url).pathname;
  if (/\/api\//.test(path)) return "API";
  if (/\/marketplace\/(collections|categories)\//.test(path)) return "COLLECTION";
  return "LISTING";
}

/** The app an address is about: a listing's client id, or the API's `/apps/<client id>`. */
export function clientIdOf(url: string): string | null {
  const api = /\/api\/.*\/apps\/([^/?#]+)$/.exec(new URL(url).pathname)?.[1];
  if (api && api !== "sorted") return decodeURIComponent(api);
  return listingAddress(url)?.clientId ?? null;
}

/**
 * What the Marketplace serves at `url`, as the sync's client asks for it (its User-Agent, pacing,
 * robots.txt and outbound guard): a page, a bot check, a 404 are all captured as answered. Only an
 * address that is refused or never answers has nothing to keep, and throws.
 */
export async function captureUrl(url: string, options: FetchPageOptions = {}): Promise<Capture> {
  const kind = kindOf(url);
  const extra = { clientId: clientIdOf(url) };
  try {
    const response = await fetchMarketplace(url, { attempts: 2, ...options, accept: kind === "API" ? "json" : "html" });
    return captureOf(response, kind, extra);
  } catch (error) {
    if (error instanceof PageFetchError && error.response)
      return captureOf(error.response, kind, { ...extra, reason: error.message });
    throw error;
  }
}
