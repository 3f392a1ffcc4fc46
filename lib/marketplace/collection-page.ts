import { load } from "cheerio";
import { challengeMessage, challengeTitle } from "./challenge";
import { domCandidates, microdataCandidate } from "./collection-dom";
import { jsonCandidates, jsonSources } from "./collection-json";
import { chooseList, fits, type Listed } from "./collection-list";
import { nextOf, pageLinks, pagerHints, placeOf, type Place } from "./collection-paging";
import { notFoundPage, saysEmpty } from "./collection-text";
import type { SourceName } from "./types";

/**
 * Reads one page of a Marketplace collection ("Top rated", "Trending", "App extensions"…) or
 * category: the apps it lists, in order, each by its client id and its position in the whole list,
 * with the list's size when the page says it and the address of the next page. Like the listing
 * reader, it does not trust one layout: JSON-LD, Next.js page data, App Router flight data, other
 * JSON scripts, microdata and the visible page are all read, each for every list of apps it holds.
 * The page's list is told from the rows beside it (a featured hero, "Popular in …") by structure —
 * the list the page ties to a total or to paging, else the longest — never by a key or class name
 * (see collection-list.ts). A page that lists nothing and does not say it is empty, a bot check and a
 * "page not found" are errors with a reason: a rank is never invented.
 */

export type CollectionEntry = {
  clientId: string;
  slug: string | null;
  name: string | null;
  /** Where the app stands in the whole list (1 = first), so 13 for the first app of page 2. */
  position: number;
  /**
   * "rank": the page states this app's position (a "#13" badge, JSON `position`); "paging": its place
   * on the page after the apps the page says come before it; "order": its place on the page, earlier
   * pages counted as the Marketplace's 12 apps each because the page does not say how many.
   */
  positionFrom: "rank" | "paging" | "order";
};

export type ParsedCollectionPage = {
  source: SourceName;
  entries: CollectionEntry[];
  /** How many apps the whole list holds, when the page says. */
  total: number | null;
  /** The next page's address (absolute), when there is one. */
  next: string | null;
  /** Which page of the list this is (1-based). */
  page: number;
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

const NOTHING_READABLE =
  "The page lists no Marketplace apps Listing Studio can read: no app list in its data, microdata or links. Nothing was stored.";

function positioned(entries: Listed[], place: Place, total: number | null): CollectionEntry[] {
  const ranks = entries.flatMap((e) => (e.rank === null ? [] : [e.rank]));
  // Numbers that repeat or pass the list's end are not ranks (a score, an id): the order stands.
  const ranked = new Set(ranks).size === ranks.length && (total === null || ranks.every((r) => r <= total));
  // Ranks that start again at 1 on a later page number the page, not the list.
  const shift = place.before > 0 && ranks.length && Math.min(...ranks) === 1 ? place.before : 0;
  const placed = place.stated ? "paging" : "order";
  return entries.map(({ clientId, slug, name, rank }, i) =>
    rank === null || !ranked
      ? { clientId, slug, name, position: place.before + i + 1, positionFrom: placed }
      : { clientId, slug, name, position: rank + shift, positionFrom: shift ? placed : "rank" },
  );
}

export function parseCollectionPage(html: string, pageUrl: string): ParsedCollectionPage {
  const title = challengeTitle(html);
  if (title) throw new CollectionParseError(challengeMessage(title), "challenge");
  const $ = load(html);
  const missing = notFoundPage($);
  if (missing)
    throw new CollectionParseError(
      `The page says it does not exist ("${missing.slice(0, 80)}"): the collection may have moved or ended. ` +
        "The apps it suggests instead are no list to rank in; nothing was stored.",
      "not-a-list",
    );
  const json = jsonSources($);
  const readings = (["json-ld", "next-data", "flight", "json"] as const).map((s) => jsonCandidates(json[s], s));
  const dom = domCandidates($, pageUrl);
  const microdata = microdataCandidate($);
  const candidates = [...readings.flatMap((r) => r.candidates), ...(microdata ? [microdata] : []), ...dom.candidates];
  const picked = chooseList(candidates);
  const notes: string[] = [];
  // A page that says its list is empty may still show other apps ("Popular in …"): those are not it.
  const empty = readings.some((r) => r.saysEmpty) || saysEmpty(dom.text) || dom.said?.total === 0;
  if (!picked || (empty && !picked.chosen.evidence)) {
    if (empty) return { source: picked?.chosen.source ?? "dom", entries: [], total: 0, next: null, page: 1, notes };
    throw new CollectionParseError(NOTHING_READABLE, "not-a-list");
  }
  const { chosen, alsoBy } = picked;
  if (alsoBy.length) notes.push(`Also listed by ${alsoBy.join(", ")}; ${chosen.source} was used`);
  const hints = pagerHints($);
  const place = placeOf(pageUrl, chosen.facts, hints);
  const shown = chosen.entries.length;
  // The size the page states anywhere outside its cards, when the list's own surroundings do not.
  const said = dom.said && fits(dom.said.total, place.before + shown) ? dom.said.total : null;
  let total = chosen.facts.total ?? said;
  if (total !== null && !fits(total, place.before + shown)) {
    notes.push(`The page says the list holds ${total} apps, fewer than it shows up to here; that size was not used`);
    total = null;
  }
  const links = pageLinks($, pageUrl).map((a) => a.attribs.href!);
  const next = nextOf(pageUrl, place, shown, { ...chosen.facts, total }, hints, links);
  return {
    source: chosen.source,
    entries: positioned(chosen.entries, place, total),
    total,
    next,
    page: place.page,
    notes,
  };
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
 * A list whose size is known is complete only when that many apps were read: a page that shows 12
 * of 40 and links no further (one that loads the rest as the visitor scrolls) leaves it incomplete.
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
  let stalled = false;
  const visited = new Set<string>();
  const result = () => {
    const complete = total !== null ? ranks.length >= total : url === null && !stalled;
    if (!complete && total !== null && url === null && !stalled)
      notes.push(`The pages show ${ranks.length} of the list's ${total} apps and link no further page`);
    return { ranks, size: Math.max(total ?? 0, ranks.length), pagesRead, complete, source, notes };
  };
  while (url && pagesRead < maxPages && !visited.has(url)) {
    visited.add(url);
    const page = parseCollectionPage(await fetchPage(url), url);
    pagesRead++;
    if (pagesRead === 1) source = page.source;
    total ??= page.total;
    notes.push(...page.notes.filter((n) => !notes.includes(n)));
    let added = 0;
    for (const e of page.entries) {
      if (seen.has(e.clientId)) continue;
      seen.add(e.clientId);
      added++;
      // Past the first page, what was read counts the apps before better than an assumed page size.
      const rank = pagesRead === 1 || e.positionFrom !== "order" ? e.position : ranks.length + 1;
      ranks.push({ clientId: e.clientId, slug: e.slug, name: e.name, rank });
    }
    // A page that repeats what was read (a "next page" the site ignores) would repeat forever.
    if (pagesRead > 1 && added === 0) {
      notes.push(`Page ${page.page} listed only apps already read; reading stopped there`);
      stalled = true;
      return result();
    }
    // Only the list's own pages are followed: a "next" link to another site is noted, never fetched.
    if (page.next && new URL(page.next).origin !== new URL(firstUrl).origin) {
      notes.push(`The next page is on another site (${new URL(page.next).host}); it was not read`);
      stalled = true;
      return result();
    }
    url = page.next;
  }
  if (url && pagesRead >= maxPages) notes.push(`Read the first ${pagesRead} pages only`);
  return result();
}
