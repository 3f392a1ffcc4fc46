import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/** Sync runs per page of the history; app results shown per run before "all N". */
export const RUNS_PAGE = 10;
export const APPS_PER_RUN = 5;

export const historyQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /** One run with every app's result. */
  run: z.string().max(64).catch(""),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/**
 * A page of the workspace's sync runs, newest first, each with at most APPS_PER_RUN app results
 * (failures first) and how many it has — or, with `run`, that run alone with all of them. A
 * daily sync of 50 apps makes 18,000 results a year: a page loads at most 50.
 */
export async function listSyncRuns(workspaceId: string, q: HistoryQuery) {
  const where = q.run ? { workspaceId, id: q.run } : { workspaceId };
  const [total, runs] = await Promise.all([
    db.syncRun.count({ where }),
    db.syncRun.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: q.run ? 0 : (q.page - 1) * RUNS_PAGE,
      take: q.run ? 1 : RUNS_PAGE,
      include: {
        _count: { select: { apps: true } },
        // FAILED sorts before SUCCEEDED.
        apps: {
          include: { app: { select: { id: true, name: true } } },
          orderBy: [{ status: "asc" }, { finishedAt: "asc" }],
          ...(q.run ? {} : { take: APPS_PER_RUN }),
        },
        // What the Marketplace served for the reads that failed or were partial (bodies stay in the store).
        captures: {
          select: { id: true, appId: true, competitorId: true, kind: true, status: true, reason: true },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
  ]);
  // Who started the runs shown (members of the workspace; anyone else reads as a former member).
  const starters = [...new Set(runs.map((r) => r.startedById).filter((id): id is string => id !== null))];
  const users = starters.length
    ? await db.user.findMany({
        where: { id: { in: starters }, memberships: { some: { workspaceId } } },
        select: { id: true, name: true },
      })
    : [];
  // The competitors whose pages were kept, by name.
  const followed = [...new Set(runs.flatMap((r) => r.captures.map((c) => c.competitorId)).filter((id) => id !== null))];
  const competitors = followed.length
    ? await db.competitor.findMany({ where: { id: { in: followed }, workspaceId }, select: { id: true, name: true } })
    : [];
  return {
    total,
    pages: Math.max(1, Math.ceil(total / RUNS_PAGE)),
    runs,
    names: new Map(users.map((u) => [u.id, u.name])),
    competitorNames: new Map(competitors.map((c) => [c.id, c.name])),
  };
}
