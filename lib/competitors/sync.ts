import "server-only";
import { db } from "@/lib/db";
import { localDay } from "@/lib/days";
import { PageFetchError, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { ListingParseError } from "@/lib/marketplace/listing-page";
import { log } from "@/lib/log";
import type { ListingChange } from "./changes";
import { readCompetitorPage, storeCompetitorRead } from "./read";

/**
 * Reads every followed competitor of the workspace (each page once per run, through the same client
 * as the workspace's own apps). A page that is gone marks the competitor removed and keeps its
 * history; a page that cannot be read keeps the last figures and says why.
 */
export async function syncCompetitors(
  workspaceId: string,
  { now = new Date(), fetch = {} }: { now?: Date; fetch?: FetchPageOptions } = {},
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
          data: { lastError: null, ...(read.name ? { name: read.name } : {}) },
        });
      });
    } catch (error) {
      const gone = error instanceof PageFetchError && error.kind === "not-found";
      const known = error instanceof PageFetchError || error instanceof ListingParseError;
      if (!known) log().error({ err: error }, "Reading a competitor failed unexpectedly");
      const message = gone
        ? "Its Marketplace page is gone: the app was removed or unpublished. Its history is kept."
        : known
          ? (error as Error).message
          : "An unexpected error stopped reading this page";
      await db.competitor.update({
        where: { id: c.id },
        data: { lastError: message, ...(gone ? { removedAt: now } : {}) },
      });
      errors.push(`${c.name}: ${message}`);
    }
  }
  return { added, errors, changed };
}
