import type { ParsedReview, Votes } from "./types";
import { count, date, installBand, isObject, list, plain, rating, type Json } from "./values";

/**
 * Finds ratings and reviews in any JSON by their structure, under whatever key names the page
 * uses: a review is an object with a 1–5 rating and an author or text (and usually a date); an
 * aggregate has an average from 1 to 5 and/or a review count. Key names only hint at which field
 * is which (`stars`/`rating`/`score`, `author`/`user`/`reviewer`, nested or not); wrappers such
 * as `edges`/`node`, `items` or `data` need nothing special, since every object is visited.
 */

const STAR_KEYS =
  /^(stars?|star_?rating|rating|rating_?value|review_?rating|user_?rating|score|rate|grade|num_?stars|value)$/i;
const AVERAGE_KEYS =
  /^(rating_?value|average|average_?rating|avg|avg_?rating|rating_?average|mean|mean_?rating|overall|overall_?rating|rating|score|stars|star_?rating|value)$/i;
const COUNT_KEYS =
  /^(review_?count|reviews_?count|rating_?count|ratings_?count|num_?reviews|number_?of_?reviews|number_?of_?ratings|total_?reviews|total_?ratings|nb_?reviews|count|total|total_?count)$/i;
/** Count keys that say "reviews" by themselves (a bare `count` needs a review-ish parent). */
const REVIEW_COUNT_KEYS =
  /^(review_?count|reviews_?count|rating_?count|ratings_?count|num_?reviews|number_?of_?reviews|number_?of_?ratings|total_?reviews|total_?ratings|nb_?reviews)$/i;
const AGGREGATE_PARENT =
  /^(aggregate_?rating|rating|ratings|rating_?summary|ratings?_?stats|review_?stats|review_?summary|reviews?|user_?reviews|reviews?_?data|reviews?_?info|feedback)$/i;
const REVIEW_LIST_KEYS =
  /^(reviews?|user_?reviews|customer_?reviews|app_?reviews|review_?list|reviews?_?items|ratings)$/i;
const AUTHOR_KEYS =
  /^(author|author_?name|user|user_?name|username|reviewer|reviewer_?name|customer|customer_?name|by|created_?by|writer|person|owner|submitter|profile|display_?name|nickname|full_?name|name)$/i;
const TEXT_KEYS = [
  "reviewBody",
  "review_body",
  "body",
  "text",
  "content",
  "reviewText",
  "review_text",
  "message",
  "comment",
  "review",
  "opinion",
  "feedback",
  "description",
];
const TITLE_KEYS = /^(title|headline|summary|subject)$/i;
const DATE_KEYS =
  /^(date_?published|published_?at|published|date_?created|created_?at|created|creation_?date|posted_?at|submitted_?at|reviewed_?at|date|time|timestamp|date_?modified|updated_?at|modified)$/i;
const REPLY_KEYS =
  /^(reply|replies|response|responses|developer_?response|developer_?reply|partner_?reply|vendor_?reply|owner_?response|publisher_?response|public_?reply|answer|answers|comment|comments)$/i;
const UPVOTE_KEYS =
  /^(upvotes?|upvote_?count|helpful|helpful_?count|helpful_?votes|likes?|like_?count|thumbs_?up|votes_?up|useful_?count|votes?|vote_?count)$/i;
const DOWNVOTE_KEYS = /^(downvotes?|downvote_?count|thumbs_?down|votes_?down|dislikes?|dislike_?count)$/i;
const ID_KEYS = /^(id|_id|uuid|review_?id|identifier|@id|key|external_?id)$/i;
const INSTALL_KEYS =
  /^(installs?|install_?count|installs_?count|installations?|installation_?count|install_?band|install_?range|downloads|download_?count|number_?of_?installs)$/i;
const APP_TYPES = /^(SoftwareApplication|WebApplication|MobileApplication|Product)$/;

export type FoundAggregate = {
  average: number | null;
  count: number | null;
  holder: Json;
  path: Json[];
  list: unknown[] | null;
};
export type FoundReview = { review: ParsedReview; path: Json[] };

export type JsonFindings = {
  reviews: FoundReview[];
  aggregates: FoundAggregate[];
  installBands: { band: string; holder: Json }[];
  /** An empty list under a review-ish key: the page says "no reviews" there. */
  emptyReviewLists: Json[][];
  /** Objects typed as an app (JSON-LD `SoftwareApplication`, `Product`…). */
  appNodes: Json[];
  skipped: string[];
};

const entries = (o: Json) => Object.entries(o);
const firstKey = (o: Json, keys: RegExp) =>
  entries(o).find(([k, v]) => keys.test(k) && v !== null && v !== undefined && v !== "");

/** A person's name from a string or an object (`{name}`, `{displayName}`, `{firstName, lastName}`, `{user: {…}}`). */
function nameOf(value: unknown, depth = 0): string {
  if (typeof value === "string") return plain(value).slice(0, 200);
  if (Array.isArray(value)) return nameOf(value[0], depth);
  if (!isObject(value) || depth > 2) return "";
  for (const key of [
    "name",
    "displayName",
    "display_name",
    "fullName",
    "full_name",
    "username",
    "userName",
    "nickname",
    "title",
  ]) {
    if (typeof value[key] === "string" && value[key]) return plain(value[key]).slice(0, 200);
  }
  const first = value.firstName ?? value.first_name ?? value.givenName;
  const last = value.lastName ?? value.last_name ?? value.familyName;
  if (typeof first === "string" || typeof last === "string")
    return plain([first, last].filter((p) => typeof p === "string").join(" ")).slice(0, 200);
  for (const key of ["user", "author", "profile", "person", "node"])
    if (key in value) return nameOf(value[key], depth + 1);
  return "";
}

/** Text from a string or from an object that holds it (`{text}`, `{html}`, `{body}`…). */
function textOf(value: unknown, depth = 0): string {
  if (typeof value === "string") return plain(value);
  if (Array.isArray(value))
    return value
      .map((v) => textOf(v, depth))
      .filter(Boolean)
      .join("\n\n");
  if (!isObject(value) || depth > 2) return "";
  for (const key of ["text", "body", "content", "html", "plain", "value", "message", "comment", "reviewBody", "raw"])
    if (key in value) return textOf(value[key], depth + 1);
  return "";
}

/** A review's stars: a number under a star key, or a rating object (`{ratingValue, bestRating}`). */
function starsOf(o: Json): number | null {
  for (const [key, value] of entries(o)) {
    if (!STAR_KEYS.test(key)) continue;
    if (isObject(value)) {
      const inner = firstKey(value, STAR_KEYS);
      const n = inner ? rating(inner[1], value.bestRating ?? value.best ?? value.max ?? value.outOf) : null;
      if (n !== null) return n;
    } else {
      const n = rating(value, o.bestRating ?? o.maxRating);
      if (n !== null) return n;
    }
  }
  return null;
}

function upvotesOf(o: Json): number {
  for (const stat of list(o.interactionStatistic)) {
    if (!isObject(stat)) continue;
    const type = isObject(stat.interactionType) ? stat.interactionType["@type"] : stat.interactionType;
    if (/Like|Vote|Agree/i.test(String(type))) return count(stat.userInteractionCount) ?? 0;
  }
  const found = firstKey(o, UPVOTE_KEYS);
  if (!found) return 0;
  if (isObject(found[1])) return count(found[1].up ?? found[1].positive ?? found[1].helpful ?? found[1].count) ?? 0;
  return count(found[1]) ?? 0;
}

function anchorOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const hash = value.indexOf("#");
  return hash >= 0 && hash < value.length - 1 && /^[A-Za-z][\w:.-]*$/.test(value.slice(hash + 1))
    ? value.slice(hash + 1)
    : null;
}

const ID_ORDER = [
  "id",
  "reviewId",
  "review_id",
  "identifier",
  "uuid",
  "_id",
  "externalId",
  "external_id",
  "key",
  "@id",
];

function idOf(o: Json): { externalId: string | null; anchor: string | null } {
  const ids = entries(o)
    .filter(([k, v]) => ID_KEYS.test(k) && (typeof v === "string" || typeof v === "number") && String(v).trim())
    .sort(
      ([a], [b]) =>
        ID_ORDER.findIndex((k) => k.toLowerCase() === a.toLowerCase()) -
        ID_ORDER.findIndex((k) => k.toLowerCase() === b.toLowerCase()),
    );
  let anchor: string | null = typeof o.anchor === "string" && /^[A-Za-z][\w:.-]*$/.test(o.anchor) ? o.anchor : null;
  for (const [k, v] of entries(o))
    if (ID_KEYS.test(k) || /^(url|permalink|link|href)$/i.test(k)) anchor ??= anchorOf(v);
  return { externalId: ids.length ? String(ids[0]![1]).trim().slice(0, 200) : null, anchor };
}

/** Published or created first, a plain date next, modified last. */
function dateRank(key: string) {
  return /publish|creat|posted|submit|reviewed/i.test(key) ? 0 : /modif|updat/i.test(key) ? 2 : 1;
}

function dateOf(o: Json): Date | null {
  const found = entries(o)
    .filter(([k]) => DATE_KEYS.test(k))
    .map(([k, v]) => ({ rank: dateRank(k), value: date(v) }))
    .filter((d): d is { rank: number; value: Date } => d.value !== null)
    .sort((a, b) => a.rank - b.rank);
  return found[0]?.value ?? null;
}

/** The review text (and the key it came from) and the reply: `comment` is the text when a string, the reply when an object or list. */
function textAndReply(o: Json): { text: string; textKey: string | null; reply: string | null } {
  let reply: string | null = null;
  let replyKey: string | null = null;
  for (const [key, value] of entries(o)) {
    if (!REPLY_KEYS.test(key) || value === null || value === undefined) continue;
    if (/^comments?$/i.test(key) && typeof value === "string") continue;
    const text = Array.isArray(value) ? textOf(value.find((v) => isObject(v) || typeof v === "string")) : textOf(value);
    if (text) {
      reply = text;
      replyKey = key;
      break;
    }
  }
  for (const key of TEXT_KEYS) {
    const match = Object.keys(o).find((k) => k.toLowerCase() === key.toLowerCase());
    if (!match || match === replyKey) continue;
    const text = textOf(o[match]);
    if (text) return { text, textKey: key, reply };
  }
  const title = firstKey(o, TITLE_KEYS);
  return { text: title ? textOf(title[1]) : "", textKey: title ? title[0] : null, reply };
}

function hasAppType(o: Json) {
  return list(o["@type"]).some((t) => typeof t === "string" && APP_TYPES.test(t));
}

/** The object as a review, or why it is not one; null when it does not look like a review at all. */
function reviewOf(o: Json, key: string | null): ParsedReview | string | null {
  if (hasAppType(o) || firstKey(o, REVIEW_COUNT_KEYS)) return null;
  const stars = starsOf(o);
  const { text, textKey, reply } = textAndReply(o);
  const authorEntry = entries(o).find(([k, v]) => AUTHOR_KEYS.test(k) && !/^name$/i.test(k) && nameOf(v));
  // A bare `name` is an author only beside a review text (an app has a name and a description).
  const author = authorEntry
    ? nameOf(authorEntry[1])
    : typeof o.name === "string" && textKey && textKey !== "description" && !TITLE_KEYS.test(textKey)
      ? nameOf(o.name)
      : "";
  const when = dateOf(o);
  const typed = o["@type"] === "Review";
  const reviewish = typed || (key !== null && /review|rating|feedback|testimonial|^node$/i.test(key));
  if (stars === null)
    return typed || (reviewish && author && text)
      ? `A review by ${author || "someone"} has no rating from 1 to 5`
      : null;
  // A review gives whole (or half) stars; 4.3 is an average.
  if (Math.abs(stars * 2 - Math.round(stars * 2)) > 1e-9) return null;
  if (!author && !text) return null;
  if (!when && !author && !reviewish) return null;
  return {
    ...idOf(o),
    author: author || "Anonymous",
    stars: Math.round(stars),
    date: when,
    text,
    upvotes: upvotesOf(o),
    reply,
  };
}

function aggregateOf(o: Json, key: string | null): { average: number | null; count: number | null } | null {
  if (typeof o["@type"] === "string" && /^(Review|Rating|Person|Organization)$/.test(o["@type"])) return null;
  const typed = o["@type"] === "AggregateRating";
  const parentSaysRating = key !== null && AGGREGATE_PARENT.test(key);
  const countEntry = entries(o).find(
    ([k, v]) => COUNT_KEYS.test(k) && (REVIEW_COUNT_KEYS.test(k) || parentSaysRating || typed) && count(v) !== null,
  );
  const total = countEntry ? count(countEntry[1]) : null;
  // "value", "score" and "stars" alone are an average only in a rating object or beside a review count.
  const relaxed = parentSaysRating || typed || total !== null;
  const averageEntry = entries(o).find(
    ([k, v]) =>
      AVERAGE_KEYS.test(k) &&
      !isObject(v) &&
      (relaxed || !/^(value|score|stars)$/i.test(k)) &&
      rating(v, o.bestRating) !== null,
  );
  const average = averageEntry ? rating(averageEntry[1], o.bestRating) : null;
  if (average === null && total === null) return null;
  // Without a count, a rating is an aggregate only where the page says so (a review's own rating object is not).
  if (
    total === null &&
    !typed &&
    !hasAppType(o) &&
    !firstKey(o, REVIEW_LIST_KEYS) &&
    (key === null || !/^(aggregate_?rating|rating_?summary|ratings?_?stats|review_?stats|review_?summary)$/i.test(key))
  )
    return null;
  return { average, count: total };
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

/** Listing-level thumbs up and down, read from the object that holds the listing's rating. */
export function votesOf(o: Json): Votes | null {
  let up: number | null = null;
  let down: number | null = null;
  for (const [k, v] of entries(o)) {
    if (isObject(v) && /^(votes?|voting|thumbs)$/i.test(k)) {
      up ??= count(v.up ?? v.upvotes ?? v.positive ?? v.thumbsUp ?? v.likes);
      down ??= count(v.down ?? v.downvotes ?? v.negative ?? v.thumbsDown ?? v.dislikes);
    } else if (UPVOTE_KEYS.test(k) && !/^helpful/i.test(k)) up ??= count(v);
    else if (DOWNVOTE_KEYS.test(k)) down ??= count(v);
  }
  return up === null && down === null ? null : { up, down };
}

const MAX_NODES = 200_000;

/** Walks JSON values once (shared and circular objects visited once) and collects what they hold. */
export function findInJson(roots: unknown[]): JsonFindings {
  const findings: JsonFindings = {
    reviews: [],
    aggregates: [],
    installBands: [],
    emptyReviewLists: [],
    appNodes: [],
    skipped: [],
  };
  const seen = new WeakSet<object>();
  let visited = 0;
  const walk = (value: unknown, key: string | null, path: Json[], inList: unknown[] | null) => {
    if (typeof value !== "object" || value === null || seen.has(value) || path.length > 80 || visited++ > MAX_NODES)
      return;
    seen.add(value);
    if (Array.isArray(value)) {
      if (value.length === 0 && key !== null && REVIEW_LIST_KEYS.test(key)) findings.emptyReviewLists.push(path);
      for (const item of value) walk(item, key, path, value.length > 1 ? value : inList);
      return;
    }
    const o = value as Json;
    const review = reviewOf(o, key);
    if (typeof review === "string") findings.skipped.push(`${review}; it was skipped`);
    else if (review) {
      findings.reviews.push({ review, path });
      return;
    }
    const aggregate = aggregateOf(o, key);
    if (aggregate) findings.aggregates.push({ ...aggregate, holder: o, path, list: inList });
    if (hasAppType(o)) findings.appNodes.push(o);
    const band = installBandOf(o);
    if (band) findings.installBands.push({ band, holder: o });
    const next = [...path, o];
    for (const [k, v] of entries(o)) walk(v, k, next, inList);
  };
  for (const root of roots) walk(root, null, [], null);
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

/** Holds the app's client id somewhere in its own fields or its ancestors' (a listing names its app). */
const namesClient = (objects: Json[], clientId: string) =>
  objects.some((o) => Object.values(o).some((v) => v === clientId));

/**
 * The listing's own average and count among the aggregates found. Aggregates repeated in one list
 * are other apps (a "similar apps" row) or a star breakdown; among the others, the one naming the
 * app's client id comes first, then the one nearest the reviews, then the first in the page.
 */
export function pickAggregate(
  findings: JsonFindings,
  clientId?: string,
): { average: FoundAggregate | null; count: FoundAggregate | null; leftAside: number } {
  const { aggregates, reviews } = findings;
  const lineage = (a: FoundAggregate) => [...a.path, a.holder];
  const repeated = (a: FoundAggregate) => a.list !== null && aggregates.some((b) => b !== a && b.list === a.list);
  const named = (a: FoundAggregate) => (clientId && namesClient(lineage(a), clientId) ? 1 : 0);
  const own = aggregates.filter((a) => named(a) || !repeated(a));
  const path = reviews[0]?.path ?? [];
  const ranked = own
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        named(y.a) - named(x.a) || commonPrefix(lineage(y.a), path) - commonPrefix(lineage(x.a), path) || x.i - y.i,
    )
    .map((r) => r.a);
  return {
    average: ranked.find((a) => a.average !== null) ?? null,
    count: ranked.find((a) => a.count !== null) ?? null,
    leftAside: aggregates.length - own.length,
  };
}
