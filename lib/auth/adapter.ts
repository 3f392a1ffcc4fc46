import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PipedriveUserFields } from "@/lib/auth/pipedrive-provider";

import { hashSessionToken } from "@/lib/auth/session-token";

export { hashSessionToken };

type DbUser = Awaited<ReturnType<PrismaClient["user"]["findUniqueOrThrow"]>>;
const toAdapterUser = (u: DbUser) => ({ ...u, email: u.email ?? "" }) as AdapterUser;

/**
 * The Prisma adapter with Listing Studio's rules on top:
 * - users are keyed by Pipedrive (company_id, user_id), so accounts are never linked by email;
 * - Pipedrive access and refresh tokens are dropped, not stored;
 * - session tokens are hashed at rest.
 */
export function listingStudioAdapter(db: PrismaClient): Adapter {
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async createUser(user) {
      const u = user as AdapterUser & Partial<PipedriveUserFields>;
      if (u.pipedriveCompanyId === undefined || u.pipedriveUserId === undefined) {
        throw new Error("A user can only be created from a Pipedrive profile");
      }
      const created = await db.user.create({
        data: {
          pipedriveCompanyId: u.pipedriveCompanyId,
          pipedriveUserId: u.pipedriveUserId,
          name: u.name ?? `Pipedrive user ${u.pipedriveUserId}`,
          email: u.email || null,
          image: u.image ?? null,
          locale: u.locale ?? null,
          isPipedriveAdmin: u.isPipedriveAdmin ?? false,
        },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    getUserByEmail: async () => null,
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          scope: typeof account.scope === "string" ? account.scope : null,
        },
      });
    },
    async createSession(session) {
      await db.session.create({
        data: {
          sessionToken: hashSessionToken(session.sessionToken),
          userId: session.userId,
          expires: session.expires,
        },
      });
      return session;
    },
    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({
        where: { sessionToken: hashSessionToken(sessionToken) },
        include: { user: true },
      });
      if (!row) return null;
      const session: AdapterSession = { sessionToken, userId: row.userId, expires: row.expires };
      return { session, user: toAdapterUser(row.user) };
    },
    async updateSession(session) {
      const { count } = await db.session.updateMany({
        where: { sessionToken: hashSessionToken(session.sessionToken) },
        data: session.expires ? { expires: session.expires } : {},
      });
      return count > 0 ? (session as AdapterSession) : null;
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashSessionToken(sessionToken) } });
      return null;
    },
  };
}
