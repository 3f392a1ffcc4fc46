import { load, type CheerioAPI } from "cheerio";

/**
 * Reads a public Marketplace listing page: its rating, review count, install band and reviews.
 * Structured data first — schema.org JSON-LD (`SoftwareApplication`, `WebApplication` or
 * `Product` with `aggregateRating`/`review`), then an embedded JSON state — and review markup
 * (microdata) as the fallback. A page with none of them is an error: never zeros.
 */

export type ParsedReview = {
  /** The page's own id for the review, when it gives one. */
  externalId: string | null;
  author: string;
  stars: number;
  date: Date | null;
  text: string;
  upvotes: number;
  reply: string | null;
};

export type ParsedListing = {
  source: "json-ld" | "state" | "markup";
  ratingAverage: number | null;
  reviewCount: number;
  installBand: string | null;
  reviews: ParsedReview[];
  /** What was skipped, and why (a malformed block, a review without stars…). */
  notes: string[];
};

export class ListingParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListingParseError";
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Text as people read it: entities decoded, tags and extra spaces removed. */
function plain(value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number") return "";
  const text = String(value);
  if (!/[<&]/.test(text)) return text.replace(/\s+/g, " ").trim();
  return load(`<div>${text.replace(/<br\s*\/?>/gi, "\n")}</div>`)("div").text().replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
}

function number(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    const n = Number(value.replace(",", ".").trim());
    return value.trim() && Number.isFinite(n) ? n : null;
  }
  return null;
}

function date(value: unknown): Date | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

const stars = (value: unknown) => {
  const n = number(isObject(value) ? value.ratingValue : value);
  return n !== null && n >= 1 && n <= 5 ? Math.round(n) : null;
};

function typeOf(node: Json): string[] {
  return list(node["@type"]).filter((t): t is string => typeof t === "string");
}

/** Every object of a JSON-LD document, @graph and nesting included. */
function* nodes(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const v of value) yield* nodes(v);
  else if (isObject(value)) {
    yield value;
    for (const v of Object.values(value)) if (typeof v === "object") yield* nodes(v);
  }
}

function upvotesOf(review: Json): number {
  for (const stat of list(review.interactionStatistic)) {
    if (isObject(stat) && /Like|Vote|Agree/i.test(String(isObject(stat.interactionType) ? stat.interactionType["@type"] : stat.interactionType))) {
      return Math.max(0, Math.round(number(stat.userInteractionCount) ?? 0));
    }
  }
  return Math.max(0, Math.round(number(review.upvoteCount ?? review.upvotes) ?? 0));
}

function reviewFromJsonLd(review: Json, notes: string[]): ParsedReview | null {
  const value = stars(review.reviewRating);
  const author = plain(isObject(review.author) ? review.author.name : review.author) || "Anonymous";
  if (value === null) {
    notes.push(`A review by ${author} has no rating from 1 to 5; it was skipped`);
    return null;
  }
  const reply = list(review.comment).find(isObject);
  return {
    externalId: typeof review.identifier === "string" || typeof review.identifier === "number" ? String(review.identifier) : typeof review["@id"] === "string" ? review["@id"] : null,
    author,
    stars: value,
    date: date(review.datePublished ?? review.dateCreated),
    text: plain(review.reviewBody ?? review.description),
    upvotes: upvotesOf(review),
    reply: reply ? plain(reply.text) || null : null,
  };
}

function installBandOf($: CheerioAPI): string | null {
  const text = $("body").text().replace(/\s+/g, " ");
  const match = /(\d[\d,.\s]*\+?\s*(?:k\+?)?)\s+installs\b/i.exec(text);
  return match ? match[1]!.replace(/\s+/g, "").replace(/,$/, "") : null;
}

function fromJsonLd($: CheerioAPI, notes: string[]): Omit<ParsedListing, "installBand" | "notes"> | null {
  const apps: Json[] = [];
  $('script[type="application/ld+json"]').each((i, el) => {
    const raw = $(el).text();
    try {
      for (const node of nodes(JSON.parse(raw))) {
        if (typeOf(node).some((t) => /^(SoftwareApplication|WebApplication|MobileApplication|Product)$/.test(t)) && (node.aggregateRating || node.review || node.reviews)) apps.push(node);
      }
    } catch {
      notes.push(`JSON-LD block ${i + 1} is not valid JSON; it was skipped`);
    }
  });
  const app = apps[0];
  if (!app) return null;
  const aggregate = isObject(app.aggregateRating) ? app.aggregateRating : {};
  const reviews = [...list(app.review), ...list(app.reviews)].filter(isObject).map((r) => reviewFromJsonLd(r, notes)).filter((r): r is ParsedReview => r !== null);
  const count = number(aggregate.reviewCount ?? aggregate.ratingCount);
  const average = number(aggregate.ratingValue);
  return { source: "json-ld", ratingAverage: average !== null && average >= 1 && average <= 5 ? average : null, reviewCount: count !== null ? Math.max(0, Math.round(count)) : reviews.length, reviews };
}

/** An embedded state (e.g. `__NEXT_DATA__`): the first object with a list of reviews and a rating. */
function fromState($: CheerioAPI, notes: string[]): Omit<ParsedListing, "installBand" | "notes"> | null {
  const scripts = $('script#__NEXT_DATA__, script[type="application/json"]').toArray();
  for (const el of scripts) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    for (const node of nodes(data)) {
      if (!Array.isArray(node.reviews)) continue;
      const average = number(node.averageRating ?? node.ratingAverage ?? node.rating);
      const reviews = node.reviews
        .filter(isObject)
        .map((r): ParsedReview | null => {
          const value = stars(r.stars ?? r.rating ?? r.score);
          const author = plain(isObject(r.author) ? r.author.name : (r.author ?? r.authorName ?? r.userName)) || "Anonymous";
          if (value === null) {
            notes.push(`A review by ${author} has no rating from 1 to 5; it was skipped`);
            return null;
          }
          const reply = isObject(r.reply) ? r.reply.text : r.reply;
          return {
            externalId: r.id !== undefined && r.id !== null ? String(r.id) : null,
            author,
            stars: value,
            date: date(r.date ?? r.createdAt ?? r.publishedAt),
            text: plain(r.text ?? r.body ?? r.content),
            upvotes: Math.max(0, Math.round(number(r.upvotes ?? r.helpfulCount ?? r.likes) ?? 0)),
            reply: plain(reply) || null,
          };
        })
        .filter((r): r is ParsedReview => r !== null);
      const count = number(node.reviewCount ?? node.ratingCount ?? node.totalReviews);
      if (average === null && count === null && reviews.length === 0) continue;
      return { source: "state", ratingAverage: average !== null && average >= 1 && average <= 5 ? average : null, reviewCount: count !== null ? Math.max(0, Math.round(count)) : reviews.length, reviews };
    }
  }
  return null;
}

/** Microdata in the page's markup: the last resort. */
function fromMarkup($: CheerioAPI, notes: string[]): Omit<ParsedListing, "installBand" | "notes"> | null {
  const prop = (scope: ReturnType<CheerioAPI>, name: string) => {
    const el = scope.find(`[itemprop="${name}"]`).first();
    return el.length ? (el.attr("content") ?? el.attr("datetime") ?? el.text()) : undefined;
  };
  const aggregate = $('[itemprop="aggregateRating"]').first();
  const reviewEls = $('[itemprop="review"]').toArray();
  if (!aggregate.length && reviewEls.length === 0) return null;
  const reviews = reviewEls
    .map((el): ParsedReview | null => {
      const scope = $(el);
      const value = stars(prop(scope, "ratingValue"));
      const author = plain(prop(scope, "author")) || "Anonymous";
      if (value === null) {
        notes.push(`A review by ${author} has no rating from 1 to 5; it was skipped`);
        return null;
      }
      return { externalId: scope.attr("id") ?? null, author, stars: value, date: date(prop(scope, "datePublished")), text: plain(prop(scope, "reviewBody")), upvotes: Math.round(number(prop(scope, "upvoteCount")) ?? 0), reply: null };
    })
    .filter((r): r is ParsedReview => r !== null);
  const average = number(aggregate.length ? prop(aggregate, "ratingValue") : undefined);
  const count = number(aggregate.length ? (prop(aggregate, "reviewCount") ?? prop(aggregate, "ratingCount")) : undefined);
  return { source: "markup", ratingAverage: average !== null && average >= 1 && average <= 5 ? average : null, reviewCount: count !== null ? Math.round(count) : reviews.length, reviews };
}

export function parseListingPage(html: string): ParsedListing {
  const $ = load(html);
  const notes: string[] = [];
  const found = fromJsonLd($, notes) ?? fromState($, notes) ?? fromMarkup($, notes);
  if (!found) {
    throw new ListingParseError(
      notes.length ? `The page has no usable rating data (${notes.join("; ")})` : "The page has no recognisable rating data: no JSON-LD, no embedded state and no review markup",
    );
  }
  return { ...found, installBand: installBandOf($), notes };
}
