import "server-only";
import Papa from "papaparse";
import { z } from "zod";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/iso-day";

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
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}) } } : {}),
  };
}

export async function listAudit(member: Member, q: AuditQuery, take = AUDIT_PAGE) {
  const filter = where(member.workspace.id, q);
  const [total, rows, actions, actors] = await Promise.all([
    db.auditEvent.count({ where: filter }),
    db.auditEvent.findMany({ where: filter, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * take, take }),
    db.auditEvent.findMany({ where: { workspaceId: member.workspace.id }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEvent.findMany({ where: { workspaceId: member.workspace.id, actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true, actorName: true } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / take)),
    actions: actions.map((a) => a.action),
    actors: actors.map((a) => ({ id: a.actorId!, name: a.actorName })),
    rows: rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), actor: r.actorName, action: r.action, target: [r.targetType, r.targetName ?? r.targetId].filter(Boolean).join(": "), diff: r.diff })),
  };
}

/** The whole filtered log as CSV (up to 50,000 rows), newest first. */
export async function auditCsv(member: Member, q: AuditQuery) {
  const rows = await db.auditEvent.findMany({ where: where(member.workspace.id, q), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50_000 });
  return Papa.unparse([["time", "actor", "action", "target type", "target id", "target", "changes"], ...rows.map((r) => [r.createdAt.toISOString(), r.actorName, r.action, r.targetType, r.targetId ?? "", r.targetName ?? "", r.diff ?? ""])]);
}

/** "role: Editor → Owner; expiresAt: …" from the stored diff. */
export function describeDiff(diff: string | null): string {
  if (!diff) return "";
  try {
    const data = JSON.parse(diff) as Record<string, unknown>;
    return Object.entries(data)
      .map(([k, v]) => (Array.isArray(v) && v.length === 2 ? `${k}: ${v[0] ?? "—"} → ${v[1] ?? "—"}` : `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`))
      .join("; ");
  } catch {
    return diff;
  }
}
