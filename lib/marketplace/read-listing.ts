import { apiBase, ApiUnavailable, fetchApiApp, type ApiApp } from "./api";
import { fetchMarketplace, PageFetchError, type FetchPageOptions, type MarketplaceResponse } from "./fetch-page";
import { readListingContent } from "./listing-content";
import { ListingParseError, parseListingPage, type ParsedListing } from "./listing-page";
import { findListingByClientId, listingAddress } from "./listing-lookup";
import { mergeReviews } from "./merge";
import { SOURCE_LABELS, type ListingContent, type ParseReport, type SourceName } from "./types";

/**
 * One read of an app's listing, from the most stable source first: the Marketplace's own API (its
 * rating and count, when it answers in a shape known here), then the page (its reviews, which the API
 * may not carry, and everything the API did not give). The two are merged — a review both show is one
 * review — and the report says which source each figure came from. A page that moved (a redirect, a
 * new canonical address, or a 404 at the old slug that the API or the sitemap places elsewhere) is
 * followed and said so. What the site served for a read that failed or was partial is handed back as
 * evidence.
 */

export type ApiOutcome = { url: string | null; outcome: "used" | "unavailable" | "off"; reason: string | null };

/** Where each figure of a read came from ("the Marketplace's API", "JSON-LD"…). */
export type FigureSources = { rating: string | null; count: string | null; reviews: string[] };

export type ListingReadReport = ParseReport & {
  api?: ApiOutcome;
  figures?: FigureSources;
  /** The listing's address changed: what it was, where it is, how it was found. */
  moved?: { from: string; to: string; how: "redirect" | "canonical" | "lookup" } | null;
};

export type ListingRead = {
  listing: ParsedListing;
  report: ListingReadReport;
  /** What the page says about the app (null when the page could not be read). */
  content: ListingContent | null;
  /** The listing's address as read (after redirects and the canonical link). */
  url: string;
  /** The page's own name for the app, and what the API calls it. */
  api: ApiApp | null;
  /** Responses worth keeping: those of a failed or partial read. */
  evidence: { response: MarketplaceResponse; reason: string; kind: "LISTING" | "API" }[];
};

export class ListingReadFailed extends Error {
  constructor(
    message: string,
    readonly problem: string,
    readonly report: ListingReadReport,
    readonly evidence: ListingRead["evidence"],
  ) {
    super(message);
    this.name = "ListingReadFailed";
  }
}

const API_LABEL = "the Marketplace's API";
/** "the page's JSON-LD", "the visible page". */
const pageSource = (source: SourceName) =>
  source === "dom" ? SOURCE_LABELS.dom : `the page's ${SOURCE_LABELS[source]}`;

function apiOutcome(error: unknown): ApiOutcome {
  const base = apiBase();
  if (error instanceof ApiUnavailable)
    return { url: base, outcome: error.problem === "off" ? "off" : "unavailable", reason: error.message };
  throw error;
}

/** The canonical address a page gives itself, when it is this app's listing (same client id). */
function canonicalOf(html: string, clientId: string, base: string): string | null {
  const href =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']/i.exec(html)?.[1];
  if (!href || !URL.canParse(href, base)) return null;
  const url = new URL(href, base).href;
  return listingAddress(url)?.clientId === clientId ? url : null;
}

const sameListing = (a: string, b: string) => listingAddress(a)?.slug === listingAddress(b)?.slug;

export async function readListing(
  { url, clientId }: { url: string; clientId: string },
  options: FetchPageOptions & { content?: boolean } = {},
): Promise<ListingRead> {
  const evidence: ListingRead["evidence"] = [];
  let api: ApiApp | null = null;
  let apiReport: ApiOutcome;
  try {
    api = (await fetchApiApp(clientId, options)).app;
    apiReport = { url: apiBase(), outcome: "used", reason: null };
  } catch (error) {
    apiReport = apiOutcome(error);
    if (error instanceof ApiUnavailable && error.response && error.problem === "shape")
      evidence.push({ response: error.response, reason: error.message, kind: "API" });
  }

  // The page: at its address, or where the app moved to.
  let moved: ListingReadReport["moved"] = null;
  let page: MarketplaceResponse | null = null;
  let pageError: Error | null = null;
  try {
    page = await fetchMarketplace(url, options);
  } catch (error) {
    if (!(error instanceof PageFetchError)) throw error;
    pageError = error;
    if (error.kind === "not-found") {
      const found = await findListingByClientId({ url, clientId, slug: api?.slug ?? null }, options);
      if (!found || sameListing(found, url))
        pageError = new PageFetchError(
          `${error.message}, and the Marketplace lists none for this app's client id`,
          error.attempts,
          error.status,
          error.kind,
          error.response,
        );
      else {
        try {
          page = await fetchMarketplace(found, options);
          moved = { from: url, to: found, how: "lookup" };
          pageError = null;
        } catch (again) {
          if (!(again instanceof PageFetchError)) throw again;
          pageError = again;
        }
      }
    }
  }
  let address = url;
  if (page) {
    address = page.finalUrl;
    if (!moved && !sameListing(page.finalUrl, url)) moved = { from: url, to: page.finalUrl, how: "redirect" };
    const canonical = canonicalOf(page.body, clientId, page.finalUrl);
    if (canonical && !sameListing(canonical, address)) {
      moved = { from: url, to: canonical, how: "canonical" };
      address = canonical;
    }
  }

  let parsed: ParsedListing | null = null;
  let content: ListingContent | null = null;
  if (page) {
    try {
      parsed = parseListingPage(page.body, { clientId, url: address, fetchedAt: page.fetchedAt });
      if (parsed.report.outcome === "partial")
        evidence.push({ response: page, reason: (parsed.report.warnings ?? []).join("; "), kind: "LISTING" });
    } catch (error) {
      if (!(error instanceof ListingParseError)) throw error;
      pageError = error;
      evidence.push({ response: page, reason: error.message, kind: "LISTING" });
    }
    if (options.content !== false) content = readListingContent(page.body, { url: address, clientId });
  } else if (pageError instanceof PageFetchError && pageError.response && pageError.kind !== "not-found")
    evidence.push({ response: pageError.response, reason: pageError.message, kind: "LISTING" });

  return combine({ api, apiReport, parsed, pageError, content, address, moved, evidence });
}

function combine({
  api,
  apiReport,
  parsed,
  pageError,
  content,
  address,
  moved,
  evidence,
}: {
  api: ApiApp | null;
  apiReport: ApiOutcome;
  parsed: ParsedListing | null;
  pageError: Error | null;
  content: ListingContent | null;
  address: string;
  moved: ListingReadReport["moved"];
  evidence: ListingRead["evidence"];
}): ListingRead {
  const pageLabel = parsed ? pageSource(parsed.source) : null;
  const apiFigures = api !== null && (api.ratingAverage !== null || api.reviewCount !== null);
  if (!parsed && !apiFigures) {
    const problem =
      pageError instanceof ListingParseError || pageError instanceof PageFetchError ? pageError.kind : "unexpected";
    const base: ParseReport =
      pageError instanceof ListingParseError
        ? pageError.report
        : { outcome: "failed", summary: pageError?.message ?? "Nothing could be read", sources: [], notes: [] };
    const summary = pageError?.message ?? "Nothing could be read";
    throw new ListingReadFailed(summary, problem, { ...base, summary, api: apiReport, moved }, evidence);
  }
  const notes = [...(parsed?.notes ?? [])];
  const warnings = [...(parsed?.report.warnings ?? [])];
  // The API's figures first; the page's where the API has none.
  const rating = api?.ratingAverage ?? parsed?.ratingAverage ?? null;
  const count = api?.reviewCount ?? parsed?.reviewCount ?? null;
  if (
    api?.ratingAverage != null &&
    parsed?.ratingAverage != null &&
    Math.abs(api.ratingAverage - parsed.ratingAverage) > 0.05
  )
    notes.push(`The API gives a rating of ${api.ratingAverage}, the page ${parsed.ratingAverage}: the API's was kept`);
  if (api?.reviewCount != null && parsed?.reviewCount != null && api.reviewCount !== parsed.reviewCount)
    notes.push(`The API counts ${api.reviewCount} reviews, the page ${parsed.reviewCount}: the API's was kept`);
  const merged = mergeReviews([
    { source: parsed?.source ?? "dom", reviews: parsed?.reviews ?? [] },
    { source: "api", reviews: api?.reviews ?? [] },
  ]);
  const reviews = merged.reviews;
  const finalCount = count !== null && count < reviews.length ? reviews.length : count;
  // What the API gave fills in what the page could not read.
  const filled = warnings.filter(
    (w) => !((/count/.test(w) && api?.reviewCount != null) || (/rating/.test(w) && api?.ratingAverage != null)),
  );
  if (!parsed) {
    const why = pageError?.message ?? "no answer";
    const carried = api?.reviews?.length ?? 0;
    filled.push(
      carried
        ? `The page could not be read (${why}): only the ${carried} newest reviews the API carries were read`
        : `The page could not be read (${why}): its reviews were not updated`,
    );
  }
  const figures: FigureSources = {
    rating: api?.ratingAverage != null ? API_LABEL : rating !== null ? pageLabel : null,
    count: api?.reviewCount != null ? API_LABEL : count !== null ? pageLabel : null,
    reviews: [...(parsed?.reviews.length ? [pageLabel!] : []), ...(api?.reviews?.length ? [API_LABEL] : [])],
  };
  const outcome: ParseReport["outcome"] = filled.length
    ? "partial"
    : reviews.length || rating !== null || (finalCount ?? 0) > 0
      ? "read"
      : "no-reviews";
  const listing: ParsedListing = {
    source: parsed?.source ?? "json",
    ratingAverage: rating,
    reviewCount: finalCount,
    installBand: api?.installBand ?? parsed?.installBand ?? null,
    votes: parsed?.votes ?? null,
    reviews,
    reviewsPartial: !parsed,
    notes: [...notes, ...merged.notes],
    report: parsed?.report ?? { outcome, summary: "", sources: [], notes: [] },
  };
  const summary =
    outcome === "no-reviews"
      ? `The listing has no reviews yet (${figures.count ?? pageLabel ?? API_LABEL})`
      : `Read ${rating !== null ? `a rating of ${rating.toFixed(2).replace(/0$/, "")} (${figures.rating}) and ` : ""}${finalCount !== null ? `${finalCount} reviews (${figures.count})` : `${reviews.length} reviews, no count`}${reviews.length ? `, ${reviews.length} shown (${figures.reviews.join(" and ")})` : ""}${filled.length ? ` — partly: ${filled.join("; ")}` : ""}`;
  const report: ListingReadReport = {
    outcome,
    summary,
    sources: parsed?.report.sources ?? [],
    notes: [...(parsed?.report.notes ?? []), ...notes.filter((n) => !(parsed?.report.notes ?? []).includes(n))],
    warnings: filled,
    api: apiReport,
    figures,
    moved,
  };
  listing.report = report;
  return { listing, report, content, url: moved?.to ?? address, api, evidence };
}
