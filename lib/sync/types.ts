import type { ApiOutcome, FigureSources, ListingReadReport } from "@/lib/marketplace/read-listing";
import type { SourceReport, Votes } from "@/lib/marketplace/types";
import type { SyncProblem } from "./report";

export type ListingPageCheck =
  | {
      ok: true;
      url: string;
      /** `partial`: a figure the listing shows could not be read (see `warnings`). */
      outcome: "read" | "partial" | "no-reviews";
      summary: string;
      ratingAverage: number | null;
      reviewCount: number | null;
      installBand: string | null;
      votes: Votes | null;
      reviewsShown: number;
      /** The latest reviews read, as they would be stored. */
      sample: { author: string; stars: number; date: string | null; text: string }[];
      sources: SourceReport[];
      notes: string[];
      warnings: string[];
      api: ApiOutcome | null;
      figures: FigureSources | null;
      /** The listing is at another address now (a sync would follow it and store the new one). */
      moved: ListingReadReport["moved"];
    }
  | {
      ok: false;
      url: string;
      problem: SyncProblem;
      message: string;
      sources: SourceReport[];
      api: ApiOutcome | null;
    };

export type MarketplacePageSettings = {
  marketplace: string;
  defaultUrl: string;
  /** The address the partner set; null when the default one is used. */
  customUrl: string | null;
  url: string;
};

/** What the Marketplace page shows of an app's reviews: its rating, review count and latest reviews. */
export type PublicRating = {
  average: number | null;
  count: number;
  latest: {
    id: string;
    author: string;
    stars: number;
    reviewedAt: string | null;
    text: string;
    reply: string | null;
  }[];
};

export type RatingSummary = {
  app: { id: string; name: string; status: string };
  latest: {
    average: number | null;
    /** Null when the last read could not tell (a partial read). */
    reviewCount: number | null;
    installBand: string | null;
    votesUp: number | null;
    votesDown: number | null;
    takenAt: string;
  } | null;
  /** The average 7 days before the latest snapshot (the closest earlier one). */
  weekAgo: number | null;
  /** One point per day (the day's last snapshot), oldest first, over 90 days. */
  series: { day: string; average: number }[];
  lastSync: {
    status: string;
    at: string;
    error: string | null;
    fix: { label: string; short: string; href: string } | null;
    /** What the last read found hard to believe (e.g. the review count halving), stored with its figures. */
    warnings: string[];
  } | null;
  stars: Record<1 | 2 | 3 | 4 | 5, number>;
};
