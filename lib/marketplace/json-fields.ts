import { APP_TYPE, type ParsedReview } from "./types";
import { count, date, isObject, list, plain, rating, type Json } from "./values";

/**
 * What one JSON object is, read from its fields whatever their names: whose app it is (./structure.ts
 * walks with it), and whether it is a review — a 1–5 rating with an author or a text — and what each
 * of its fields says. Key names only hint at a field's role (`stars`/`rating`/`mark`, `author`/
 * `displayName`/`nick`, `body`/`comment`/`words`, any `…Date`/`…At`/`…On`); values decide.
 */

/** Whose app an object stands for: the listing's, another app's, or nothing said here. */
export type NodeOwner = "main" | "other" | "unknown";

const CLIENT_KEYS = /^(client_?id|clientID|oauth_?client_?id|app_?client_?id)$/i;
/** Keys that may hold an app's client id, or any other id (a review's): only equality to ours tells. */
const ID_KEYS = /^(id|identifier|app_?id|listing_?id|@id|key|uuid)$/i;
const ADDRESS_KEYS = /^(url|@id|href|canonical_?url|link|permalink|app_?url|listing_?url|item|same_?as)$/i;
const LISTING_ADDRESS = /\/marketplace\/app\/[^/?#\s]+\/([A-Za-z0-9_-]{6,64})(?:[/?#]|$)/;
const LOOKS_LIKE_CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The app an object stands for: "main" when it names the listing's client id, "other" for another app's, null when it names none. */
export function ownerOf(o: Json, clientId: string | null | undefined): NodeOwner | null {
  let other = false;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v !== "string") continue;
    if (CLIENT_KEYS.test(k) && LOOKS_LIKE_CLIENT_ID.test(v)) {
      if (clientId && v === clientId) return "main";
      other = true;
    } else if (ID_KEYS.test(k) && clientId && v === clientId) return "main";
    else if (ADDRESS_KEYS.test(k)) {
      const id = LISTING_ADDRESS.exec(v)?.[1];
      if (id && clientId && id === clientId) return "main";
      if (id) other = true;
    }
  }
  return other ? "other" : null;
}

/** An object that is an app (typed so, or holding a client id): never a review. */
export const namesAnApp = (o: Json) =>
  list(o["@type"]).some((t) => typeof t === "string" && APP_TYPE.test(t)) ||
  Object.entries(o).some(([k, v]) => CLIENT_KEYS.test(k) && typeof v === "string");

/** A count from a number or a numeric string ("1.234", "212"); not from a list (that is a list of reviews). */
export function countOf(v: unknown): number | null {
  if (Array.isArray(v) || isObject(v)) return null;
  return count(v);
}

const STAR_KEYS =
  /^(stars?|star_?rating|rating|rating_?value|review_?rating|user_?rating|score|rate|grade|num_?stars|value|mark|note|points|stars_?given|evaluation)$/i;
const AUTHOR_KEYS =
  /^(author|author_?name|user|user_?name|username|reviewer|reviewer_?name|customer|customer_?name|by|created_?by|writer|person|owner|submitter|profile|display_?name|nickname|nick|full_?name|poster|posted_?by|from|handle|name)$/i;
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
  "words",
  "remarks",
  "description",
];
const TITLE_KEYS = /^(title|headline|summary|subject)$/i;
/** Keys of dates: a review's publication first, a plain date next, an edit last. */
const isDateKey = (k: string) =>
  /date|time|stamp|^(when|day|published|posted|created|submitted|reviewed|written|modified|updated)$|_(at|on)$/i.test(
    k,
  ) || /[a-z](At|On)$/.test(k);
const REPLY_KEYS =
  /^(reply|replies|response|responses|developer_?response|developer_?reply|partner_?reply|vendor_?reply|owner_?response|publisher_?response|public_?reply|answer|answers|comment|comments)$/i;
const UPVOTE_KEYS =
  /^(upvotes?|upvote_?count|helpful|helpful_?count|helpful_?votes|likes?|like_?count|thumbs_?up|votes_?up|useful_?count|votes?|vote_?count)$/i;
const REVIEW_ID_KEYS = /^(id|_id|uuid|review_?id|identifier|@id|key|external_?id)$/i;
const ID_ORDER = [
  "id",
  "reviewid",
  "review_id",
  "identifier",
  "uuid",
  "_id",
  "externalid",
  "external_id",
  "key",
  "@id",
];
const REVIEW_COUNT_KEY =
  /^(review_?count|reviews_?count|rating_?count|ratings_?count|num_?reviews|number_?of_?reviews|number_?of_?ratings|total_?reviews|total_?ratings|nb_?reviews)$/i;

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
    "nick",
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
  for (const key of [
    "text",
    "body",
    "content",
    "html",
    "plain",
    "value",
    "message",
    "comment",
    "reviewBody",
    "raw",
    "words",
  ])
    if (key in value) return textOf(value[key], depth + 1);
  return "";
}

/** A review's stars: a number under a star key, or a rating object (`{ratingValue, bestRating}`). */
function starsOf(o: Json): number | null {
  for (const [key, value] of entries(o)) {
    if (!STAR_KEYS.test(key)) continue;
    if (isObject(value)) {
      const inner = firstKey(value, STAR_KEYS);
      const n = inner
        ? rating(inner[1], value.bestRating ?? value.best ?? value.max ?? value.outOf ?? value.scale)
        : null;
      if (n !== null) return n;
    } else {
      const n = rating(value, o.bestRating ?? o.maxRating ?? o.outOf ?? o.scale);
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

function idOf(o: Json): { externalId: string | null; anchor: string | null } {
  const ids = entries(o)
    .filter(([k, v]) => REVIEW_ID_KEYS.test(k) && (typeof v === "string" || typeof v === "number") && String(v).trim())
    .sort(([a], [b]) => ID_ORDER.indexOf(a.toLowerCase()) - ID_ORDER.indexOf(b.toLowerCase()));
  let anchor: string | null = typeof o.anchor === "string" && /^[A-Za-z][\w:.-]*$/.test(o.anchor) ? o.anchor : null;
  for (const [k, v] of entries(o))
    if (REVIEW_ID_KEYS.test(k) || /^(url|permalink|link|href)$/i.test(k)) anchor ??= anchorOf(v);
  return { externalId: ids.length ? String(ids[0]![1]).trim().slice(0, 200) : null, anchor };
}

const dateRank = (key: string) =>
  /publish|creat|posted|submit|reviewed|written/i.test(key) ? 0 : /modif|updat|edit/i.test(key) ? 2 : 1;

function dateOf(o: Json): Date | null {
  const found = entries(o)
    .filter(([k]) => isDateKey(k))
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

/** Siblings in a list that share this object's keys: a list of records of one kind. */
const homogeneous = (o: Json, inList: unknown[] | null) => {
  if (!inList) return false;
  const keys = Object.keys(o).sort().join(",");
  return inList.filter((x) => isObject(x) && Object.keys(x).sort().join(",") === keys).length >= 2;
};

/** The object as a review, or why it is not one; null when it does not look like a review at all. */
export function reviewOf(o: Json, key: string | null, inList: unknown[] | null): ParsedReview | string | null {
  if (firstKey(o, REVIEW_COUNT_KEY)) return null;
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
  const reviewish =
    typed ||
    (key !== null && /review|rating|feedback|testimonial|^node$|recent|items|entries/i.test(key)) ||
    homogeneous(o, inList);
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
