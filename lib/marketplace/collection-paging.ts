import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import type { ListFacts } from "./collection-list";

/**
 * Where a page sits in a paged list. The Marketplace's lists come in pages of 12; its pages are
 * addressed `?page=2` (1-based) while its API counts pages from 0 (`page: 1` is the second page).
 * The page's place is taken from its address, else from the pager's current page, its next or
 * previous link, or the data's page index; how many apps come before it from a stated offset
 * ("Showing 13–24 of 40"), else its page number times a stated page size, else times 12.
 */

const MARKETPLACE_PAGE_SIZE = 12;

const BASE = "https://www.pipedrive.com/";

/** The 1-based page number an address names (`?page=2`, `?p=2`, `/page/2`), or null when it names none. */
export function pageNumberIn(href: string, pageUrl: string): number | null {
  if (!URL.canParse(href, new URL(pageUrl, BASE))) return null;
  const url = new URL(href, new URL(pageUrl, BASE));
  const param = ["page", "p", "pg"].map((k) => url.searchParams.get(k)).find((v) => v !== null);
  if (param !== undefined && /^\d{1,4}$/.test(param)) return Math.max(1, Number(param));
  const path = /\/page\/(\d{1,4})\/?$/.exec(url.pathname);
  return path ? Math.max(1, Number(path[1])) : null;
}

const listPath = (url: URL) => url.pathname.replace(/\/page\/\d+\/?$/, "").replace(/\/$/, "");

/** Whether an address is a page of the same list (same site and path, any page). */
export function samePages(href: string, pageUrl: string): boolean {
  const base = new URL(pageUrl, BASE);
  if (!URL.canParse(href, base)) return false;
  const url = new URL(href, base);
  return url.origin === base.origin && listPath(url) === listPath(base);
}

/** The address of page `n` of the list `pageUrl` is a page of. */
export function withPage(pageUrl: string, n: number): string {
  const url = new URL(pageUrl, BASE);
  const path = /\/page\/\d+\/?$/.exec(url.pathname);
  if (path) url.pathname = url.pathname.replace(/\/page\/\d+(\/?)$/, `/page/${n}$1`);
  else url.searchParams.set("page", String(n));
  return url.href;
}

/** Links to pages of the same list (a pager's numbers, its next link), wherever they sit. */
export function pageLinks($: CheerioAPI, pageUrl: string): Element[] {
  return $("a[href]")
    .toArray()
    .filter((a) => a.attribs.rel?.split(/\s+/).includes("next") || pageNumberIn(a.attribs.href!, pageUrl) !== null)
    .filter((a) => samePages(a.attribs.href!, pageUrl));
}

export type PagerHints = { current: number | null; next: string | null; prev: string | null; nextIndex: number | null };

/** What the page's markup says about paging: the pager's current page, next and previous links. */
export function pagerHints($: CheerioAPI): PagerHints {
  const current = $('[aria-current="page"]')
    .toArray()
    .map((el) => $(el).text().trim())
    .find((t) => /^\d{1,4}$/.test(t));
  const rel = (kind: string) => $(`link[rel~="${kind}"][href], a[rel~="${kind}"][href]`).first().attr("href") ?? null;
  // A "Load more" control that names the page it loads (`data-next-page="1"`).
  const nextIndex = $("[data-next-page]")
    .toArray()
    .map((el) => el.attribs["data-next-page"] ?? "")
    .find((v) => /^\d{1,4}$/.test(v));
  return {
    current: current ? Number(current) : null,
    next: rel("next"),
    prev: rel("prev"),
    nextIndex: nextIndex !== undefined ? Number(nextIndex) : null,
  };
}

export type Place = {
  /** 1-based. */
  page: number;
  /** How many apps of the list come before this page. */
  before: number;
  /** Whether the page says so (its address, pager, data or a "Showing 13–24" line), rather than it being assumed. */
  stated: boolean;
};

export function placeOf(pageUrl: string, facts: ListFacts, hints: PagerHints): Place {
  const fromUrl = pageNumberIn(pageUrl, pageUrl);
  const fromNext = hints.next ? pageNumberIn(hints.next, pageUrl) : null;
  const fromPrev = hints.prev ? (pageNumberIn(hints.prev, pageUrl) ?? 1) : null;
  const size = facts.size ?? MARKETPLACE_PAGE_SIZE;
  // Data page indexes are the API's, 0-based, unless that would put the page past the list's end.
  const fromData =
    facts.current ??
    (facts.index === null || facts.size === null
      ? null
      : facts.first
        ? 1
        : facts.total !== null && facts.index * facts.size >= facts.total && facts.index > 0
          ? facts.index
          : facts.index + 1);
  const page =
    fromUrl ??
    hints.current ??
    (fromNext !== null && fromNext > 1 ? fromNext - 1 : null) ??
    (fromPrev !== null ? fromPrev + 1 : null) ??
    (facts.offset !== null ? Math.floor(facts.offset / size) + 1 : null) ??
    fromData;
  if (facts.offset !== null)
    return { page: page ?? Math.floor(facts.offset / size) + 1, before: facts.offset, stated: true };
  if (page === null) return { page: 1, before: 0, stated: false };
  return { page, before: (page - 1) * size, stated: page === 1 || facts.size !== null };
}

/**
 * The next page: the data's or the markup's next link, the pager's link to the following page, or —
 * when the data or a "Load more" control says there is one and the list is not yet complete — the
 * same address with the following page number.
 */
export function nextOf(
  pageUrl: string,
  place: Place,
  shown: number,
  facts: ListFacts,
  hints: PagerHints,
  pages: string[],
): string | null {
  const absolute = (href: string | null) => {
    const base = new URL(pageUrl, BASE);
    return href && URL.canParse(href, base) ? new URL(href, base).href : null;
  };
  const linked =
    absolute(facts.next) ??
    absolute(hints.next) ??
    absolute(pages.find((h) => pageNumberIn(h, pageUrl) === place.page + 1) ?? null);
  if (linked) return linked;
  const more = facts.hasNext ?? (facts.total !== null ? place.before + shown < facts.total : null);
  const loadsNext = hints.nextIndex === place.page || hints.nextIndex === place.page + 1;
  const dataPaged = facts.index !== null || facts.current !== null || facts.offset !== null || facts.hasNext !== null;
  return more && (dataPaged || loadsNext) ? withPage(pageUrl, place.page + 1) : null;
}
