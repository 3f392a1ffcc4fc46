import { load, type CheerioAPI } from "cheerio";
import { emptyFindings, readMicrodata, type MarkupFindings } from "./dom";
import { readVisible } from "./visible";
import { challengeMessage, challengeTitle } from "./challenge";
import { readFlight } from "./flight";
import { mergeReviews } from "./merge";
import { findInJson, installBandOf, pickAggregate, votesOf } from "./structure";
import {
  ListingParseError,
  SOURCE_LABELS,
  PAGE_SOURCES,
  type ParsedListing,
  type ParsedReview,
  type ParseReport,
  type SourceName,
  type SourceReport,
  type UnreadableKind,
  type Votes,
} from "./types";
import { plain, reading } from "./values";
import { plural, pluralForm } from "@/lib/text/words";

export { ListingParseError, type ParsedListing, type ParsedReview, type ParseReport } from "./types";

/**
 * Reads a public Marketplace listing page: rating, review count, install band, votes and reviews,
 * from every place the page may hold them — JSON-LD, Next.js page data (`__NEXT_DATA__`), App
 * Router flight data, other JSON scripts, microdata and the visible page — combined, the most
 * structured source first. A listing that shows no reviews yet is zero reviews; a page that is not
 * a readable listing (a bot check, a login, a new layout) is an error with a reason, never zeros.
 */

type SourceResult = MarkupFindings & { source: SourceName; appNode: boolean };

const blank = (source: SourceName): SourceResult => ({ ...emptyFindings(), source, appNode: false });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A JSON source: what the structure finder sees in its documents. */
function fromJson(
  source: SourceName,
  documents: unknown[],
  found: number,
  skipped: string[],
  clientId?: string,
): SourceResult {
  const result: SourceResult = { ...blank(source), found, skipped: [...skipped] };
  if (documents.length === 0) return result;
  const findings = findInJson(documents, { clientId });
  result.skipped.push(...findings.skipped);
  const picked = pickAggregate(findings);
  result.average = picked.average?.average ?? null;
  result.count = picked.count?.count ?? null;
  const aggregate = picked.average ?? picked.count;
  if (aggregate) {
    // Votes and the install band sit beside the rating: on its holder or the objects that hold it.
    const lineage = [aggregate.holder, ...[...aggregate.path].reverse()].slice(0, 3);
    result.votes = lineage.map(votesOf).find((v): v is Votes => v !== null) ?? null;
    result.installBand = lineage.map(installBandOf).find(Boolean) ?? null;
  }
  if (picked.leftAside)
    result.skipped.push(`${plural(picked.leftAside, "rating", "ratings")} of other apps or of a star breakdown`);
  const bands = findings.installBands.filter((b) => b.owner !== "other");
  result.installBand ??= bands.length === 1 ? bands[0]!.band : null;
  // Another app's reviews (a similar app's, in the same data) are not the listing's.
  const others = findings.reviews.filter((r) => r.owner === "other").length;
  if (others) result.skipped.push(`${plural(others, "review", "reviews")} of other apps`);
  result.reviews = findings.reviews.filter((r) => r.owner !== "other").map((r) => r.review);
  result.saysNoReviews = findings.emptyReviewLists.some((l) => l.owner !== "other") || result.count === 0;
  result.appNode = findings.appNodes.length > 0;
  return result;
}

type Documents = { values: unknown[]; found: number; skipped: string[] };

/** The JSON a page carries, by where it sits: JSON-LD, Next.js page data, flight data and other JSON scripts. */
export function pageDocuments($: CheerioAPI): Record<"json-ld" | "next-data" | "flight" | "json", Documents> {
  const scripts = (selector: string, what: (i: number) => string): Documents => {
    const elements = $(selector).toArray();
    const parsed = elements.map((el) => parseJson($(el).text()));
    return {
      values: parsed.flatMap((r) => (r.ok ? [r.value] : [])),
      found: elements.length,
      skipped: parsed.flatMap((r, i) => (r.ok ? [] : [`${what(i)} is not valid JSON; it was skipped`])),
    };
  };
  const flight = readFlight(
    $("script:not([src])")
      .toArray()
      .map((el) => $(el).text())
      .filter((t) => t.includes("__next_f")),
  );
  return {
    "json-ld": scripts('script[type="application/ld+json"]', (i) => `JSON-LD block ${i + 1}`),
    "next-data": scripts("script#__NEXT_DATA__", () => "The __NEXT_DATA__ script"),
    flight: { values: flight?.values ?? [], found: flight?.chunks ?? 0, skipped: flight?.skipped ?? [] },
    json: scripts(
      'script[type="application/json"]:not(#__NEXT_DATA__), script[type="application/x-json"]',
      (i) => `JSON script ${i + 1}`,
    ),
  };
}

function readSources($: CheerioAPI, clientId?: string): SourceResult[] {
  const documents = pageDocuments($);
  const results = (["json-ld", "next-data", "flight", "json"] as const).map((source) =>
    fromJson(source, documents[source].values, documents[source].found, documents[source].skipped, clientId),
  );
  results.push({ ...readMicrodata($), source: "microdata", appNode: false });
  results.push({ ...readVisible($, { clientId }), source: "dom", appNode: false });
  return results;
}

const fmt = (n: number) => n.toLocaleString("en-US");
/** 4 → "4.0", 4.35 → "4.35": as precise as the page, at least one decimal. */
const ratingText = (n: number) =>
  Math.abs(n * 10 - Math.round(n * 10)) < 1e-9 ? n.toFixed(1) : (Math.round(n * 100) / 100).toFixed(2);

function describeSource(r: SourceResult): string | null {
  const parts = [
    r.average !== null ? `rating ${ratingText(r.average)}` : null,
    r.count !== null ? plural(r.count, "review counted", "reviews counted") : null,
    r.reviews.length ? plural(r.reviews.length, "review read", "reviews read") : null,
    r.installBand ? `${r.installBand} installs` : null,
    r.votes ? `votes ${r.votes.up ?? "?"} up / ${r.votes.down ?? "?"} down` : null,
    !r.average && !r.count && !r.reviews.length && r.saysNoReviews ? "says there are no reviews yet" : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

function reportOf(
  results: SourceResult[],
  outcome: ParseReport["outcome"],
  summary: string,
  notes: string[],
): ParseReport {
  const sources: SourceReport[] = results.map((r) => {
    const read = describeSource(r);
    const skipped = [...new Set(r.skipped)].slice(0, 20);
    if (r.found > 0 && !read && skipped.length === 0) skipped.push("nothing that looks like a rating or a review");
    return { source: r.source, found: r.found, read, skipped };
  });
  return { outcome, summary, sources, notes };
}

/** Why nothing could be read, in words that say what to do. */
function unreadable($: CheerioAPI, html: string, results: SourceResult[]): { kind: UnreadableKind; message: string } {
  const title = plain($("title").first().text()).slice(0, 80);
  const quoted = title ? ` ("${title}")` : "";
  const heading = plain($("h1").first().text());
  const challenge = challengeTitle(html);
  if (challenge) return { kind: "challenge", message: challengeMessage(challenge) };
  if ($('input[type="password"]').length || /\b(log ?in|sign ?in)\b/i.test(title)) {
    return {
      kind: "login",
      message: `The address shows a login page${quoted}, not the public listing. Check the Marketplace page URL in the app's settings: it must be the app's public page on the Marketplace.`,
    };
  }
  if (/not found|\b404\b|doesn.t exist|could not be found|no longer available/i.test(`${title} ${heading}`)) {
    return {
      kind: "not-found",
      message: `The page says the app was not found${quoted}. Check the Marketplace page URL in the app's settings.`,
    };
  }
  const canonical = $('link[rel="canonical"]').attr("href") ?? $('meta[property="og:url"]').attr("content") ?? "";
  if (results.some((r) => r.appNode) || /\/marketplace\/app\//.test(canonical)) {
    return {
      kind: "changed",
      message:
        'The page is the app\'s listing, but neither a rating, nor reviews, nor a "no reviews yet" note could be read from it: Pipedrive may have changed its layout. Nothing was stored; meanwhile, reviews can be imported from a file.',
    };
  }
  return {
    kind: "not-a-listing",
    message: `The page${quoted} is not a Marketplace listing Listing Studio can read: it has no rating, no reviews and no listing data. Nothing was stored. Check the Marketplace page URL in the app's settings.`,
  };
}

export type ParseContext = {
  /** The app's client id: when several apps' ratings are on the page, the one that names it is the listing's. */
  clientId?: string;
  /** Where the page was read (after redirects): relative links resolve against it. */
  url?: string;
  /** When the page was read: relative dates ("3 days ago") count back from it. */
  fetchedAt?: Date;
};

/** Reads the page as of `fetchedAt`, in the page's language (`<html lang>`): see ./values.ts `reading`. */
export function parseListingPage(html: string, context: ParseContext = {}): ParsedListing {
  const lang = /<html[^>]*\slang=["']?([A-Za-z-]+)/i.exec(html.slice(0, 2_000))?.[1] ?? null;
  return reading({ at: context.fetchedAt, lang }, () => parseAt(html, context));
}

function parseAt(html: string, context: ParseContext): ParsedListing {
  const $ = load(html);
  const results = readSources($, context.clientId);
  const ordered = PAGE_SOURCES.map((s) => results.find((r) => r.source === s)!);
  const notes: string[] = [];

  const withAverage = ordered.filter((r) => r.average !== null);
  const withCount = ordered.filter((r) => r.count !== null && (r.count > 0 || r.average === null));
  const average = withAverage[0]?.average ?? null;
  let reviewCount = withCount[0]?.count ?? null;
  for (const r of withAverage.slice(1)) {
    if (Math.abs(r.average! - average!) > 0.05)
      notes.push(
        `${SOURCE_LABELS[r.source]} gives a rating of ${r.average}, ${SOURCE_LABELS[withAverage[0]!.source]} ${average}: the first was kept`,
      );
  }
  for (const r of withCount.slice(1)) {
    if (r.count !== reviewCount)
      notes.push(
        `${SOURCE_LABELS[r.source]} counts ${plural(r.count!, "review", "reviews")}, ${SOURCE_LABELS[withCount[0]!.source]} ${fmt(reviewCount!)}: the first was kept`,
      );
  }
  const merged = mergeReviews(ordered.map((r) => ({ source: r.source, reviews: r.reviews })));
  notes.push(...merged.notes);
  const reviews = merged.reviews;
  const installBand = ordered.map((r) => r.installBand).find(Boolean) ?? null;
  const votes = ordered.map((r) => r.votes).find(Boolean) ?? null;
  const skipped = [...new Set(ordered.flatMap((r) => r.skipped))];

  const readSomething = reviews.length > 0 || average !== null || (reviewCount ?? 0) > 0;
  if (!readSomething) {
    const saysNone = ordered.find((r) => r.saysNoReviews || r.count === 0);
    if (saysNone) {
      const summary = `The listing has no reviews yet (${SOURCE_LABELS[saysNone.source]})`;
      return {
        source: saysNone.source,
        ratingAverage: null,
        reviewCount: 0,
        installBand,
        votes,
        reviews: [],
        notes: [...notes, ...skipped],
        report: reportOf(ordered, "no-reviews", summary, notes),
      };
    }
    const why = unreadable($, html, ordered);
    throw new ListingParseError(why.message, why.kind, reportOf(ordered, "failed", why.message, notes));
  }

  // A figure the page shows but could not be read is said so: a partial read, never a smaller number.
  const warnings: string[] = [];
  if (reviewCount === null && reviews.length)
    warnings.push(
      `The page shows ${plural(reviews.length, "review", "reviews")} but not how many it has in all: no count was stored`,
    );
  else if (reviewCount !== null && reviewCount < reviews.length) {
    notes.push(
      `The page counts ${plural(reviewCount, "review", "reviews")} but shows ${fmt(reviews.length)}: the count was raised to match`,
    );
    reviewCount = reviews.length;
  }
  if (average === null && (reviews.length > 0 || (reviewCount ?? 0) > 0))
    warnings.push("The page has reviews but its rating could not be read: no rating was stored");
  const source = withAverage[0]?.source ?? ordered.find((r) => r.reviews.length || r.count)!.source;
  const used = ordered.filter((r) => describeSource(r) !== null).map((r) => SOURCE_LABELS[r.source]);
  const counted =
    reviewCount !== null ? plural(reviewCount, "review", "reviews") : plural(reviews.length, "review", "reviews");
  const summary = `Read ${average !== null ? `a rating of ${ratingText(average)} and ` : ""}${counted}${reviewCount !== null && reviews.length < reviewCount ? ` (${fmt(reviews.length)} shown on the page)` : ""} from ${used.join(", ")}${warnings.length ? ` — partly: ${warnings.join("; ")}` : ""}`;
  return {
    source,
    ratingAverage: average,
    reviewCount,
    installBand,
    votes,
    reviews,
    notes: [...notes, ...skipped],
    report: { ...reportOf(ordered, warnings.length ? "partial" : "read", summary, notes), warnings },
  };
}
