import { db } from "@/lib/db";
import { attributeRequests } from "@/lib/outreach/attribute";
import { checkRatingDrop, checkReviewSurge, checkSyncFailures, raiseAlert } from "@/lib/alerts/alerts";
import { notifySafely } from "@/lib/notifications/notify";
import { plural } from "@/lib/text/words";
import { PageFetchError } from "@/lib/marketplace/fetch-page";
import { listingUrlOf } from "@/lib/marketplace/listing-url";
import { ListingParseError } from "@/lib/marketplace/listing-page";
import { ListingReadFailed, readListing, type ListingRead } from "@/lib/marketplace/read-listing";
import { captureOf } from "@/lib/marketplace/capture-format";
import { keepCapture } from "@/lib/captures/store";
import { learnCategories } from "@/lib/positions/category-map";
import { env } from "@/lib/server/env";
import { applyListing } from "@/lib/reviews/store";
import { audit } from "@/lib/audit/log";
import { touchSharePages } from "@/lib/apps/service";
import { outboundPolicy } from "@/lib/net/policy";
import { log } from "@/lib/server/log";
import { failureReport, SYNC_PROBLEMS, type SyncProblem, type SyncReport } from "./report";
import type { SyncOptions } from "./sync";

/** One app's read in a sync run: its Marketplace page and API, what is stored, and what it leaves as evidence. */

/** An app whose client ID was not added yet: nothing of the Marketplace can be read for it. */
class NoClientId extends Error {}

/** A failure in words, with its kind (what to do about it depends on it) and what the reader saw. */
function failureOf(error: unknown): SyncReport {
  if (error instanceof NoClientId)
    return failureReport(
      "The app has no client ID in Listing Studio yet: add it in the app's settings to read its Marketplace page",
      "no-client-id",
    );
  if (error instanceof ListingReadFailed)
    return {
      ...error.report,
      problem: SYNC_PROBLEMS.includes(error.problem as SyncProblem) ? (error.problem as SyncProblem) : "unexpected",
    };
  if (error instanceof ListingParseError) return { ...error.report, problem: error.kind };
  if (error instanceof PageFetchError) return failureReport(error.message, error.kind);
  log().error({ err: error }, "Marketplace sync failed unexpectedly");
  return failureReport("An unexpected error stopped the sync of this app", "unexpected");
}

/** What a read served that is worth keeping (a failed or partial read's pages), for Sync history. */
async function keepEvidence(
  workspaceId: string,
  appId: string,
  runId: string,
  clientId: string,
  evidence: ListingRead["evidence"],
) {
  for (const e of evidence)
    await keepCapture({
      workspaceId,
      appId,
      runId,
      capture: captureOf(e.response, e.kind, { clientId, reason: e.reason }),
    }).catch((error: unknown) => log().error({ err: error }, "Keeping a captured page failed"));
}

/**
 * What a read says that is hard to believe against the read before: the review count falling by more than
 * half at once (a page that shows only its latest reviews, a wrong page, a partial answer). The figures are
 * stored as read — never corrected — and the warning goes with them.
 */
export function implausibleDrops(
  before: { reviewCount: number | null } | null,
  read: { reviewCount: number | null },
): string[] {
  const warnings: string[] = [];
  if (
    before?.reviewCount &&
    read.reviewCount !== null &&
    before.reviewCount >= 4 &&
    read.reviewCount < before.reviewCount / 2
  )
    warnings.push(
      `The review count fell from ${before.reviewCount} to ${read.reviewCount} since the last read — more than half at once. It is stored as the page showed it; check that the address is the app's own page.`,
    );
  return warnings;
}

/**
 * What an app's result adds to its run, written in the same transaction as the result: apps done, reviews
 * counted, requests made and time waited since the last result, and the run's heartbeat.
 */
export type RunTally = () => { requests: number; waitedMs: number };

const runIncrements = (
  result: { added: number; updated: number; removed: number },
  tally: ReturnType<RunTally>,
  at: Date,
) => ({
  appsDone: { increment: 1 },
  added: { increment: result.added },
  updated: { increment: result.updated },
  removed: { increment: result.removed },
  requests: { increment: tally.requests },
  waitedMs: { increment: tally.waitedMs },
  heartbeatAt: at,
});

export async function syncApp(
  runId: string,
  workspaceIdOf: string,
  app: { id: string; name: string; clientId: string; listingUrl: string | null },
  options: SyncOptions,
  tally: RunTally = () => ({ requests: 0, waitedMs: 0 }),
) {
  const now = options.now ?? (() => new Date());
  const url = listingUrlOf(app, env().MARKETPLACE_URL);
  try {
    // Without it the Marketplace's API cannot be asked and a page cannot be told apart from another app's.
    if (!app.clientId) throw new NoClientId();
    const read = await readListing({ url, clientId: app.clientId }, { policy: outboundPolicy(), ...options.fetch });
    const parsed = read.listing;
    const at = now();
    const before = await db.ratingSnapshot.findFirst({
      where: { appId: app.id, reviewCount: { not: null } },
      orderBy: { takenAt: "desc" },
      select: { reviewCount: true },
    });
    const drops = implausibleDrops(before, parsed);
    const report: SyncReport = {
      ...read.report,
      warnings: [...(read.report.warnings ?? []), ...drops],
      problem: null,
    };
    // The read, the app's result in the run and the run's counters commit together: a run continued after its
    // process died neither reads this app again nor counts it twice.
    const stored = await applyListing(app.id, parsed, runId, at, async (tx, applied) => {
      await tx.syncRunApp.create({
        data: {
          runId,
          appId: app.id,
          url: read.url,
          status: read.report.outcome === "partial" ? "PARTIAL" : "SUCCEEDED",
          added: applied.added.length,
          updated: applied.updated,
          removed: applied.removed,
          parser: read.report.figures?.rating === "the Marketplace's API" ? "api" : parsed.source,
          report: JSON.stringify(report),
          finishedAt: at,
        },
      });
      await tx.syncRun.update({
        where: { id: runId },
        data: runIncrements({ ...applied, added: applied.added.length }, tally(), at),
      });
    });
    // Share pages show the rating and the latest reviews.
    await touchSharePages(app.id);
    if (read.report.moved) {
      // The listing moved (renamed): its new address is the one read from now on, and Sync history says so.
      await db.app.update({ where: { id: app.id }, data: { listingUrl: read.url } });
      await audit({
        workspaceId: workspaceIdOf,
        actor: { id: null, name: "Marketplace sync" },
        action: "app.listing_url",
        targetType: "app",
        targetId: app.id,
        targetName: app.name,
        diff: { listingUrl: [read.report.moved.from, read.report.moved.to] },
      });
    }
    await learnCategories(read.api, read.content?.categories ?? []);
    await keepEvidence(workspaceIdOf, app.id, runId, app.clientId, read.evidence);
    if (!stored.baseline && stored.added.length) {
      // Each review goes through the alert rules; the summary tells about those no rule put in the app already.
      const untold = [];
      for (const r of stored.added) {
        const review = {
          id: r.id,
          author: r.author,
          stars: r.stars,
          text: r.text,
          reviewedAt: r.reviewedAt?.toISOString() ?? null,
        };
        const { delivered } = await raiseAlert({
          appId: app.id,
          key: `review:${r.id}`,
          data: { type: "NEW_REVIEW", review },
          now: at,
        });
        if (!delivered.has("IN_APP")) untold.push(r);
      }
      if (untold.length) {
        const stars = [...untold].sort((a, b) => a.stars - b.stars).map((r) => `${r.stars}★`);
        await notifySafely(
          workspaceIdOf,
          {
            kind: "NEW_REVIEW",
            title: `${plural(untold.length, "new review", "new reviews")} of ${app.name} (${stars.join(", ")})`,
            body: untold.map((r) => `${r.author}: ${r.text}`.slice(0, 200)).join("\n"),
            link: `/reviews?app=${app.id}`,
          },
          { now: at },
        );
      }
      await checkReviewSurge(app.id, at);
      // Reviews that followed a review request are marked as probably from it.
      await attributeRequests(app.id);
    }
    await checkRatingDrop(app.id, parsed.ratingAverage, at);
    return {
      ok: true as const,
      partial: read.report.outcome === "partial",
      added: stored.added.length,
      updated: stored.updated,
      removed: stored.removed,
    };
  } catch (error) {
    const report = failureOf(error);
    const at = now();
    if (error instanceof ListingReadFailed)
      await keepEvidence(workspaceIdOf, app.id, runId, app.clientId, error.evidence);
    await db.$transaction([
      db.syncRunApp.create({
        data: {
          runId,
          appId: app.id,
          url,
          status: "FAILED",
          error: report.summary,
          report: JSON.stringify(report),
          finishedAt: at,
        },
      }),
      db.syncRun.update({
        where: { id: runId },
        data: runIncrements({ added: 0, updated: 0, removed: 0 }, tally(), at),
      }),
    ]);
    const { delivered } = await checkSyncFailures(app.id, runId, report.summary, at);
    // An alert rule that told the team in the app already says it.
    if (!delivered.has("IN_APP"))
      await notifySafely(
        workspaceIdOf,
        {
          kind: "SYNC_FAILED",
          title: `The Marketplace sync of ${app.name} failed`,
          body: report.summary,
          link: `/reviews/sync?run=${runId}`,
        },
        { now: at },
      );
    return { ok: false as const, error: `${app.name}: ${report.summary}` };
  }
}
