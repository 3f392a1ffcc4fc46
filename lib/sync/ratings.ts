import "server-only";
import { fixOf, readSyncReport } from "./report";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import type { PublicRating, RatingSummary } from "./types";

const DAY = 86_400_000;

/** Rating cards shown before "Show all" (one row): a large partner's reviews page stays one screen of figures. */
export const RATING_CARDS = 3;

/**
 * The rating cards of the workspace's public apps: those on the Marketplace or ever read, the ones
 * whose last sync failed first, then by name; the first `limit` of them (all with `limit: null`)
 * and how many there are. Choosing them costs two index seeks per app; only the cards shown
 * load their figures.
 */
export async function ratingSummaries(
  member: Member,
  { limit = RATING_CARDS as number | null, now = new Date() } = {},
): Promise<{ summaries: RatingSummary[]; total: number }> {
  const candidates = await db.$queryRaw<
    { id: string; name: string; status: string; lastSync: string | null; read: number | bigint }[]
  >`
    SELECT a.id, a.name, a.status,
      (SELECT s.status FROM SyncRunApp s WHERE s.appId = a.id ORDER BY s.finishedAt DESC LIMIT 1) AS lastSync,
      EXISTS (SELECT 1 FROM RatingSnapshot r WHERE r.appId = a.id) AS read
    FROM App a
    WHERE a.workspaceId = ${member.workspace.id} AND a.type = 'PUBLIC' AND a.archivedAt IS NULL`;
  const shown = candidates
    .filter((a) => a.status === "PUBLISHED" || Number(a.read) === 1)
    .sort((a, b) => Number(b.lastSync === "FAILED") - Number(a.lastSync === "FAILED") || a.name.localeCompare(b.name));
  const apps = (limit === null ? shown : shown.slice(0, limit)).map(({ id, name, status }) => ({ id, name, status }));
  return { summaries: await summariesOf(apps, now), total: shown.length };
}

async function summariesOf(apps: RatingSummary["app"][], now: Date): Promise<RatingSummary[]> {
  const since = new Date(now.getTime() - 90 * DAY);
  return Promise.all(
    apps.map(async (app): Promise<RatingSummary> => {
      const [snapshots, latest, lastSync, stars] = await Promise.all([
        db.ratingSnapshot.findMany({
          where: { appId: app.id, takenAt: { gte: since } },
          orderBy: { takenAt: "asc" },
          select: { takenAt: true, average: true },
        }),
        db.ratingSnapshot.findFirst({ where: { appId: app.id }, orderBy: { takenAt: "desc" } }),
        db.syncRunApp.findFirst({
          where: { appId: app.id },
          orderBy: { finishedAt: "desc" },
          select: { status: true, finishedAt: true, error: true, report: true },
        }),
        db.review.groupBy({ by: ["stars"], where: { appId: app.id, removedAt: null }, _count: { _all: true } }),
      ]);
      const byDay = new Map<string, number>();
      for (const s of snapshots) if (s.average !== null) byDay.set(s.takenAt.toISOString().slice(0, 10), s.average);
      const weekAgo = latest
        ? await db.ratingSnapshot.findFirst({
            where: {
              appId: app.id,
              takenAt: { lte: new Date(latest.takenAt.getTime() - 7 * DAY) },
              average: { not: null },
            },
            orderBy: { takenAt: "desc" },
            select: { average: true },
          })
        : null;
      const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as RatingSummary["stars"];
      for (const s of stars) if (s.stars >= 1 && s.stars <= 5) counts[s.stars as 1] = s._count._all;
      return {
        app,
        latest: latest
          ? {
              average: latest.average,
              reviewCount: latest.reviewCount,
              installBand: latest.installBand,
              votesUp: latest.votesUp,
              votesDown: latest.votesDown,
              takenAt: latest.takenAt.toISOString(),
            }
          : null,
        weekAgo: weekAgo?.average ?? null,
        series: [...byDay].map(([day, average]) => ({ day, average })),
        lastSync: lastSync
          ? {
              status: lastSync.status,
              at: lastSync.finishedAt.toISOString(),
              error: lastSync.error,
              fix:
                lastSync.status === "FAILED" ? fixOf(readSyncReport(lastSync.report)?.problem ?? null, app.id) : null,
              warnings: lastSync.status === "FAILED" ? [] : (readSyncReport(lastSync.report)?.warnings ?? []),
            }
          : null,
        stars: counts,
      };
    }),
  );
}

/**
 * The app's rating as the store knows it: the last synced snapshot of its page, otherwise the
 * reviews entered or imported here. Null when the store holds no rating at all.
 */
export async function publicRating(appId: string, latest = 3): Promise<PublicRating | null> {
  const [snapshot, aggregate, rows] = await Promise.all([
    db.ratingSnapshot.findFirst({
      where: { appId },
      orderBy: { takenAt: "desc" },
      select: { average: true, reviewCount: true },
    }),
    db.review.aggregate({ where: { appId, removedAt: null }, _avg: { stars: true }, _count: { _all: true } }),
    db.review.findMany({
      where: { appId, removedAt: null },
      orderBy: [{ reviewedAt: { sort: "desc", nulls: "last" } }, { firstSeenAt: "desc" }],
      take: latest,
      select: { id: true, author: true, stars: true, reviewedAt: true, text: true, publicReply: true },
    }),
  ]);
  const average = snapshot ? snapshot.average : aggregate._avg.stars;
  // A partial read did not tell the count: the last read that did, else the reviews held here.
  const known =
    snapshot && snapshot.reviewCount === null
      ? ((
          await db.ratingSnapshot.findFirst({
            where: { appId, reviewCount: { not: null } },
            orderBy: { takenAt: "desc" },
            select: { reviewCount: true },
          })
        )?.reviewCount ?? null)
      : (snapshot?.reviewCount ?? null);
  const count = known ?? aggregate._count._all;
  if (!snapshot && count === 0) return null;
  return {
    average,
    count,
    latest: rows.map((r) => ({
      id: r.id,
      author: r.author,
      stars: r.stars,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      text: r.text,
      reply: r.publicReply,
    })),
  };
}
