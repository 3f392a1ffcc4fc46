import "server-only";
import { db } from "@/lib/db";
import { localDay } from "@/lib/days";
import type { FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { ListingReadFailed, type ListingRead } from "@/lib/marketplace/read-listing";
import { captureOf } from "@/lib/marketplace/capture-format";
import { keepCapture } from "@/lib/captures/store";
import { log } from "@/lib/server/log";
import type { ListingChange } from "./changes";
import { readCompetitorPage, storeCompetitorRead } from "./read";

/**
 * Reads every followed competitor of the workspace (each listing once per run, through the same reader
 * as the workspace's own apps). A listing that moved is followed; one that is gone (no page, and the
 * Marketplace lists none for its client id) marks the competitor removed and keeps its history; one
 * that cannot be read keeps the last figures, says why, and keeps what the site served.
 */
export async function syncCompetitors(
  workspaceId: string,
  { now = new Date(), fetch = {}, runId = null }: { now?: Date; fetch?: FetchPageOptions; runId?: string | null } = {},
) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const day = localDay(now, workspace.timeZone);
  const competitors = await db.competitor.findMany({
    where: { workspaceId, removedAt: null },
    orderBy: { createdAt: "asc" },
  });
  const errors: string[] = [];
  let added = 0;
  const changed: { competitorId: string; appId: string; name: string; changes: ListingChange[] }[] = [];
  const keep = (competitorId: string, clientId: string, evidence: ListingRead["evidence"]) =>
    Promise.all(
      evidence.map((e) =>
        keepCapture({
          workspaceId,
          competitorId,
          runId,
          capture: captureOf(e.response, e.kind, { clientId, reason: e.reason }),
        }).catch((error: unknown) => log().error({ err: error }, "Keeping a captured page failed")),
      ),
    );
  for (const c of competitors) {
    try {
      const read = await readCompetitorPage(c.url, c.clientId, fetch);
      await db.$transaction(async (tx) => {
        const stored = await storeCompetitorRead(c.id, read, { day, now, baseline: false }, tx);
        added += stored.added;
        if (stored.changes.length)
          changed.push({ competitorId: c.id, appId: c.appId, name: read.name ?? c.name, changes: stored.changes });
        await tx.competitor.update({
          where: { id: c.id },
          data: {
            lastError:
              read.report.outcome === "partial" ? `Partly read: ${(read.report.warnings ?? []).join("; ")}` : null,
            ...(read.name ? { name: read.name } : {}),
            ...(read.url !== c.url ? { url: read.url } : {}),
          },
        });
      });
      await keep(c.id, c.clientId, read.evidence);
    } catch (error) {
      const failed = error instanceof ListingReadFailed ? error : null;
      if (!failed) log().error({ err: error }, "Reading a competitor failed unexpectedly");
      const gone = failed?.problem === "not-found";
      const message = gone
        ? "Its Marketplace page is gone: the app was removed or unpublished. Its history is kept."
        : (failed?.message ?? "An unexpected error stopped reading this page");
      await db.competitor.update({
        where: { id: c.id },
        data: { lastError: message, ...(gone ? { removedAt: now } : {}) },
      });
      if (failed) await keep(c.id, c.clientId, failed.evidence);
      errors.push(`${c.name}: ${message}`);
    }
  }
  return { added, errors, changed };
}
