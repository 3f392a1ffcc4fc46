import "server-only";
import { z } from "zod";
import { db, isUniqueViolation } from "@/lib/db";
import type { PipedriveIdentity } from "@/lib/pipedrive/users-me";
import { parseRole, type Role } from "@/lib/team/roles";

export type WorkspaceSummary = { id: string; name: string; domain: string | null; pipedriveCompanyId: number };
export type CurrentMembership = { workspace: WorkspaceSummary; role: Role };

/** The signed-in person as the session says. */
export type SessionUser = { id: string; name: string; email: string | null; image: string | null };

/** Who acts, in which workspace, with which role: what every use case is given. */
export type Member = { user: SessionUser } & CurrentMembership;

/**
 * Runs after every Pipedrive sign-in: refreshes the user's profile and, when the user's
 * company has no workspace yet, creates it with this user as its OWNER. Later users of the
 * same company are not added: they need an owner's invitation.
 */
export async function recordSignIn(userId: string, identity: PipedriveIdentity): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: {
      name: identity.name,
      email: identity.email,
      image: identity.image,
      locale: identity.locale,
      isPipedriveAdmin: identity.isAdmin,
    },
  });
  const existing = await db.workspace.findUnique({ where: { pipedriveCompanyId: identity.companyId } });
  if (existing) {
    await db.workspace.update({
      where: { id: existing.id },
      data: { name: identity.company.name, domain: identity.company.domain },
    });
    return;
  }
  try {
    await db.workspace.create({
      data: {
        pipedriveCompanyId: identity.companyId,
        name: identity.company.name,
        domain: identity.company.domain,
        memberships: { create: { userId, role: "OWNER" satisfies Role } },
      },
    });
  } catch (error) {
    // Another user of the same company created it a moment earlier: they are its owner.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * The user's current workspace and role in it: the one chosen last (the workspace cookie) when
 * the user still belongs to it, otherwise the first one joined; null when the user belongs to none.
 */
export async function findCurrentMembership(
  userId: string,
  preferredWorkspaceId?: string | null,
): Promise<CurrentMembership | null> {
  const include = { workspace: { select: { id: true, name: true, domain: true, pipedriveCompanyId: true } } } as const;
  const chosen = preferredWorkspaceId
    ? await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: preferredWorkspaceId, userId } },
        include,
      })
    : null;
  const membership =
    chosen ?? (await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, include }));
  return membership ? { workspace: membership.workspace, role: parseRole(membership.role) } : null;
}

/** Every workspace the user belongs to, for the switcher. */
export async function listMemberships(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.workspace.id, name: r.workspace.name, role: parseRole(r.role) }));
}

/** The workspace of the company the user signed in from (its name only), for the access page. */
export async function findCompanyWorkspace(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { pipedriveCompanyId: true } });
  if (!user) return null;
  return db.workspace.findUnique({
    where: { pipedriveCompanyId: user.pipedriveCompanyId },
    select: { name: true },
  });
}

export const MEMBERS_PAGE = 25;

export const membersQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  role: z.enum(["OWNER", "EDITOR", "VIEWER"]).or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type MembersQuery = z.infer<typeof membersQuerySchema>;

/** A page of the workspace's members (oldest first), found by name or email and role, with the count per role. */
export async function listMembersPage(workspaceId: string, q: MembersQuery) {
  const where = {
    workspaceId,
    ...(q.role ? { role: q.role } : {}),
    ...(q.q ? { user: { OR: [{ name: { contains: q.q } }, { email: { contains: q.q } }] } } : {}),
  };
  const [total, rows, roles] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * MEMBERS_PAGE,
      take: MEMBERS_PAGE,
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
    }),
    db.membership.groupBy({ by: ["role"], where: { workspaceId }, _count: { _all: true } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE)),
    byRole: Object.fromEntries(roles.map((r) => [r.role, r._count._all])) as Partial<Record<Role, number>>,
    rows: rows.map((r) => ({ ...r.user, role: parseRole(r.role), joinedAt: r.createdAt })),
  };
}

export async function listMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
  });
  return rows.map((r) => ({ ...r.user, role: parseRole(r.role), joinedAt: r.createdAt }));
}
