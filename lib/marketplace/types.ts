/**
 * What reading a public Marketplace page produces. The page's markup is not documented and may
 * change at any time, so a read says where each figure came from and what it could not use.
 */

/** Where on the page data can sit, in the order they are trusted when they disagree. */
export const PAGE_SOURCES = ["json-ld", "next-data", "flight", "json", "microdata", "dom"] as const;
export type SourceName = (typeof PAGE_SOURCES)[number];

export const SOURCE_LABELS: Record<SourceName, string> = {
  "json-ld": "JSON-LD",
  "next-data": "Next.js page data (__NEXT_DATA__)",
  flight: "Next.js App Router data (flight)",
  json: "other JSON scripts",
  microdata: "schema.org microdata",
  dom: "the visible page",
};

export type ParsedReview = {
  /** The page's own id for the review, when it gives one. */
  externalId: string | null;
  /** The review's element id on the page, to link to it. */
  anchor: string | null;
  author: string;
  stars: number;
  date: Date | null;
  text: string;
  upvotes: number;
  reply: string | null;
};

export type Votes = { up: number | null; down: number | null };

/** One source's part in a read: how many blocks it had, what it gave, what was left aside and why. */
export type SourceReport = { source: SourceName; found: number; read: string | null; skipped: string[] };

export type ParseReport = {
  /** `partial`: something the page shows could not be read (see `warnings`); what was read is kept. */
  outcome: "read" | "partial" | "no-reviews" | "failed";
  summary: string;
  sources: SourceReport[];
  /** How the sources were combined: disagreements and which one was kept. */
  notes: string[];
  /** What could not be read and was therefore not stored. */
  warnings?: string[];
};

export type ParsedListing = {
  /** The source the rating came from (or the first that gave anything). */
  source: SourceName;
  ratingAverage: number | null;
  /** The listing's count of written reviews; null when the page shows reviews but not their number. */
  reviewCount: number | null;
  installBand: string | null;
  votes: Votes | null;
  reviews: ParsedReview[];
  /** The reviews are some only, chosen by a source other than the page (lib/reviews/store.ts). */
  reviewsPartial?: boolean;
  /** What was skipped or disagreed, in words (kept with the sync's result). */
  notes: string[];
  report: ParseReport;
};

/** Why a page could not be read: each kind has its own advice. */
export type UnreadableKind = "challenge" | "login" | "not-found" | "changed" | "not-a-listing";

export class ListingParseError extends Error {
  constructor(
    message: string,
    readonly kind: UnreadableKind,
    readonly report: ParseReport,
  ) {
    super(message);
    this.name = "ListingParseError";
  }
}

/** What a listing page says about the app (lib/marketplace/listing-content.ts): null or empty when not found. */
export type ListingContent = {
  name: string | null;
  summary: string | null;
  description: string | null;
  /** Absolute addresses, in the page's order. */
  screenshots: string[];
  video: string | null;
  categories: string[];
  pricingUrl: string | null;
};

export const emptyContent = (): ListingContent => ({
  name: null,
  summary: null,
  description: null,
  screenshots: [],
  video: null,
  categories: [],
  pricingUrl: null,
});

/** The schema.org types a Marketplace app is given: as a JSON-LD `@type`, and as a microdata `itemtype` URL. */
const APP_SCHEMA_TYPES = "SoftwareApplication|WebApplication|MobileApplication|Product";
export const APP_TYPE = new RegExp(`^(${APP_SCHEMA_TYPES})$`);
export const APP_ITEMTYPE = new RegExp(`schema\\.org/(${APP_SCHEMA_TYPES})/?$`, "i");
