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
function perApp(ids: string[], since: Date | null) {
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
    active: count(
      `SELECT COALESCE((SELECT activeEnd FROM InstallDaily WHERE appId = ? ORDER BY day DESC LIMIT 1), 0) AS n`,
    )(),
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
 * The home: each app of the page at a glance — its installs of the last 30 days against the 30 before,
 * active installs, rating, reviews new since `since`, best position, review clock or readiness, and what
 * waits for someone — and the workspace's active apps added up the same way. Every figure is read the way
 * the page that explains it reads it, once per app, for the cards and the totals alike.
 */
export async function homeView(
  member: Member,
  pageApps: AppSummary[],
  since: Date | null,
  now = new Date(),
): Promise<{ figures: AppFigures[]; totals: WorkspaceTotals }> {
  // The workspace's active apps, and the page's (archived ones when that tab is open).
  const rows = await db.app.findMany({
    where: {
      workspaceId: member.workspace.id,
      OR: [{ archivedAt: null }, { id: { in: pageApps.map((a) => a.id) } }],
    },
    select: { id: true, type: true, status: true, clientRejectedAt: true, reviewStartedAt: true, archivedAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const counts = perApp(
    rows.map((r) => r.id),
    since,
  );
  const types = (r: (typeof rows)[number]) => {
    const type = appType(r.type);
    return { type, marketplace: hasFeature(type, "marketplace"), listing: hasFeature(type, "listing") };
  };
  const needs = (r: (typeof rows)[number]) => {
    const { type, marketplace, listing } = types(r);
    const review = reviewClock(r.status, r.reviewStartedAt, now);
    return {
      review,
      attention: attentionOf(
        { id: r.id, type, clientRejectedAt: r.clientRejectedAt },
        {
          open: marketplace ? (counts.open.get(r.id) ?? 0) : 0,
          feedback: listing ? (counts.feedback.get(r.id) ?? 0) : 0,
        },
        marketplace ? counts.sync.get(r.id) : undefined,
        review,
      ),
    };
  };

  const shown = pageApps.filter((app) => byId.has(app.id));
  const { figures: installs } = recentInstalls(
    member,
    shown.map((a) => a.id),
    now.getTime(),
  );
  const figures = shown.map((app): AppFigures => {
    const { marketplace } = types(byId.get(app.id)!);
    const snapshot = counts.snapshot.get(app.id);
    // A page that was never published nor read has no rating or position yet: nothing is shown for it.
    const listed = marketplace && (app.status === "PUBLISHED" || snapshot !== undefined);
    const f = installs.get(app.id);
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
      readiness:
        hasFeature(app.type, "listing") && (app.status === "DRAFT" || app.status === "REJECTED") ? app.readiness : null,
      ...needs(byId.get(app.id)!),
    };
  });

  const active = rows.filter((r) => r.archivedAt === null);
  const publicApps = active.filter((r) => types(r).marketplace);
  const rated = publicApps
    .map((r) => counts.snapshot.get(r.id))
    .filter(
      (s): s is { appId: string; average: number; reviewCount: number } => !!s && s.average !== null && !!s.reviewCount,
    );
  const total = (list: typeof rows, pick: (id: string) => number) => list.reduce((n, r) => n + pick(r.id), 0);
  return {
    figures,
    totals: {
      ...recentTotals(member, now.getTime()),
      active: total(active, (id) => counts.active.get(id) ?? 0),
      rating: rated.length
        ? rated.reduce((a, r) => a + r.average * r.reviewCount, 0) / rated.reduce((a, r) => a + r.reviewCount, 0)
        : null,
      reviews: total(publicApps, (id) => counts.snapshot.get(id)?.reviewCount ?? 0),
      newReviews: total(publicApps, (id) => counts.fresh.get(id) ?? 0),
      // What waits for someone, counted the way the apps' cards list it: one line per kind and app.
      attention: active.reduce((n, r) => n + needs(r).attention.length, 0),
    },
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
