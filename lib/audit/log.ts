import "server-only";
import { db } from "@/lib/db";
import type { AuditAction } from "./actions";

/**
 * The audit log: one append-only row per change, with who, when, what and a compact diff.
 * Nothing updates or deletes these rows (only deleting the workspace does).
 */
export type AuditActor = { id: string | null; name: string };
export type AuditEntry = {
  workspaceId: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
  /** What changed: `{ field: [before, after] }`, or facts of the change. */
  diff?: Record<string, unknown> | null;
};

export async function audit(entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetName: entry.targetName ?? null,
      diff: entry.diff ? JSON.stringify(entry.diff) : null,
    },
  });
}

export const actorOf = (member: { user: { id: string; name: string } }): AuditActor => ({
  id: member.user.id,
  name: member.user.name,
});

/** The usual entry: a member changed something of their workspace. */
export function auditBy(
  member: { user: { id: string; name: string }; workspace: { id: string } },
  action: AuditAction,
  target: { type: string; id?: string | null; name?: string | null },
  diff?: Record<string, unknown> | null,
) {
  return audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action,
    targetType: target.type,
    targetId: target.id,
    targetName: target.name,
    diff,
  });
}
