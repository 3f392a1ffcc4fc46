import "server-only";
import { notifySafely } from "@/lib/notifications/notify";
import { z } from "zod";
import { actorOf, audit } from "@/lib/audit/log";
import type { Member, SessionUser } from "./workspace";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { hashToken, isToken, newToken } from "@/lib/crypto/token";
import { ROLES, ROLE_LABELS, type Role } from "./roles";
import { authorize, can } from "./permissions";

/**
 * Invite links (single-use, 7 days, kept as a hash, revocable) and access requests from people
 * of the workspace's Pipedrive company, decided by owners.
 */
const INVITE_DAYS = 7;
const inviteSchema = z.strictObject({
  role: z.enum(ROLES, { error: "Choose Owner, Editor or Viewer" }),
  label: z
    .string()
    .trim()
    .max(60, "The note must be at most 60 characters")
    .optional()
    .transform((v) => v || null),
});

export const invitePath = (token: string) => `/invite/${token}`;

export async function createInvitation(member: Member, input: unknown, now = new Date()) {
  authorize(member, "team.invite");
  const { role, label } = inviteSchema.parse(input);
  const token = newToken();
  const row = await db.invitation.create({
    data: {
      workspaceId: member.workspace.id,
      role,
      label,
      tokenHash: hashToken(token),
      createdById: member.user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
    },
  });
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "invitation.create",
    targetType: "invitation",
    targetId: row.id,
    targetName: label,
    diff: { role: ROLE_LABELS[role], expiresAt: row.expiresAt.toISOString() },
  });
  return { id: row.id, path: invitePath(token) };
}

export async function listInvitations(member: Member, now = new Date()) {
  const rows = await db.invitation.findMany({
    where: { workspaceId: member.workspace.id },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    state: r.usedAt ? "used" : r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "open",
  }));
}

export async function revokeInvitation(member: Member, invitationId: unknown) {
  authorize(member, "team.revoke-invitation");
  if (typeof invitationId !== "string") throw notFound("Invitation");
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, workspaceId: member.workspace.id, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Invitation");
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "invitation.revoke",
    targetType: "invitation",
    targetId: invitationId,
  });
}

/** What an invite link leads to, for the page that shows it (before accepting). */
export async function inspectInvitation(token: string, now = new Date()) {
  if (!isToken(token)) return { state: "invalid" as const };
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { id: true, name: true } } },
  });
  if (!row) return { state: "invalid" as const };
  if (row.usedAt) return { state: "used" as const, workspace: row.workspace.name };
  if (row.revokedAt || row.expiresAt <= now) return { state: "expired" as const, workspace: row.workspace.name };
  return {
    state: "open" as const,
    workspace: row.workspace.name,
    workspaceId: row.workspace.id,
    role: row.role as Role,
  };
}

/** Joins the workspace with the invitation's role; the link is spent. A member already in keeps their role. */
export async function acceptInvitation(user: SessionUser, token: string, now = new Date()) {
  if (!isToken(token)) throw notFound("Invitation");
  const hash = hashToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: hash } });
    if (!row) throw notFound("Invitation");
    if (row.usedAt || row.revokedAt || row.expiresAt <= now)
      throw new AppError("CONFLICT", "This invitation was used, revoked or has expired: ask for a new one");
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: user.id } },
    });
    if (existing) return { workspaceId: row.workspaceId, joined: false };
    // Spent atomically: a second use of the same link finds usedAt set.
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now, usedById: user.id },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "This invitation was used, revoked or has expired: ask for a new one");
    await tx.membership.create({ data: { workspaceId: row.workspaceId, userId: user.id, role: row.role } });
    await tx.accessRequest.updateMany({
      where: { workspaceId: row.workspaceId, userId: user.id, status: "PENDING" },
      data: { status: "APPROVED", decidedAt: now },
    });
    await tx.auditEvent.create({
      data: {
        workspaceId: row.workspaceId,
        actorId: user.id,
        actorName: user.name,
        action: "member.join",
        targetType: "member",
        targetId: user.id,
        targetName: user.name,
        diff: JSON.stringify({ role: ROLE_LABELS[row.role as Role], via: "invitation" }),
      },
    });
    return { workspaceId: row.workspaceId, joined: true };
  });
}

/** A user of the workspace's company asks to join (again after a denial). */
export async function requestAccess(user: SessionUser) {
  const me = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { pipedriveCompanyId: true } });
  const workspace = await db.workspace.findUnique({
    where: { pipedriveCompanyId: me.pipedriveCompanyId },
    select: { id: true },
  });
  if (!workspace) throw notFound("Your company's workspace");
  if (await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } }))
    throw new AppError("CONFLICT", "You are already a member");
  await db.accessRequest.upsert({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
    create: { workspaceId: workspace.id, userId: user.id },
    update: { status: "PENDING", createdAt: new Date(), decidedAt: null, decidedById: null },
  });
  await audit({
    workspaceId: workspace.id,
    actor: { id: user.id, name: user.name },
    action: "access.request",
    targetType: "member",
    targetId: user.id,
    targetName: user.name,
  });
  await notifySafely(
    workspace.id,
    { kind: "ACCESS_REQUEST", title: `${user.name} asks to join the workspace`, link: "/team" },
    { minRole: "OWNER" },
  );
}

export async function accessRequestOf(userId: string) {
  return db.accessRequest.findFirst({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { status: true, createdAt: true },
  });
}

/** How many people wait for an owner's decision (0 for anyone but an owner, who cannot decide). */
export async function countAccessRequests(member: Member) {
  if (!can(member, "team.decide-access")) return 0;
  return db.accessRequest.count({ where: { workspaceId: member.workspace.id, status: "PENDING" } });
}

export async function listAccessRequests(member: Member) {
  const rows = await db.accessRequest.findMany({
    where: { workspaceId: member.workspace.id, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.user.name, email: r.user.email, createdAt: r.createdAt.toISOString() }));
}

const decisionSchema = z.strictObject({ approve: z.boolean(), role: z.enum(ROLES).default("VIEWER") });

export async function decideAccessRequest(member: Member, requestId: unknown, input: unknown) {
  authorize(member, "team.decide-access");
  const { approve, role } = decisionSchema.parse(input);
  if (typeof requestId !== "string") throw notFound("Request");
  const row = await db.accessRequest.findFirst({
    where: { id: requestId, workspaceId: member.workspace.id, status: "PENDING" },
    include: { user: { select: { name: true } } },
  });
  if (!row) throw notFound("Request");
  await db.$transaction([
    db.accessRequest.update({
      where: { id: row.id },
      data: { status: approve ? "APPROVED" : "DENIED", decidedAt: new Date(), decidedById: member.user.id },
    }),
    ...(approve
      ? [
          db.membership.upsert({
            where: { workspaceId_userId: { workspaceId: member.workspace.id, userId: row.userId } },
            create: { workspaceId: member.workspace.id, userId: row.userId, role },
            update: {},
          }),
        ]
      : []),
  ]);
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: approve ? "access.approve" : "access.deny",
    targetType: "member",
    targetId: row.userId,
    targetName: row.user.name,
    diff: approve ? { role: ROLE_LABELS[role] } : null,
  });
  // Nothing left to decide: the owners' "asks to join" notices are done with.
  const waiting = await db.accessRequest.count({ where: { workspaceId: member.workspace.id, status: "PENDING" } });
  if (waiting === 0)
    await db.notification.updateMany({
      where: { workspaceId: member.workspace.id, kind: "ACCESS_REQUEST", readAt: null },
      data: { readAt: new Date() },
    });
}
