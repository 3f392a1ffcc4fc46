import { PAGE_SOURCES, type SourceName } from "./types";

/**
 * What every reader of a collection page (JSON, microdata, the visible page) hands over: the lists
 * of apps it found, each with what the page says around it (a total, paging), and how the page ties
 * it to being *the* list rather than a row beside it. Choosing among them is done here, the same way
 * for every source, so that a featured row in the data loses to the main grid exactly as it would
 * in the markup.
 */

export type Listed = {
  clientId: string;
  slug: string | null;
  name: string | null;
  /** The position the page states for this app (a rank badge, JSON `position`), if any. */
  rank: number | null;
};

export type ListFacts = {
  /** The whole list's size. */
  total: number | null;
  /** The page index as the data states it, 0-based as the Marketplace's API counts (`page`, `number`). */
  index: number | null;
  /** The page number as data states it 1-based (`currentPage`, `current_page`). */
  current: number | null;
  /** Apps per page. */
  size: number | null;
  /** How many apps of the list come before this page. */
  offset: number | null;
  first: boolean | null;
  hasNext: boolean | null;
  /** The next page's address, as the page writes it. */
  next: string | null;
};

export const emptyFacts = (): ListFacts => ({
  total: null,
  index: null,
  current: null,
  size: null,
  offset: null,
  first: null,
  hasNext: null,
  next: null,
});

export type Candidate = {
  source: SourceName;
  entries: Listed[];
  facts: ListFacts;
  /**
   * The page ties this list to a total it does not exceed or to paging: it is the list the page is
   * about. A "Popular in …" row or a hero app has neither.
   */
  evidence: boolean;
};

/**
 * `/<lang>/marketplace/app/<slug>/<client id>`, relative or absolute (the language may be left out),
 * and the older `marketplace.pipedrive.com/app/<slug>/<client id>`.
 */
const LISTING_PATH = new RegExp(
  [
    String.raw`(?:(?:^|\/[a-z]{2}(?:-[a-z]{2})?|\/\/[^/\s]+)\/marketplace|\/\/marketplace\.pipedrive\.com)`,
    String.raw`\/app\/([^/?#"'\s]+)\/([^/?#"'\s]+)\/?(?:[?#]|$)`,
  ].join(""),
  "i",
);

export function listingRef(value: unknown): { slug: string; clientId: string } | null {
  if (typeof value !== "string") return null;
  const m = LISTING_PATH.exec(value);
  if (!m) return null;
  try {
    return { slug: decodeURIComponent(m[1]!), clientId: decodeURIComponent(m[2]!) };
  } catch {
    return null;
  }
}

/** A page may link one app twice (icon and name) or repeat it in a list: the first place counts. */
export function distinct(entries: Listed[]): Listed[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.clientId) ? false : (seen.add(e.clientId), true)));
}

/** A total only counts when the list fits in it: "Top 3 apps" above a grid of 12 is not its size. */
export const fits = (total: number | null, shown: number) => total !== null && total >= shown;

export const isPaged = (f: ListFacts) =>
  (f.index !== null && f.size !== null) ||
  f.current !== null ||
  f.offset !== null ||
  f.hasNext !== null ||
  f.next !== null;

const sameApps = (a: Listed[], b: Listed[]) => {
  const x = distinct(a);
  const y = distinct(b);
  return x.length === y.length && x.every((e, i) => e.clientId === y[i]!.clientId);
};

const trust = (s: SourceName) => PAGE_SOURCES.indexOf(s);

/**
 * The page's list: the one it ties to a total or paging, else the longest (a row of "popular" apps
 * or a hero is shorter than the grid it sits beside), else the most structured source's. When
 * several sources carry that same list, the most structured one's entries are used and what any of
 * them says about the list (its total, paging, stated ranks) is put together.
 */
export function chooseList(candidates: Candidate[]): { chosen: Candidate; alsoBy: SourceName[] } | null {
  const listed = candidates.filter((c) => c.entries.length > 0);
  if (!listed.length) return null;
  const score = (c: Candidate) => [Number(c.evidence), distinct(c.entries).length, -trust(c.source)];
  const better = (a: Candidate, b: Candidate) => {
    const [x, y] = [score(a), score(b)];
    const i = x.findIndex((v, k) => v !== y[k]);
    return i >= 0 && x[i]! > y[i]!;
  };
  const best = listed.reduce((b, c) => (better(c, b) ? c : b));
  const same = listed
    .filter((c) => sameApps(c.entries, best.entries))
    .sort((a, b) => trust(a.source) - trust(b.source));
  const lead = same[0]!;
  const facts = emptyFacts();
  for (const c of same)
    for (const key of Object.keys(facts) as (keyof ListFacts)[])
      if (facts[key] === null) (facts as Record<keyof ListFacts, unknown>)[key] = c.facts[key];
  // Ranks shown only in the markup (badges "#13") still belong to the data's entries.
  const ranked = same.find((c) => c.entries.some((e) => e.rank !== null));
  const ranks = new Map(distinct(ranked?.entries ?? []).map((e) => [e.clientId, e.rank]));
  const entries = distinct(lead.entries).map((e) => ({ ...e, rank: e.rank ?? ranks.get(e.clientId) ?? null }));
  const alsoBy = [...new Set(same.map((c) => c.source).filter((s) => s !== lead.source))];
  return { chosen: { source: lead.source, entries, facts, evidence: same.some((c) => c.evidence) }, alsoBy };
}
