import "server-only";
import type { Member } from "@/lib/authz";
import { recentInstalls } from "@/lib/analytics/load";
import { change } from "@/lib/analytics/metrics";
import { hasFeature } from "@/lib/app-types";
import type { AppSummary } from "@/lib/apps/types";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { businessDaysElapsed, REVIEW_WINDOW_BUSINESS_DAYS } from "@/lib/submission/workflow";
import { fixOf, readSyncReport } from "@/lib/sync/report";
import { plural } from "@/lib/text/words";
import type { AppFigures, Attention, WorkspaceTotals } from "./types";

const OPEN_REVIEWS = ["NEW", "NEEDS_REPLY"];

/** The best position an app holds on its latest day read, and its move since the list's read before. */
function bestPosition(appId: string): AppFigures["position"] {
  const d = sqlConnection();
  const latest = d
    .prepare(
      `SELECT listKind, listKey, listName, day, rank, listSize FROM RankSnapshot
       WHERE appId = ? AND rank IS NOT NULL AND day = (SELECT MAX(day) FROM RankSnapshot WHERE appId = ?)
       ORDER BY rank, listKind DESC, listName LIMIT 1`,
    )
    .get(appId, appId) as
    { listKind: string; listKey: string; listName: string; day: string; rank: number; listSize: number } | undefined;
  if (!latest) return null;
  const before = d
    .prepare(
      `SELECT rank FROM RankSnapshot WHERE appId = ? AND listKind = ? AND listKey = ? AND day < ? ORDER BY day DESC LIMIT 1`,
    )
    .get(appId, latest.listKind, latest.listKey, latest.day) as { rank: number | null } | undefined;
  return {
    list: latest.listName,
    rank: latest.rank,
    listSize: latest.listSize,
    day: latest.day,
    // Up is good: a climb from #9 to #5 is +4; entering the list (not listed before) has no number.
    move: before?.rank == null ? null : before.rank - latest.rank,
  };
}

/**
 * Each app of the page at a glance: its installs of the last 30 days against the 30 before, active
 * installs, rating, reviews new since `since`, best position, review clock or readiness, and what waits
 * for someone. Every figure is read the way the page that explains it reads it.
 */
export async function appFigures(
  member: Member,
  apps: AppSummary[],
  since: Date | null,
  now = new Date(),
): Promise<AppFigures[]> {
  const { figures } = recentInstalls(
    member,
    apps.map((a) => a.id),
    now.getTime(),
  );
  const workspaceId = member.workspace.id;
  return Promise.all(
    apps.map(async (app): Promise<AppFigures> => {
      const own = { appId: app.id, app: { workspaceId } };
      const marketplace = hasFeature(app.type, "marketplace");
      const [active, row, snapshot, newSinceVisit, open, feedback, lastSync] = await Promise.all([
        db.installation.count({ where: { ...own, uninstalledAt: null } }),
        db.app.findFirst({ where: { id: app.id, workspaceId }, select: { reviewStartedAt: true } }),
        marketplace
          ? db.ratingSnapshot.findFirst({
              where: own,
              orderBy: { takenAt: "desc" },
              select: { average: true, reviewCount: true },
            })
          : null,
        marketplace && since ? db.review.count({ where: { ...own, removedAt: null, firstSeenAt: { gt: since } } }) : 0,
        marketplace ? db.review.count({ where: { ...own, removedAt: null, status: { in: OPEN_REVIEWS } } }) : 0,
        hasFeature(app.type, "listing") ? db.reviewFeedback.count({ where: { ...own, resolvedAt: null } }) : 0,
        marketplace
          ? db.syncRunApp.findFirst({
              where: own,
              orderBy: { finishedAt: "desc" },
              select: { status: true, error: true, report: true },
            })
          : null,
      ]);
      const f = figures.get(app.id);
      // A page that was never published nor read has no rating or position yet: nothing is shown for it.
      const listed = marketplace && (app.status === "PUBLISHED" || snapshot !== null);
      const attention: Attention[] = [];
      if (app.clientRejectedAt && hasFeature(app.type, "oauth"))
        attention.push({
          key: "client",
          text: "Installs are failing: Pipedrive refused the client secret",
          href: `/apps/${app.id}/settings`,
        });
      if (lastSync?.status === "FAILED") {
        const fix = fixOf(readSyncReport(lastSync.report)?.problem ?? null, app.id);
        attention.push({
          key: "sync",
          text: `The last sync failed${lastSync.error ? `: ${lastSync.error}` : ""}`,
          href: fix?.href ?? "/reviews/sync",
        });
      }
      if (open > 0)
        attention.push({
          key: "reviews",
          text: `${plural(open, "review waits", "reviews wait")} for a reply`,
          href: `/reviews?app=${app.id}`,
        });
      if (feedback > 0)
        attention.push({
          key: "feedback",
          text: `${plural(feedback, "note", "notes")} from Pipedrive's review to resolve`,
          href: `/apps/${app.id}/submission`,
        });
      const inReview = app.status === "IN_REVIEW" && row?.reviewStartedAt;
      const review = inReview
        ? {
            elapsed: businessDaysElapsed(row.reviewStartedAt!, now),
            window: REVIEW_WINDOW_BUSINESS_DAYS,
            startedAt: row.reviewStartedAt!.toISOString(),
          }
        : null;
      if (review && review.elapsed > review.window)
        attention.push({
          key: "clock",
          text: `Pipedrive's review is past its ${review.window} business days`,
          href: `/apps/${app.id}/submission`,
        });
      return {
        app,
        installs: f?.installs ?? change(0, 0),
        uninstalls: f?.uninstalls ?? change(0, 0),
        daily: f?.daily.map((d) => d.installs) ?? [],
        active,
        rating: listed
          ? { average: snapshot?.average ?? null, reviewCount: snapshot?.reviewCount ?? null, newSinceVisit }
          : null,
        position: listed ? bestPosition(app.id) : null,
        review,
        readiness:
          hasFeature(app.type, "listing") && (app.status === "DRAFT" || app.status === "REJECTED")
            ? app.readiness
            : null,
        attention,
      };
    }),
  );
}

/** The workspace's active apps together: what the top of the home adds up. */
export async function workspaceTotals(member: Member, since: Date | null, now = new Date()): Promise<WorkspaceTotals> {
  const workspaceId = member.workspace.id;
  const apps = await db.app.findMany({
    where: { workspaceId, archivedAt: null },
    select: { id: true, type: true, clientRejectedAt: true, status: true, reviewStartedAt: true },
  });
  const { figures } = recentInstalls(
    member,
    apps.map((a) => a.id),
    now.getTime(),
  );
  const sum = (pick: (f: NonNullable<ReturnType<typeof figures.get>>) => number | null) =>
    [...figures.values()].reduce((a, f) => a + (pick(f) ?? 0), 0);
  const live = { app: { workspaceId, archivedAt: null } };
  const publicIds = apps.filter((a) => hasFeature(a.type as AppSummary["type"], "marketplace")).map((a) => a.id);
  const d = sqlConnection();
  const latest = publicIds.length
    ? (d
        .prepare(
          `SELECT s.average, s.reviewCount FROM RatingSnapshot s
           WHERE s.appId IN (${publicIds.map(() => "?").join(",")})
             AND s.takenAt = (SELECT MAX(t.takenAt) FROM RatingSnapshot t WHERE t.appId = s.appId)`,
        )
        .all(...publicIds) as { average: number | null; reviewCount: number | null }[])
    : [];
  const rated = latest.filter((r) => r.average !== null && r.reviewCount);
  const reviews = latest.reduce((a, r) => a + (r.reviewCount ?? 0), 0);
  const [active, newReviews, open, feedback, failed] = await Promise.all([
    db.installation.count({ where: { ...live, uninstalledAt: null } }),
    since
      ? db.review.count({ where: { ...live, appId: { in: publicIds }, removedAt: null, firstSeenAt: { gt: since } } })
      : 0,
    db.review.groupBy({
      by: ["appId"],
      where: { ...live, appId: { in: publicIds }, removedAt: null, status: { in: OPEN_REVIEWS } },
    }),
    db.reviewFeedback.groupBy({ by: ["appId"], where: { ...live, resolvedAt: null } }),
    lastSyncFailures(publicIds),
  ]);
  const rejected = apps.filter((a) => a.clientRejectedAt && a.type !== "API_TOKEN").length;
  const overdue = apps.filter(
    (a) =>
      a.status === "IN_REVIEW" &&
      a.reviewStartedAt &&
      businessDaysElapsed(a.reviewStartedAt, now) > REVIEW_WINDOW_BUSINESS_DAYS,
  ).length;
  return {
    installs: change(
      sum((f) => f.installs.current),
      sum((f) => f.installs.previous),
    ),
    uninstalls: change(
      sum((f) => f.uninstalls.current),
      sum((f) => f.uninstalls.previous),
    ),
    active,
    rating: rated.length
      ? rated.reduce((a, r) => a + r.average! * r.reviewCount!, 0) / rated.reduce((a, r) => a + r.reviewCount!, 0)
      : null,
    reviews,
    newReviews,
    // What waits for someone, counted the way the apps' cards list it: one line per kind and app.
    attention: open.length + feedback.length + failed + rejected + overdue,
  };
}

function lastSyncFailures(appIds: string[]): number {
  if (appIds.length === 0) return 0;
  const row = sqlConnection()
    .prepare(
      `SELECT COUNT(*) AS n FROM SyncRunApp s WHERE s.appId IN (${appIds.map(() => "?").join(",")})
       AND s.status = 'FAILED' AND s.finishedAt = (SELECT MAX(t.finishedAt) FROM SyncRunApp t WHERE t.appId = s.appId)`,
    )
    .get(...appIds) as { n: number };
  return Number(row.n);
}

/** Where "new since your last visit" counts from; a visit within half an hour of the last one continues it. */
const SESSION_GAP_MS = 30 * 60_000;

export async function recordHomeVisit(member: Member, now = new Date()): Promise<Date | null> {
  const where = { workspaceId_userId: { workspaceId: member.workspace.id, userId: member.user.id } };
  const m = await db.membership.findUnique({ where, select: { visitedAt: true, visitSince: true } });
  if (!m) return null;
  const since = !m.visitedAt || now.getTime() - m.visitedAt.getTime() > SESSION_GAP_MS ? m.visitedAt : m.visitSince;
  await db.membership.update({ where, data: { visitedAt: now, visitSince: since } });
  return since;
}
