import { fetchMarketplace, PageFetchError, type FetchPageOptions } from "./fetch-page";

/**
 * Finding a listing again after its address changed. Pipedrive's Marketplace team may rename a
 * listing, and a renamed page's old slug answered 404 (MARKETPLACE.md): the app is then looked up by
 * its client id — first in what the Marketplace's API says its slug is, then in the site's sitemap —
 * before it is called gone.
 */

const LISTING = /^\/([a-z]{2}(?:-[a-z]{2})?)\/marketplace\/app\/([^/?#]+)\/([A-Za-z0-9_-]{6,64})\/?$/i;

/** The parts of a listing's address, or null for any other address. */
export function listingAddress(url: string): { origin: string; lang: string; slug: string; clientId: string } | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  const m = LISTING.exec(u.pathname);
  return m
    ? { origin: u.origin, lang: m[1]!, slug: decodeURIComponent(m[2]!), clientId: decodeURIComponent(m[3]!) }
    : null;
}

/** At most this many sitemap files are read in one lookup (an index may list hundreds). */
const MAX_SITEMAPS = 6;

const locs = (xml: string) =>
  [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => m[1]!.replace(/&amp;/g, "&"));

/** The listing's address in the site's sitemap (or a sitemap its index lists), in the language asked when it can. */
async function fromSitemap(origin: string, clientId: string, lang: string, options: FetchPageOptions) {
  const queue = [`${origin}/sitemap.xml`];
  const seen = new Set<string>();
  const found: string[] = [];
  while (queue.length && seen.size < MAX_SITEMAPS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    let xml: string;
    try {
      xml = (await fetchMarketplace(next, { attempts: 1, ...options })).body;
    } catch (error) {
      if (error instanceof PageFetchError) continue;
      throw error;
    }
    const entries = locs(xml);
    if (/<sitemapindex/i.test(xml)) {
      // The sitemaps that name the Marketplace or its apps first.
      queue.push(...entries.sort((a, b) => Number(/marketplace|app/i.test(b)) - Number(/marketplace|app/i.test(a))));
      continue;
    }
    found.push(...entries.filter((u) => listingAddress(u)?.clientId === clientId));
    if (found.length) break;
  }
  return found.find((u) => listingAddress(u)?.lang === lang) ?? found[0] ?? null;
}

/** Where the app's listing is now, by its client id: the API's slug first, then the sitemap. Null when neither knows. */
export async function findListingByClientId(
  { url, clientId, slug }: { url: string; clientId: string; slug: string | null },
  options: FetchPageOptions = {},
): Promise<string | null> {
  const at = listingAddress(url);
  const origin = at?.origin ?? (URL.canParse(url) ? new URL(url).origin : null);
  if (!origin) return null;
  const lang = at?.lang ?? "en";
  if (slug && slug !== at?.slug)
    return `${origin}/${lang}/marketplace/app/${encodeURIComponent(slug)}/${encodeURIComponent(clientId)}`;
  return fromSitemap(origin, clientId, lang, options);
}
