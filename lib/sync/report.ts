import { z } from "zod";
import type { ListingReadReport } from "@/lib/marketplace/read-listing";
import { PAGE_SOURCES, SOURCE_LABELS, type SourceName } from "@/lib/marketplace/types";
import { plural } from "@/lib/text/words";

/**
 * What a sync stored about one app's page (SyncRunApp.report): what the reader found where, and
 * for a failure what kind it was, so the page can say what to do about it.
 */
export const SYNC_PROBLEMS = [
  "challenge",
  "login",
  "not-found",
  "changed",
  "not-a-listing",
  "refused",
  "unavailable",
  "http",
  "too-large",
  "robots",
  "forbidden",
  "no-client-id",
  "unexpected",
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export type SyncReport = ListingReadReport & { problem: SyncProblem | null };

const schema = z.object({
  outcome: z.enum(["read", "partial", "no-reviews", "failed"]),
  summary: z.string(),
  sources: z.array(
    z.object({
      source: z.enum(PAGE_SOURCES),
      found: z.number(),
      read: z.string().nullable(),
      skipped: z.array(z.string()),
    }),
  ),
  notes: z.array(z.string()),
  warnings: z.array(z.string()).optional(),
  api: z
    .object({
      url: z.string().nullable(),
      outcome: z.enum(["used", "unavailable", "off"]),
      reason: z.string().nullable(),
    })
    .optional(),
  figures: z
    .object({ rating: z.string().nullable(), count: z.string().nullable(), reviews: z.array(z.string()) })
    .optional(),
  moved: z
    .object({ from: z.string(), to: z.string(), how: z.enum(["redirect", "canonical", "lookup"]) })
    .nullable()
    .optional(),
  problem: z.enum(SYNC_PROBLEMS).nullable().default(null),
});

export function readSyncReport(json: string | null): SyncReport | null {
  if (!json) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const failureReport = (summary: string, problem: SyncProblem): SyncReport => ({
  outcome: "failed",
  summary,
  sources: [],
  notes: [],
  problem,
});

/** The problems a partner fixes by correcting the app's Marketplace page URL. */
const URL_PROBLEMS = new Set<SyncProblem>(["not-found", "login", "not-a-listing", "refused", "too-large"]);

export const listingUrlField = (appId: string) => `/apps/${appId}/settings#listing-url`;

/** What to do about a failed read, as a link (`short`: for a button). */
export function fixOf(
  problem: SyncProblem | null,
  appId: string,
): { label: string; short: string; href: string } | null {
  if (problem && URL_PROBLEMS.has(problem))
    return { label: "Check the Marketplace page URL", short: "Fix the URL", href: listingUrlField(appId) };
  if (problem === "no-client-id")
    return {
      label: "Add the client ID in the app's settings",
      short: "Add client ID",
      href: `/apps/${appId}/settings#client`,
    };
  if (problem === "changed" || problem === "challenge")
    return { label: "Import reviews from a file meanwhile", short: "Import reviews", href: "/reviews#import" };
  return null;
}

/** A source's label as the start of a sentence or list item. */
export const sourceLabel = (source: SourceName) => {
  const label = SOURCE_LABELS[source];
  return label[0]!.toUpperCase() + label.slice(1);
};

const UNITS: Record<SourceName, [string, string]> = {
  "json-ld": ["block", "blocks"],
  "next-data": ["script", "scripts"],
  flight: ["chunk", "chunks"],
  json: ["script", "scripts"],
  microdata: ["item", "items"],
  dom: ["star label", "star labels"],
};

/** How much of a source the page had: "3 blocks", "12 chunks". */
export const foundLabel = (source: SourceName, n: number) => plural(n, UNITS[source][0], UNITS[source][1]);
