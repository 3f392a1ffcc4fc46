import type { CheerioAPI } from "cheerio";
import { emptyFacts, fits, isPaged, listingRef, type Candidate, type ListFacts, type Listed } from "./collection-list";
import { readFlight } from "./flight";
import type { SourceName } from "./types";
import { count, isObject, type Json } from "./values";

/**
 * Lists of apps in a page's JSON (JSON-LD, `__NEXT_DATA__`, flight data, other JSON scripts), found
 * by structure: an array whose members each name a listing — its URL, or a client id beside a name
 * or slug. What the data says about a list (its total, page, page size, next page) is read from the
 * object holding it and, going up, from every enclosing object that holds no other list: a
 * `{ request: { page, limit }, data: { apps, totalElements } }` state describes its one list, while a
 * page model holding a featured row and the grid says nothing about either.
 */

const CLIENT_ID = /^[A-Za-z0-9_-]{6,64}$/;
const CLIENT_KEYS = ["clientId", "client_id", "clientID", "appClientId", "oauthClientId"];
/** A bare `id` is a client id only in the form Pipedrive gives them (16 hex digits). */
const HEX_ID = /^[0-9a-f]{16}$/i;
const URL_KEYS = ["url", "href", "link", "@id", "item", "canonicalUrl", "path", "appUrl", "listingUrl"];
const NAME_KEYS = ["name", "title", "appName"];
const SLUG_KEYS = ["slug", "app_path", "appPath", "appSlug"];
// No `index`: it is as often 0-based as 1-based.
const RANK_KEYS = ["position", "rank", "ranking"];

/** Key names as data spells them (`totalElements`, `total_elements`, `TotalCount`), folded. */
const FACT_KEYS: Record<string, keyof ListFacts | "last"> = {
  ...Object.fromEntries(
    [
      "totalelements",
      "totalcount",
      "total",
      "totalitems",
      "numberofitems",
      "totalapps",
      "appscount",
      "appcount",
      "count",
      "totalresults",
      "totalhits",
      "nbhits",
      "resultcount",
      "resultscount",
    ].map((k) => [k, "total"]),
  ),
  ...Object.fromEntries(["page", "pagenumber", "pageindex", "number"].map((k) => [k, "index"])),
  currentpage: "current",
  ...Object.fromEntries(
    ["size", "pagesize", "limit", "perpage", "itemsperpage", "hitsperpage"].map((k) => [k, "size"]),
  ),
  offset: "offset",
  skip: "offset",
  first: "first",
  isfirst: "first",
  last: "last",
  islast: "last",
  hasnextpage: "hasNext",
  hasnext: "hasNext",
  hasmore: "hasNext",
  ...Object.fromEntries(["nextpage", "next", "nexturl", "nextpageurl", "nextlink", "nexthref"].map((k) => [k, "next"])),
};

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
/** A whole number as data writes one: 12 or "12", never "64x64" or 4.5. */
const whole = (v: unknown) => (typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)) ? count(v) : null);

/**
 * The listing an object stands for: a URL to it, or a client id with a name or slug, on itself or
 * (unless `itself`) on the `item`, `app` or `node` it wraps.
 */
export function entryOf(o: Json, itself = false): Listed | null {
  const holders = [o, ...(itself ? [] : [o.item, o.app, o.node].filter(isObject))];
  let ref: { slug: string | null; clientId: string } | null = null;
  for (const h of holders) {
    for (const key of URL_KEYS) ref ??= listingRef(h[key]);
    if (!ref) {
      const id =
        CLIENT_KEYS.map((k) => text(h[k])).find((v) => v && CLIENT_ID.test(v)) ??
        [text(h.id)].find((v) => v && HEX_ID.test(v));
      const slug = SLUG_KEYS.map((k) => text(h[k])).find(Boolean) ?? null;
      if (id && (slug || NAME_KEYS.some((k) => text(h[k])))) ref = { slug, clientId: id };
    }
    if (ref) break;
  }
  if (!ref) return null;
  const name = holders.flatMap((h) => NAME_KEYS.map((k) => text(h[k]))).find(Boolean) ?? null;
  const slug = ref.slug ?? holders.flatMap((h) => SLUG_KEYS.map((k) => text(h[k]))).find(Boolean) ?? null;
  const rank = RANK_KEYS.map((k) => whole(o[k])).find((v) => v !== null && v > 0) ?? null;
  return { clientId: ref.clientId, slug, name, rank };
}

/** What one object says about paging, added to what nearer objects said (the nearest wins). */
function readFacts(o: Json, facts: ListFacts) {
  for (const [key, value] of Object.entries(o)) {
    const fact = FACT_KEYS[key.toLowerCase().replace(/[^a-z]/g, "")];
    if (!fact) continue;
    if (fact === "first" || fact === "last" || fact === "hasNext") {
      if (typeof value !== "boolean") continue;
      if (fact === "last") facts.hasNext ??= !value;
      else if (fact === "first") facts.first ??= value;
      else facts.hasNext ??= value;
    } else if (fact === "next") {
      // `nextPage: 3` is a page number, `nextPage: "/…?page=3"` an address; either says there is one.
      if (typeof value === "string" && /^(?:https?:\/\/|\/|\?)/.test(value)) facts.next ??= value;
      if ((typeof value === "string" && value) || whole(value) !== null) facts.hasNext ??= true;
      else if (value === null || value === false) facts.hasNext ??= false;
    } else facts[fact] ??= whole(value);
  }
}

type Found = { entries: Listed[]; chain: Json[] };

/** Every list of listings in the roots, and the objects enclosing each (nearest first). */
function walk(roots: unknown[]) {
  const lists: Found[] = [];
  const empties: Json[] = [];
  const listsUnder = new Map<Json, number>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, chain: Json[], depth: number) => {
    if (depth > 60 || value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      if (value.length === 0) {
        if (chain[0]) empties.push(chain[0]);
        return;
      }
      const entries = value.map((v): Listed | null => {
        if (isObject(v)) return entryOf(v);
        const ref = listingRef(v);
        return ref && { ...ref, name: null, rank: null };
      });
      if (entries.every(Boolean)) {
        lists.push({ entries: entries as Listed[], chain });
        for (const o of chain) listsUnder.set(o, (listsUnder.get(o) ?? 0) + 1);
        // An app's own lists (its categories, its similar apps) are not the page's.
        return;
      }
      for (const item of value) visit(item, chain, depth + 1);
      return;
    }
    const o = value as Json;
    // An app outside any list (a hero, a spotlight): its own lists and empty arrays (no reviews yet)
    // say nothing of the page's.
    if (chain.length > 0 && entryOf(o, true)) return;
    for (const key of Object.keys(o)) visit(o[key], [o, ...chain], depth + 1);
  };
  for (const root of roots) visit(root, [], 0);
  return { lists, empties, listsUnder };
}

/**
 * What the list's holder and the enclosing objects that hold no other list say about it; beyond
 * them, around other lists too, only a total (a weaker word, used when nothing nearer sizes it).
 */
function scopeFacts(chain: Json[], listsUnder: Map<Json, number>): { facts: ListFacts; outer: number | null } {
  const facts = emptyFacts();
  const outer = emptyFacts();
  let own = true;
  for (const [i, o] of chain.entries()) {
    own &&= i === 0 || (listsUnder.get(o) ?? 0) <= 1;
    const into = own ? facts : outer;
    readFacts(o, into);
    // Paging often sits beside the list: `pageInfo`, `pagination`, `meta`, a `request` echoed back.
    for (const child of Object.values(o))
      if (isObject(child) && !listsUnder.has(child) && !entryOf(child)) readFacts(child, into);
    if (!own && outer.total !== null) break;
  }
  return { facts, outer: outer.total };
}

export function jsonCandidates(roots: unknown[], source: SourceName): { candidates: Candidate[]; saysEmpty: boolean } {
  const { lists, empties, listsUnder } = walk(roots);
  const candidates = lists.map(({ entries, chain }): Candidate => {
    const { facts, outer } = scopeFacts(chain, listsUnder);
    const shown = new Set(entries.map((e) => e.clientId)).size;
    if (!fits(facts.total, shown)) facts.total = null;
    const evidence = facts.total !== null || isPaged(facts);
    // A total stated around several lists is a weaker word: it sizes this list only if nothing nearer does.
    if (facts.total === null && fits(outer, shown)) facts.total = outer;
    return { source, entries, facts, evidence };
  });
  // `{ apps: [], totalElements: 0 }`: the data says its list is empty, whatever rows sit beside it.
  const saysEmpty = empties.some((holder) => {
    const facts = emptyFacts();
    readFacts(holder, facts);
    return facts.total === 0;
  });
  return { candidates, saysEmpty };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** `window.__STATE__ = {…};`: state a script hands to the page's code. */
const ASSIGNED = /^\s*(?:(?:window|self|globalThis)\.|var\s+|let\s+|const\s+)[\w$.]+\s*=\s*(\{[\s\S]*\})\s*;?\s*$/;

export function jsonSources($: CheerioAPI): Record<"json-ld" | "next-data" | "flight" | "json", unknown[]> {
  const all = (selector: string) =>
    $(selector)
      .toArray()
      .map((el) => parseJson($(el).text()))
      .filter((v) => v !== undefined);
  const inline = $("script:not([src])")
    .toArray()
    .map((el) => $(el).text());
  const assigned = inline
    .filter((t) => !t.includes("__next_f"))
    .map((t) => ASSIGNED.exec(t)?.[1])
    .map((t) => (t ? parseJson(t) : undefined))
    .filter((v) => v !== undefined);
  return {
    "json-ld": all('script[type="application/ld+json"]'),
    "next-data": all("script#__NEXT_DATA__"),
    flight: readFlight(inline.filter((t) => t.includes("__next_f")))?.values ?? [],
    json: [
      ...all('script[type="application/json"]:not(#__NEXT_DATA__), script[type="application/x-json"]'),
      ...assigned,
    ],
  };
}
