import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/text/validation";
import { toCsv } from "@/lib/text/csv";
import { actionLabel, describeAudit, referencedIds, type AuditRow } from "./describe";

export const auditQuerySchema = z.object({
  action: z.string().max(60).catch(""),
  actor: z.string().max(64).catch(""),
  from: isoDay.or(z.literal("")).catch(""),
  to: isoDay.or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const AUDIT_PAGE = 50;

function where(workspaceId: string, q: AuditQuery): Prisma.AuditEventWhereInput {
  return {
    workspaceId,
    ...(q.action ? { action: q.action.endsWith(".") ? { startsWith: q.action } : q.action } : {}),
    ...(q.actor ? { actorId: q.actor } : {}),
    ...(q.from || q.to
      ? {
          createdAt: {
            ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
            ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/**
 * The names of what the entries refer to, as the store knows them now (an app renamed since reads
 * with its new name), looked up once per kind and only within the workspace.
 */
async function namesOf(workspaceId: string, rows: AuditRow[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const row of rows)
    for (const { type, id } of referencedIds(row)) (byType.get(type) ?? byType.set(type, new Set()).get(type)!).add(id);
  const ids = (type: string) => [...(byType.get(type) ?? [])];
  const inWorkspace = { app: { workspaceId } };
  const found = await Promise.all([
    db.app.findMany({ where: { workspaceId, id: { in: ids("app") } }, select: { id: true, name: true } }),
    db.review
      .findMany({ where: { ...inWorkspace, id: { in: ids("review") } }, select: { id: true, author: true } })
      .then((r) => r.map((x) => ({ id: x.id, name: x.author }))),
    db.apiToken.findMany({ where: { workspaceId, id: { in: ids("API token") } }, select: { id: true, name: true } }),
    db.shareLink
      .findMany({ where: { ...inWorkspace, id: { in: ids("share link") } }, select: { id: true, label: true } })
      .then((r) => r.map((x) => ({ id: x.id, name: x.label }))),
    db.replyTemplate.findMany({
      where: { workspaceId, id: { in: ids("reply template") } },
      select: { id: true, name: true },
    }),
    db.alertWebhook.findMany({ where: { workspaceId, id: { in: ids("webhook") } }, select: { id: true, name: true } }),
    db.invitation
      .findMany({ where: { workspaceId, id: { in: ids("invitation") } }, select: { id: true, label: true } })
      .then((r) => r.map((x) => ({ id: x.id, name: x.label }))),
    // People named by this workspace's own entries (members, former members, those who asked to join).
    db.user.findMany({ where: { id: { in: ids("member") } }, select: { id: true, name: true } }),
    db.workspace.findMany({ where: { id: workspaceId }, select: { id: true, name: true } }),
  ]);
  return new Map(
    found
      .flat()
      .filter((x) => x.name)
      .map((x) => [x.id, x.name as string]),
  );
}

/**
 * The filters' choices: each action and each actor the log holds. A handful of values among
 * 100,000s of rows, so they are read by skipping from one value to the next along an index (one
 * seek each), not by reading every row.
 */
const distinctActions = (workspaceId: string) =>
  db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE a(action) AS (
      SELECT (SELECT MIN(action) FROM AuditEvent WHERE workspaceId = ${workspaceId})
      UNION ALL
      SELECT (SELECT MIN(action) FROM AuditEvent WHERE workspaceId = ${workspaceId} AND action > a.action) FROM a WHERE a.action IS NOT NULL
    )
    SELECT action FROM a WHERE action IS NOT NULL`;

/** Each actor of the log with the name of their latest entry. */
const distinctActors = (workspaceId: string) =>
  db.$queryRaw<{ actorId: string; actorName: string }[]>`
    WITH RECURSIVE a(actorId) AS (
      SELECT (SELECT MIN(actorId) FROM AuditEvent WHERE workspaceId = ${workspaceId})
      UNION ALL
      SELECT (SELECT MIN(actorId) FROM AuditEvent WHERE workspaceId = ${workspaceId} AND actorId > a.actorId) FROM a WHERE a.actorId IS NOT NULL
    )
    SELECT a.actorId, (SELECT e.actorName FROM AuditEvent e WHERE e.workspaceId = ${workspaceId} AND e.actorId = a.actorId ORDER BY e.createdAt DESC LIMIT 1) AS actorName
    FROM a WHERE a.actorId IS NOT NULL`;

/**
 * Entries counted exactly up to here; past it the log says "10,000+" (a large workspace's log is
 * not counted in full on every visit: the page costs the same at any size).
 */
export const AUDIT_COUNT_CAP = 10_000;

export async function listAudit(member: Member, q: AuditQuery, take = AUDIT_PAGE, countCap = AUDIT_COUNT_CAP) {
  const filter = where(member.workspace.id, q);
  const [counted, found, actions, actors] = await Promise.all([
    db.auditEvent.count({ where: filter, take: countCap + 1 }),
    // One more than shown: whether a next page exists, past the count too.
    db.auditEvent.findMany({
      where: filter,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * take,
      take: take + 1,
    }),
    distinctActions(member.workspace.id),
    distinctActors(member.workspace.id),
  ]);
  const rows = found.slice(0, take);
  const names = await namesOf(member.workspace.id, rows);
  const more = counted > countCap;
  const total = Math.min(counted, countCap);
  return {
    total,
    /** More entries than counted: `total` is the cap. */
    more,
    pages: Math.max(1, Math.ceil(total / take)),
    next: found.length > take,
    actions: actions
      .map((a) => ({ code: a.action, label: actionLabel(a.action) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    actors: actors.map((a) => ({ id: a.actorId, name: a.actorName })).sort((a, b) => a.name.localeCompare(b.name)),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actorName,
      code: r.action,
      ...describeAudit(r, names),
    })),
  };
}

/** The whole filtered log as CSV (up to 50,000 rows), newest first: in words, with the codes beside them. */
export async function auditCsv(member: Member, q: AuditQuery) {
  const rows = await db.auditEvent.findMany({
    where: where(member.workspace.id, q),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50_000,
  });
  const names = await namesOf(member.workspace.id, rows);
  return toCsv([
    ["time", "actor", "action", "target", "changes", "action code", "target type", "target id"],
    ...rows.map((r) => {
      const d = describeAudit(r, names);
      return [
        r.createdAt.toISOString(),
        r.actorName,
        d.action,
        d.target,
        d.details.join("; "),
        r.action,
        r.targetType,
        r.targetId ?? "",
      ];
    }),
  ]);
}
