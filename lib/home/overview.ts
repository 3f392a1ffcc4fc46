import "server-only";
import type { Member } from "@/lib/authz";
import { recentInstalls, recentTotals } from "@/lib/analytics/load";
import { change } from "@/lib/analytics/metrics";
import { appType, hasFeature } from "@/lib/app-types";
import type { AppSummary } from "@/lib/apps/types";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { businessDaysElapsed, REVIEW_WINDOW_BUSINESS_DAYS } from "@/lib/submission/workflow";
import { fixOf, readSyncReport } from "@/lib/sync/report";
import { plural } from "@/lib/text/words";
import type { AppFigures, Attention, WorkspaceTotals } from "./types";

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
 * What the cards count, per app, each an index seek or range on the raw connection (grouping a large
 * workspace's reviews or counting its installations costs tens of milliseconds). `ids` come from a
 * workspace-scoped read.
 */
function perApp(ids: string[], since: Date | null, { active: countActive = true } = {}) {
  const d = sqlConnection();
  const count = (sql: string) => {
    const statement = d.prepare(sql);
    return (...params: unknown[]) =>
      new Map(ids.map((id) => [id, Number((statement.get(id, ...params) as { n: number }).n)]));
  };
  const snapshot = d.prepare(
    `SELECT appId, average, reviewCount FROM RatingSnapshot WHERE appId = ? ORDER BY takenAt DESC LIMIT 1`,
  );
  const sync = d.prepare(
    `SELECT appId, status, error, report FROM SyncRunApp WHERE appId = ? ORDER BY finishedAt DESC LIMIT 1`,
  );
  return {
    // Active installations now: the app's last rollup day, kept with every event (what Analytics ends on).
    active: countActive
      ? count(
          `SELECT COALESCE((SELECT activeEnd FROM InstallDaily WHERE appId = ? ORDER BY day DESC LIMIT 1), 0) AS n`,
        )()
      : new Map<string, number>(),
    fresh: since
      ? count(`SELECT COUNT(*) AS n FROM Review WHERE appId = ? AND removedAt IS NULL AND firstSeenAt > ?`)(
          sqliteTime(since.getTime()),
        )
      : new Map<string, number>(),
    open: count(
      `SELECT COUNT(*) AS n FROM Review WHERE appId = ? AND status IN ('NEW', 'NEEDS_REPLY') AND removedAt IS NULL`,
    )(),
    feedback: count(`SELECT COUNT(*) AS n FROM ReviewFeedback WHERE appId = ? AND resolvedAt IS NULL`)(),
    // The latest read and the latest sync of each app.
    snapshot: new Map(
      ids.flatMap((id) => {
        const row = snapshot.get(id) as
          { appId: string; average: number | null; reviewCount: number | null } | undefined;
        return row ? [[id, row] as const] : [];
      }),
    ),
    sync: new Map(
      ids.flatMap((id) => {
        const row = sync.get(id) as
          { appId: string; status: string; error: string | null; report: string | null } | undefined;
        return row ? [[id, row] as const] : [];
      }),
    ),
  };
}

/** What waits for someone about an app, each with where it is dealt with. */
function attentionOf(
  app: { id: string; type: AppSummary["type"]; clientRejectedAt: Date | null },
  counts: { open: number; feedback: number },
  lastSync: { status: string; error: string | null; report: string | null } | undefined,
  review: AppFigures["review"],
): Attention[] {
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
  if (counts.open > 0)
    attention.push({
      key: "reviews",
      text: `${plural(counts.open, "review waits", "reviews wait")} for a reply`,
      href: `/reviews?app=${app.id}`,
    });
  if (counts.feedback > 0)
    attention.push({
      key: "feedback",
      text: `${plural(counts.feedback, "note", "notes")} from Pipedrive's review to resolve`,
      href: `/apps/${app.id}/submission`,
    });
  if (review && review.elapsed > review.window)
    attention.push({
      key: "clock",
      text: `Pipedrive's review is past its ${review.window} business days`,
      href: `/apps/${app.id}/submission`,
    });
  return attention;
}

const reviewClock = (status: string, startedAt: Date | null, now: Date): AppFigures["review"] =>
  status === "IN_REVIEW" && startedAt
    ? {
        elapsed: businessDaysElapsed(startedAt, now),
        window: REVIEW_WINDOW_BUSINESS_DAYS,
        startedAt: startedAt.toISOString(),
      }
    : null;

/**
 * Each app of the page at a glance: its installs of the last 30 days against the 30 before, active
 * installs, rating, reviews new since `since`, best position, review clock or readiness, and what waits
 * for someone. Every figure is read the way the page that explains it reads it, in a few grouped queries.
 */
export async function appFigures(
  member: Member,
  apps: AppSummary[],
  since: Date | null,
  now = new Date(),
): Promise<AppFigures[]> {
  const rows = await db.app.findMany({
    where: { workspaceId: member.workspace.id, id: { in: apps.map((a) => a.id) } },
    select: { id: true, reviewStartedAt: true },
  });
  const ids = rows.map((r) => r.id);
  const started = new Map(rows.map((r) => [r.id, r.reviewStartedAt]));
  const { figures } = recentInstalls(member, ids, now.getTime());
  const counts = perApp(ids, since);
  return apps
    .filter((app) => started.has(app.id))
    .map((app): AppFigures => {
      const marketplace = hasFeature(app.type, "marketplace");
      const snapshot = counts.snapshot.get(app.id);
      // A page that was never published nor read has no rating or position yet: nothing is shown for it.
      const listed = marketplace && (app.status === "PUBLISHED" || snapshot !== undefined);
      const review = reviewClock(app.status, started.get(app.id) ?? null, now);
      const f = figures.get(app.id);
      return {
        app,
        installs: f?.installs ?? change(0, 0),
        uninstalls: f?.uninstalls ?? change(0, 0),
        daily: f?.daily.map((d) => d.installs) ?? [],
        active: counts.active.get(app.id) ?? 0,
        rating: listed
          ? {
              average: snapshot?.average ?? null,
              reviewCount: snapshot?.reviewCount ?? null,
              newSinceVisit: counts.fresh.get(app.id) ?? 0,
            }
          : null,
        position: listed ? bestPosition(app.id) : null,
        review,
        readiness:
          hasFeature(app.type, "listing") && (app.status === "DRAFT" || app.status === "REJECTED")
            ? app.readiness
            : null,
        attention: attentionOf(
          app,
          {
            open: marketplace ? (counts.open.get(app.id) ?? 0) : 0,
            feedback: hasFeature(app.type, "listing") ? (counts.feedback.get(app.id) ?? 0) : 0,
          },
          marketplace ? counts.sync.get(app.id) : undefined,
          review,
        ),
      };
    });
}

/** The workspace's active apps together: what the top of the home adds up, counted as the cards count. */
export async function workspaceTotals(member: Member, since: Date | null, now = new Date()): Promise<WorkspaceTotals> {
  const apps = await db.app.findMany({
    where: { workspaceId: member.workspace.id, archivedAt: null },
    select: { id: true, type: true, clientRejectedAt: true, status: true, reviewStartedAt: true },
  });
  const ids = apps.map((a) => a.id);
  // Active installations come from the rollups here: counting every installation of a large workspace is slow.
  const counts = perApp(ids, since, { active: false });
  const sum = (m: Map<string, number>, only: (a: (typeof apps)[number]) => boolean = () => true) =>
    apps.filter(only).reduce((n, a) => n + (m.get(a.id) ?? 0), 0);
  const isPublic = (a: { type: string }) => hasFeature(appType(a.type), "marketplace");
  const rated = apps
    .filter(isPublic)
    .map((a) => counts.snapshot.get(a.id))
    .filter(
      (s): s is { appId: string; average: number; reviewCount: number } => !!s && s.average !== null && !!s.reviewCount,
    );
  const attention = apps.reduce((n, a) => {
    const type = appType(a.type);
    return (
      n +
      attentionOf(
        { id: a.id, type, clientRejectedAt: a.clientRejectedAt },
        {
          open: hasFeature(type, "marketplace") ? (counts.open.get(a.id) ?? 0) : 0,
          feedback: hasFeature(type, "listing") ? (counts.feedback.get(a.id) ?? 0) : 0,
        },
        hasFeature(type, "marketplace") ? counts.sync.get(a.id) : undefined,
        reviewClock(a.status, a.reviewStartedAt, now),
      ).length
    );
  }, 0);
  return {
    ...recentTotals(member, now.getTime()),
    rating: rated.length
      ? rated.reduce((a, r) => a + r.average * r.reviewCount, 0) / rated.reduce((a, r) => a + r.reviewCount, 0)
      : null,
    reviews: apps.filter(isPublic).reduce((n, a) => n + (counts.snapshot.get(a.id)?.reviewCount ?? 0), 0),
    newReviews: sum(counts.fresh, isPublic),
    attention,
  };
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
