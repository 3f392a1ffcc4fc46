import { load, type CheerioAPI } from "cheerio";
import { challengeMessage, challengeTitle } from "./challenge";
import { readFlight } from "./flight";
import type { SourceName } from "./types";
import { count, isObject, type Json } from "./values";

/**
 * Reads one page of a Marketplace collection ("Top rated", "Trending", "App extensions"…) or
 * category: the apps it lists, in order, each by its client id, with the list's size when the page
 * says it and the address of the next page. Like the listing reader, it does not trust one layout:
 * JSON-LD `ItemList`s, Next.js page data, App Router flight data, other JSON scripts, microdata and
 * the visible page's links to listings are all read, and the most structured source that lists apps
 * wins. Apps are found by structure — an array of objects that each name a listing (its URL, or a
 * client id beside a name or slug) — never by a key name. A page that lists nothing and does not say
 * it is empty is an error with a reason: a rank is never invented.
 */

export type CollectionEntry = {
  clientId: string;
  slug: string | null;
  name: string | null;
  /** The page's own position (1 = first), when it gives one; otherwise the order of the list. */
  position: number | null;
};

export type ParsedCollectionPage = {
  source: SourceName;
  entries: CollectionEntry[];
  /** How many apps the whole list holds, when the page says. */
  total: number | null;
  /** The next page's address (absolute), when there is one. */
  next: string | null;
  notes: string[];
};

export class CollectionParseError extends Error {
  constructor(
    message: string,
    readonly kind: "challenge" | "not-a-list",
  ) {
    super(message);
  }
}

/** `/<lang>/marketplace/app/<slug>/<client id>`, relative or absolute. */
const LISTING_PATH = /\/[a-z]{2}(?:-[a-z]{2})?\/marketplace\/app\/([^/?#"']+)\/([^/?#"']+)\/?(?:[?#]|$)/i;
const CLIENT_ID = /^[A-Za-z0-9_-]{6,64}$/;
const CLIENT_KEYS = ["clientId", "client_id", "clientID", "appClientId", "oauthClientId"];
const TOTAL_KEYS = ["numberOfItems", "totalCount", "total", "totalItems", "count", "totalApps", "appsCount"];
const POSITION_KEYS = ["position", "rank", "index"];
const NAME_KEYS = ["name", "title", "appName"];

const text = (v: unknown) => (typeof v === "string" ? v : null);

function listingRef(value: unknown): { slug: string; clientId: string } | null {
  const s = text(value);
  if (!s) return null;
  const m = LISTING_PATH.exec(s);
  return m ? { slug: decodeURIComponent(m[1]!), clientId: decodeURIComponent(m[2]!) } : null;
}

/** The listing an object stands for: a URL to it (on itself or its `item`), or a client id with a name or slug. */
function entryOf(o: Json): CollectionEntry | null {
  const holders = [o, ...(isObject(o.item) ? [o.item] : []), ...(isObject(o.app) ? [o.app] : [])];
  let ref: { slug: string | null; clientId: string } | null = null;
  for (const h of holders) {
    for (const key of ["url", "href", "link", "@id", "canonicalUrl", "path"]) ref ??= listingRef(h[key]);
    if (!ref) {
      const id = CLIENT_KEYS.map((k) => text(h[k])).find((v) => v && CLIENT_ID.test(v));
      const named = NAME_KEYS.some((k) => text(h[k])) || text(h.slug);
      if (id && named) ref = { slug: text(h.slug), clientId: id };
    }
    if (ref) break;
  }
  if (!ref) return null;
  const name = holders.flatMap((h) => NAME_KEYS.map((k) => text(h[k]))).find(Boolean) ?? null;
  const position = POSITION_KEYS.map((k) => count(o[k])).find((v) => v !== null && v > 0) ?? null;
  return { clientId: ref.clientId, slug: ref.slug, name, position };
}

type Found = { entries: CollectionEntry[]; total: number | null; next: string | null };

/** Every array whose members all name a listing, with the total and next page its holder states. */
function findLists(roots: unknown[]): Found[] {
  const found: Found[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, holder: Json | null, depth: number) => {
    if (depth > 40 || value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      const objects = value.filter(isObject);
      const entries = objects.map(entryOf);
      if (objects.length > 0 && objects.length === value.length && entries.every(Boolean))
        found.push({ entries: entries as CollectionEntry[], total: totalOf(holder), next: nextOf(holder) });
      for (const item of value) walk(item, holder, depth + 1);
      return;
    }
    const o = value as Json;
    for (const key of Object.keys(o)) walk(o[key], o, depth + 1);
  };
  for (const root of roots) walk(root, null, 0);
  return found;
}

function totalOf(holder: Json | null): number | null {
  if (!holder) return null;
  for (const h of [holder, ...(isObject(holder.pageInfo) ? [holder.pageInfo] : [])]) {
    const total = TOTAL_KEYS.map((k) => count(h[k])).find((v) => v !== null);
    if (total !== undefined && total !== null) return total;
  }
  return null;
}

function nextOf(holder: Json | null): string | null {
  if (!holder) return null;
  for (const h of [holder, ...(isObject(holder.pageInfo) ? [holder.pageInfo] : [])]) {
    const next = text(h.nextPage) ?? text(h.next) ?? text(h.nextUrl);
    if (next) return next;
  }
  return null;
}

/** Several lists on a page (a featured row beside the list): the longest is the collection. */
const longest = (lists: Found[]) =>
  lists.reduce<Found | null>((best, l) => (!best || l.entries.length > best.entries.length ? l : best), null);

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function jsonSources($: CheerioAPI): Record<"json-ld" | "next-data" | "flight" | "json", unknown[]> {
  const all = (selector: string) =>
    $(selector)
      .toArray()
      .map((el) => parseJson($(el).text()))
      .filter((v) => v !== undefined);
  const flight = readFlight(
    $("script:not([src])")
      .toArray()
      .map((el) => $(el).text())
      .filter((t) => t.includes("__next_f")),
  );
  return {
    "json-ld": all('script[type="application/ld+json"]'),
    "next-data": all("script#__NEXT_DATA__"),
    flight: flight?.values ?? [],
    json: all('script[type="application/json"]:not(#__NEXT_DATA__), script[type="application/x-json"]'),
  };
}

/** schema.org microdata: an ItemList's ListItems, each with a position and a URL. */
function microdataList($: CheerioAPI): Found | null {
  const list = $('[itemtype$="schema.org/ItemList"]').first();
  if (!list.length) return null;
  const entries = list
    .find('[itemprop="itemListElement"]')
    .toArray()
    .map((el) => {
      const item = $(el);
      const url =
        item.find('[itemprop="url"]').first().attr("href") ?? item.find('[itemprop="url"]').first().attr("content");
      const ref = listingRef(url) ?? listingRef(item.find("a[href]").first().attr("href"));
      if (!ref) return null;
      const position = count(item.find('[itemprop="position"]').first().attr("content"));
      const name = item.find('[itemprop="name"]').first().text().trim() || null;
      const entry: CollectionEntry = { clientId: ref.clientId, slug: ref.slug, name, position };
      return entry;
    })
    .filter((e): e is CollectionEntry => e !== null);
  if (!entries.length) return null;
  const total = count(list.find('[itemprop="numberOfItems"]').first().attr("content"));
  return { entries, total, next: null };
}

/** The visible page: links to listings inside the main content, in document order, once each. */
function visibleList($: CheerioAPI): Found | null {
  const scope = $("main").length ? $("main") : $("body");
  const entries: CollectionEntry[] = [];
  const seen = new Set<string>();
  scope.find("a[href]").each((_, el) => {
    const ref = listingRef($(el).attr("href"));
    if (!ref || seen.has(ref.clientId)) return;
    seen.add(ref.clientId);
    const name = $(el).find("h2, h3, [class*=name], [class*=Name], [class*=title]").first().text().trim() || null;
    entries.push({ ...ref, name, position: null });
  });
  if (!entries.length) return null;
  const said = /\b(?:of|all)\s+([\d,]+)\s+apps?\b/i.exec(scope.text()) ?? /\b([\d,]+)\s+apps?\b/i.exec(scope.text());
  return { entries, total: said ? count(said[1]!.replace(/,/g, "")) : null, next: null };
}

/** Says it lists no apps (an empty category), rather than a layout nothing could be read from. */
const saysEmpty = ($: CheerioAPI) =>
  /\bno apps\b|\b0 apps\b|nothing here yet/i.test($("main").text() || $("body").text());

export function parseCollectionPage(html: string, pageUrl: string): ParsedCollectionPage {
  const title = challengeTitle(html);
  if (title) throw new CollectionParseError(challengeMessage(title), "challenge");
  const $ = load(html);
  const json = jsonSources($);
  const candidates: [SourceName, Found | null][] = [
    ["json-ld", longest(findLists(json["json-ld"]))],
    ["next-data", longest(findLists(json["next-data"]))],
    ["flight", longest(findLists(json.flight))],
    ["json", longest(findLists(json.json))],
    ["microdata", microdataList($)],
    ["dom", visibleList($)],
  ];
  const notes: string[] = [];
  const picked = candidates.find(([, f]) => f && f.entries.length > 0);
  const relNext = $('link[rel="next"]').attr("href") ?? $('a[rel="next"]').attr("href") ?? null;
  const absolute = (href: string | null) => (href && URL.canParse(href, pageUrl) ? new URL(href, pageUrl).href : null);
  if (!picked) {
    if (saysEmpty($)) return { source: "dom", entries: [], total: 0, next: null, notes };
    throw new CollectionParseError(
      "The page lists no Marketplace apps Listing Studio can read: no app list in its data, microdata or links. Nothing was stored.",
      "not-a-list",
    );
  }
  const [source, found] = picked as [SourceName, Found];
  const others = candidates.filter(([s, f]) => s !== source && f && f.entries.length > 0).map(([s]) => s);
  if (others.length) notes.push(`Also listed by ${others.join(", ")}; ${source} was used`);
  // A list's size from any source that states it, the most structured first.
  const total = found.total ?? candidates.map(([, f]) => f?.total ?? null).find((t) => t !== null) ?? null;
  const next = absolute(found.next) ?? absolute(relNext);
  return { source, entries: dedupe(found.entries), total, next, notes };
}

function dedupe(entries: CollectionEntry[]): CollectionEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.clientId) ? false : (seen.add(e.clientId), true)));
}

export type CollectionRanks = {
  /** Every app listed, rank 1 first: the page's own positions when it gives them, otherwise the order read. */
  ranks: { clientId: string; slug: string | null; name: string | null; rank: number }[];
  /** The list's size: as the page states it, otherwise how many apps were read (all pages were). */
  size: number;
  pagesRead: number;
  /** Whether the list was read to its end: only then does an absent app have no position. */
  complete: boolean;
  source: SourceName;
  notes: string[];
};

/**
 * Reads a collection or category page by page (following each page's next link) until the list ends
 * or `maxPages` were read. `fetchPage` is the Marketplace client, with its politeness and limits.
 */
export async function readCollection(
  firstUrl: string,
  fetchPage: (url: string) => Promise<string>,
  { maxPages = 10 }: { maxPages?: number } = {},
): Promise<CollectionRanks> {
  const ranks: CollectionRanks["ranks"] = [];
  const seen = new Set<string>();
  const notes: string[] = [];
  let url: string | null = firstUrl;
  let total: number | null = null;
  let source: SourceName = "dom";
  let pagesRead = 0;
  const visited = new Set<string>();
  while (url && pagesRead < maxPages && !visited.has(url)) {
    visited.add(url);
    const page = parseCollectionPage(await fetchPage(url), url);
    pagesRead++;
    if (pagesRead === 1) source = page.source;
    total ??= page.total;
    notes.push(...page.notes.filter((n) => !notes.includes(n)));
    for (const e of page.entries) {
      if (seen.has(e.clientId)) continue;
      seen.add(e.clientId);
      ranks.push({ clientId: e.clientId, slug: e.slug, name: e.name, rank: e.position ?? ranks.length + 1 });
    }
    // Only the list's own pages are followed: a "next" link to another site is noted, never fetched.
    if (page.next && new URL(page.next).origin !== new URL(firstUrl).origin) {
      notes.push(`The next page is on another site (${new URL(page.next).host}); it was not read`);
      return { ranks, size: Math.max(total ?? 0, ranks.length), pagesRead, complete: false, source, notes };
    }
    url = page.next;
  }
  if (url && pagesRead >= maxPages) notes.push(`Read the first ${pagesRead} pages only`);
  return { ranks, size: Math.max(total ?? 0, ranks.length), pagesRead, complete: url === null, source, notes };
}
