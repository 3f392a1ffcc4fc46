import type { Change } from "@/lib/analytics/metrics";
import type { AppSummary } from "@/lib/apps/types";

/** Something about an app that waits for a person, with where it is dealt with. */
export type Attention = { key: string; text: string; href: string };

/** One app at a glance on the home: each figure with the page that explains it. */
export type AppFigures = {
  app: AppSummary;
  installs: Change;
  uninstalls: Change;
  /** Installs per day over the last 30 days, oldest first. */
  daily: number[];
  active: number;
  /** Public apps only: the last read of the Marketplace page and what came in since the member's last visit. */
  rating: { average: number | null; reviewCount: number | null; newSinceVisit: number } | null;
  /** The best position the app holds now, in which list, and its move since the read before. */
  position: { list: string; rank: number; listSize: number; move: number | null; day: string } | null;
  /** While Pipedrive reviews the app: business days elapsed of the window. */
  review: { elapsed: number; window: number; startedAt: string } | null;
  /** For a listing not yet submitted: the readiness score. */
  readiness: number | null;
  attention: Attention[];
};

export type WorkspaceTotals = {
  installs: Change;
  uninstalls: Change;
  active: number;
  /** Weighted by review count over the public apps read. */
  rating: number | null;
  reviews: number;
  newReviews: number;
  attention: number;
};

export type ChecklistStep = { key: string; label: string; help: string; href: string; done: boolean };
