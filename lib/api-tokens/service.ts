import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { hashApiToken, newApiToken } from "./token";
import { auditBy } from "@/lib/audit/log";
import type { ApiTokenView } from "./types";

const nameSchema = z.strictObject({
  name: z
    .string({ error: "Name the token" })
    .trim()
    .min(1, "Name the token, e.g. the system that uses it")
    .max(60, "The name must be at most 60 characters"),
});

export async function createApiToken(member: Member, input: unknown) {
  authorize(member, "api-token.create");
  const { name } = nameSchema.parse(input);
  const token = newApiToken();
  const row = await db.apiToken.create({
    data: {
      workspaceId: member.workspace.id,
      name,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, 10),
      createdById: member.user.id,
    },
  });
  await auditBy(member, "token.create", { type: "API token", id: row.id, name }, { prefix: row.prefix });
  return { token, id: row.id };
}

export async function listApiTokens(member: Member): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { workspaceId: member.workspace.id },
    orderBy: { createdAt: "desc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.createdById).filter((v): v is string => !!v) } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revoked: r.revokedAt !== null,
  }));
}

export async function revokeApiToken(member: Member, tokenId: unknown) {
  authorize(member, "api-token.revoke");
  if (typeof tokenId !== "string") throw notFound("Token");
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, workspaceId: member.workspace.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token");
  await auditBy(member, "token.revoke", { type: "API token", id: tokenId });
}

/** The token of a Bearer header and its workspace; 401 for a missing, unknown or revoked token. */
export async function tokenOf(authorization: string | null): Promise<{ id: string; workspaceId: string }> {
  const token = /^Bearer\s+(lst_[A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? "")?.[1];
  if (!token) throw new AppError("UNAUTHENTICATED", "Send a workspace API token as `Authorization: Bearer lst_…`");
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token is not valid (unknown or revoked)");
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, workspaceId: row.workspaceId };
}
