import { APP_TYPE, type Votes } from "./types";
import { countOf, namesAnApp, ownerOf, reviewOf, type NodeOwner } from "./json-fields";
import type { ParsedReview } from "./types";
import { count, installBand, isObject, list, rating, type Json } from "./values";

/**
 * Finds ratings and reviews in any JSON by their structure, under whatever key names the page
 * uses: a review is an object with a 1–5 rating and an author or text (./json-fields.ts); an
 * aggregate has an average from 1 to 5 and/or a count. Every object is visited once, and each
 * finding carries its owner: the app whose object holds it — the listing's own (its client id or
 * its address), another app's (a similar app, a featured one), or unknown — so a similar app's
 * rating or reviews are never taken for the listing's, whichever comes first.
 */

export type FoundAggregate = {
  average: number | null;
  count: number | null;
  /** How sure the count is to be written reviews: 0 says so ("reviewCount"), 1 is generic ("total"), 2 counts ratings. */
  countRank: number;
  holder: Json;
  path: Json[];
  list: unknown[] | null;
  owner: NodeOwner;
};
export type FoundReview = { review: ParsedReview; path: Json[]; owner: NodeOwner };

export type JsonFindings = {
  reviews: FoundReview[];
  aggregates: FoundAggregate[];
  installBands: { band: string; holder: Json; owner: NodeOwner }[];
  /** An empty list under a review-ish key: the page says "no reviews" there. */
  emptyReviewLists: { path: Json[]; owner: NodeOwner }[];
  /** Objects that stand for an app (typed so, or named by a client id or a listing address). */
  appNodes: Json[];
  /** Whether the listing's own object was found (by its client id or address). */
  mainFound: boolean;
  skipped: string[];
};

const entries = (o: Json) => Object.entries(o);
const firstKey = (o: Json, keys: RegExp) =>
  entries(o).find(([k, v]) => keys.test(k) && v !== null && v !== undefined && v !== "");

const hasAppType = (o: Json) => list(o["@type"]).some((t) => typeof t === "string" && APP_TYPE.test(t));

/** An average's key: one that says average, mean or overall ("averageStars", "avgRating"), or a rating's. */
const isAverageKey = (k: string) => {
  const key = k.toLowerCase().replace(/[_-]/g, "");
  return (
    /avg|average|mean|overall/.test(key) ||
    /^(ratingvalue|rating|score|stars|starrating|value|percent|percentage|pct|ratingpercent|ratingscore)$/.test(key)
  );
};
/** Keys a count hides under, by how sure they are to count written reviews. */
const REVIEW_COUNT_KEYS =
  /^(review_?count|reviews_?count|num_?reviews|number_?of_?reviews|total_?reviews|nb_?reviews|reviews_?total|written_?reviews|reviews|review_?total|count_?reviews)$/i;
const GENERIC_COUNT_KEYS = /^(count|total|total_?count|total_?elements|total_?items|total_?results|n)$/i;
const RATING_COUNT_KEYS =
  /^(rating_?count|ratings_?count|number_?of_?ratings|total_?ratings|num_?ratings|nb_?ratings|ratings|votes_?count)$/i;
const AGGREGATE_PARENT =
  /^(aggregate_?rating|rating|ratings|rating_?summary|ratings?_?stats|review_?stats|review_?summary|reviews?|user_?reviews|reviews?_?(data|info|page|meta|stats)|feedback|scores?|stats|summary)$/i;
const STRICT_AVERAGE = /^(value|score|stars|percent|percentage|pct)$/i;
const REVIEW_LIST_KEY = /review|feedback|testimonial|^ratings$|^comments$/i;
const INSTALL_KEYS =
  /^(installs?|install_?count|installs_?count|installations?|installation_?count|install_?band|install_?range|downloads|download_?count|number_?of_?installs|approximate_?installs)$/i;

function aggregateOf(
  o: Json,
  key: string | null,
  owner: NodeOwner,
  self: NodeOwner | null,
): { average: number | null; count: number | null; countRank: number } | null {
  if (typeof o["@type"] === "string" && /^(Review|Rating|Person|Organization)$/.test(o["@type"])) return null;
  const typed = o["@type"] === "AggregateRating";
  const parentSaysRating = key !== null && AGGREGATE_PARENT.test(key);
  // The listing's own object, or an app's: a rating on it is the app's rating.
  const appObject = self !== null || hasAppType(o);
  let best: { count: number; rank: number } | null = null;
  for (const [k, v] of entries(o)) {
    const rank = REVIEW_COUNT_KEYS.test(k) ? 0 : RATING_COUNT_KEYS.test(k) ? 2 : GENERIC_COUNT_KEYS.test(k) ? 1 : -1;
    if (
      rank < 0 ||
      (rank === 1 && !parentSaysRating && !typed) ||
      (rank === 0 && /^reviews$/i.test(k) && Array.isArray(v))
    )
      continue;
    const n = countOf(v);
    if (n !== null && (!best || rank < best.rank)) best = { count: n, rank };
  }
  const relaxed = parentSaysRating || typed || best !== null;
  let average: number | null = null;
  for (const [k, v] of entries(o)) {
    if (!isAverageKey(k) || isObject(v) || Array.isArray(v)) continue;
    if (!relaxed && STRICT_AVERAGE.test(k)) continue;
    const scale =
      /percent|pct/i.test(k) && typeof v === "number" && v > 5 ? 100 : (o.bestRating ?? o.best ?? o.scale ?? o.outOf);
    const n = rating(v, scale);
    if (n !== null) {
      average = n;
      break;
    }
  }
  if (average === null && best === null) return null;
  // Without a count, a rating is an aggregate only where the page says so (a review's own rating object is not).
  if (
    best === null &&
    !typed &&
    !appObject &&
    !entries(o).some(([k, v]) => REVIEW_LIST_KEY.test(k) && Array.isArray(v)) &&
    (key === null ||
      !/^(aggregate_?rating|rating_?summary|ratings?_?stats|review_?stats|review_?summary|scores?)$/i.test(key))
  )
    return null;
  void owner;
  return { average, count: best?.count ?? null, countRank: best?.rank ?? 1 };
}

export function installBandOf(o: Json): string | null {
  for (const stat of list(o.interactionStatistic)) {
    if (
      isObject(stat) &&
      /Install|Download/i.test(
        String(isObject(stat.interactionType) ? stat.interactionType["@type"] : stat.interactionType),
      )
    ) {
      const band = installBand(stat.userInteractionCount);
      if (band) return band;
    }
  }
  const found = firstKey(o, INSTALL_KEYS);
  if (!found) return null;
  return isObject(found[1])
    ? installBand(found[1].label ?? found[1].text ?? found[1].value ?? found[1].count)
    : installBand(found[1]);
}

const UPVOTE_KEYS = /^(upvotes?|upvote_?count|likes?|like_?count|thumbs_?up|votes_?up|votes?)$/i;
const DOWNVOTE_KEYS = /^(downvotes?|downvote_?count|thumbs_?down|votes_?down|dislikes?|dislike_?count)$/i;

/** Listing-level thumbs up and down, read from the object that holds the listing's rating. */
export function votesOf(o: Json): Votes | null {
  let up: number | null = null;
  let down: number | null = null;
  for (const [k, v] of entries(o)) {
    if (isObject(v) && /^(votes?|voting|thumbs)$/i.test(k)) {
      up ??= count(v.up ?? v.upvotes ?? v.positive ?? v.thumbsUp ?? v.likes);
      down ??= count(v.down ?? v.downvotes ?? v.negative ?? v.thumbsDown ?? v.dislikes);
    } else if (UPVOTE_KEYS.test(k)) up ??= count(v);
    else if (DOWNVOTE_KEYS.test(k)) down ??= count(v);
  }
  return up === null && down === null ? null : { up, down };
}

const MAX_NODES = 200_000;

/**
 * Walks JSON values once (shared and circular objects visited once) and collects what they hold,
 * each finding with its owner. `@id` references of JSON-LD (`mainEntity: {"@id": …}`) and a review's
 * `itemReviewed` name its app too.
 */
export function findInJson(roots: unknown[], { clientId }: { clientId?: string | null } = {}): JsonFindings {
  const findings: JsonFindings = {
    reviews: [],
    aggregates: [],
    installBands: [],
    emptyReviewLists: [],
    appNodes: [],
    mainFound: false,
    skipped: [],
  };
  const seen = new WeakSet<object>();
  let visited = 0;
  const walk = (value: unknown, key: string | null, path: Json[], inList: unknown[] | null, owner: NodeOwner) => {
    if (typeof value !== "object" || value === null || seen.has(value) || path.length > 80 || visited++ > MAX_NODES)
      return;
    seen.add(value);
    if (Array.isArray(value)) {
      if (value.length === 0 && key !== null && REVIEW_LIST_KEY.test(key))
        findings.emptyReviewLists.push({ path, owner });
      for (const item of value) walk(item, key, path, value.length > 1 ? value : inList, owner);
      return;
    }
    const o = value as Json;
    const self = ownerOf(o, clientId);
    const mine = self ?? owner;
    if (self === "main") findings.mainFound = true;
    const review = namesAnApp(o) ? null : reviewOf(o, key, inList);
    if (typeof review === "string") findings.skipped.push(`${review}; it was skipped`);
    else if (review) {
      const reviewed = isObject(o.itemReviewed) ? ownerOf(o.itemReviewed, clientId) : null;
      findings.reviews.push({ review, path, owner: reviewed ?? mine });
      return;
    }
    const aggregate = aggregateOf(o, key, mine, self);
    if (aggregate) findings.aggregates.push({ ...aggregate, holder: o, path, list: inList, owner: mine });
    if (self !== null || hasAppType(o)) findings.appNodes.push(o);
    const band = installBandOf(o);
    if (band) findings.installBands.push({ band, holder: o, owner: mine });
    const next = [...path, o];
    for (const [k, v] of entries(o)) walk(v, k, next, inList, mine);
  };
  for (const root of roots) walk(root, null, [], null, "unknown");
  if (visited > MAX_NODES)
    findings.skipped.push(
      `The data is very large: only its first ${MAX_NODES.toLocaleString("en-US")} objects were read`,
    );
  return findings;
}

const commonPrefix = (a: Json[], b: Json[]) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The listing's own average and count among the aggregates found. Another app's are left aside;
 * the listing's own come first; of the rest, those repeated in one list are other apps (a "similar
 * apps" row) or a star breakdown. Then the count that surely counts written reviews, the one nearest
 * the reviews, the first in the page.
 */
export function pickAggregate(findings: JsonFindings): {
  average: FoundAggregate | null;
  count: FoundAggregate | null;
  leftAside: number;
} {
  const { aggregates, reviews } = findings;
  const lineage = (a: FoundAggregate) => [...a.path, a.holder];
  const repeated = (a: FoundAggregate) => a.list !== null && aggregates.some((b) => b !== a && b.list === a.list);
  const own = aggregates.filter(
    (a) => a.owner === "main" || (a.owner === "unknown" && !repeated(a) && !(findings.mainFound && a.list !== null)),
  );
  const path = reviews.find((r) => r.owner !== "other")?.path ?? [];
  const ranked = (byCount: boolean) =>
    own
      .map((a, i) => ({ a, i }))
      .sort(
        (x, y) =>
          Number(y.a.owner === "main") - Number(x.a.owner === "main") ||
          (byCount ? x.a.countRank - y.a.countRank : 0) ||
          commonPrefix(lineage(y.a), path) - commonPrefix(lineage(x.a), path) ||
          x.i - y.i,
      )
      .map((r) => r.a);
  return {
    average: ranked(false).find((a) => a.average !== null) ?? null,
    count: ranked(true).find((a) => a.count !== null) ?? null,
    leftAside: aggregates.length - own.length,
  };
}
