import "server-only";
import { z } from "zod";
import { auditBy } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { crmTokenContext } from "@/lib/crypto/contexts";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { safeEqual } from "@/lib/crypto/sign";
import { newToken } from "@/lib/crypto/token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { trustedApiDomain } from "@/lib/pipedrive/api-domain";
import { parseUsersMe } from "@/lib/pipedrive/users-me";
import { env } from "@/lib/server/env";
import { authorize } from "@/lib/team/permissions";
import { type CrmAuth, crmCall, crmList } from "./api";
import type { CrmSettingsInput } from "./schema";
import { crmSettingsSchema } from "./schema";

/**
 * The workspace's own Pipedrive, connected by an owner with a second consent (a Pipedrive app of its own, apart from
 * sign-in). Tokens are sealed; the access token is refreshed as Pipedrive does it (the refresh token stays the same
 * and lives 60 more days); disconnecting revokes the grant and forgets the tokens and what was linked.
 */

export const CRM_CALLBACK_PATH = "/api/crm/callback";
export const CRM_STATE_COOKIE = "ls-crm-state";
const publicUrl = (path: string) => `${env().AUTH_URL}${path}`;

/** Why a connection failed, as the settings page says it (the callback sends back the key only). */
export const CONNECT_ERRORS = {
  state: "This answer from Pipedrive does not belong to a connection started here. Connect again.",
  cancelled: "The connection was cancelled in Pipedrive.",
  "no-code": "Pipedrive sent no code. Connect again.",
  expired: "Pipedrive's answer expired (its code works once, for 5 minutes). Connect again.",
  client: "Pipedrive refused this server's CRM client ID or secret (PIPEDRIVE_CRM_CLIENT_ID / _SECRET).",
  unreachable: "Pipedrive could not be reached. Try again in a moment.",
  refused: "Pipedrive refused the connection. Connect again.",
  identity: "Pipedrive did not say which account was connected. Connect again.",
} as const;
export type ConnectError = keyof typeof CONNECT_ERRORS;
const connectFailed = (reason: ConnectError, status: "BAD_REQUEST" | "BAD_GATEWAY" = "BAD_GATEWAY") =>
  new AppError(status, CONNECT_ERRORS[reason], { reason });

export const crmConfigured = () => !!(env().PIPEDRIVE_CRM_CLIENT_ID && env().PIPEDRIVE_CRM_CLIENT_SECRET);

const basic = () =>
  `Basic ${Buffer.from(`${env().PIPEDRIVE_CRM_CLIENT_ID}:${env().PIPEDRIVE_CRM_CLIENT_SECRET}`).toString("base64")}`;

/** Where the owner gives consent, and the state to keep in a cookie until Pipedrive sends them back. */
export function startConnect(member: Member) {
  authorize(member, "crm.connect");
  if (!crmConfigured()) throw new AppError("SERVICE_UNAVAILABLE", "Connecting Pipedrive is not set up on this server");
  const state = newToken();
  const url = new URL("/oauth/authorize", env().PIPEDRIVE_OAUTH_URL);
  url.searchParams.set("client_id", env().PIPEDRIVE_CRM_CLIENT_ID!);
  url.searchParams.set("redirect_uri", publicUrl(CRM_CALLBACK_PATH));
  url.searchParams.set("state", state);
  return { url: url.toString(), state };
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().int().positive().catch(3600),
  scope: z.string().catch(""),
  api_domain: z.string().catch(""),
});

async function tokenCall(params: Record<string, string>) {
  let res: Response;
  try {
    res = await fetch(`${env().PIPEDRIVE_OAUTH_URL}/oauth/token`, {
      method: "POST",
      headers: { authorization: basic(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw connectFailed("unreachable");
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  const parsed = tokenSchema.safeParse(body);
  if (!res.ok || !parsed.success) {
    const error = typeof body?.error === "string" ? body.error : null;
    throw connectFailed(error === "invalid_grant" ? "expired" : error === "invalid_client" ? "client" : "refused");
  }
  return parsed.data;
}

/** Pipedrive sent the owner back: the state must be the one in their cookie; then the tokens are stored sealed. */
export async function finishConnect(
  member: Member,
  input: { code: string | null; state: string | null; error: string | null },
  expectedState: string | null,
) {
  authorize(member, "crm.connect");
  if (!input.state || !expectedState || !safeEqual(input.state, expectedState))
    throw connectFailed("state", "BAD_REQUEST");
  if (input.error) throw connectFailed("cancelled", "BAD_REQUEST");
  if (!input.code) throw connectFailed("no-code", "BAD_REQUEST");
  const tokens = await tokenCall({
    grant_type: "authorization_code",
    code: input.code,
    redirect_uri: publicUrl(CRM_CALLBACK_PATH),
  });
  if (!tokens.refresh_token) throw connectFailed("refused");
  const apiDomain = trustedApiDomain(tokens.api_domain);
  const me = await fetch(`${apiDomain}/api/v1/users/me`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
    signal: AbortSignal.timeout(10_000),
  })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  let company: { id: number; name: string | null };
  try {
    const identity = parseUsersMe(me);
    company = { id: identity.companyId, name: identity.sent.companyName };
  } catch {
    throw connectFailed("identity");
  }
  const workspaceId = member.workspace.id;
  const data = {
    companyId: company.id,
    companyName: company.name,
    apiDomain,
    accessToken: sealSecret(tokens.access_token, crmTokenContext(workspaceId, "access")),
    refreshToken: sealSecret(tokens.refresh_token, crmTokenContext(workspaceId, "refresh")),
    accessExpiresAt: new Date(Date.now() + tokens.expires_in * 1000),
    scope: tokens.scope,
    connectedById: member.user.id,
    connectedByName: member.user.name,
    connectedAt: new Date(),
  };
  const previous = await db.crmConnection.findUnique({ where: { workspaceId }, select: { companyId: true } });
  await db.$transaction([
    // Another Pipedrive account: what was linked belongs to the old one.
    ...(previous && previous.companyId !== company.id ? [db.crmLink.deleteMany({ where: { workspaceId } })] : []),
    db.crmConnection.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data }),
  ]);
  await auditBy(member, "crm.connect", { type: "crm", id: String(company.id), name: company.name });
}

type Connection = NonNullable<Awaited<ReturnType<typeof db.crmConnection.findUnique>>>;

/** Calls for a stored connection: the access token opened when needed, refreshed a minute before it expires. */
export function authFor(connection: Connection): CrmAuth {
  const workspaceId = connection.workspaceId;
  let access = openSecret(connection.accessToken, crmTokenContext(workspaceId, "access"));
  let expiresAt = connection.accessExpiresAt.getTime();
  const refresh = async () => {
    const refreshToken = openSecret(connection.refreshToken, crmTokenContext(workspaceId, "refresh"));
    const tokens = await tokenCall({ grant_type: "refresh_token", refresh_token: refreshToken });
    access = tokens.access_token;
    expiresAt = Date.now() + tokens.expires_in * 1000;
    await db.crmConnection.updateMany({
      where: { workspaceId },
      data: {
        accessToken: sealSecret(access, crmTokenContext(workspaceId, "access")),
        accessExpiresAt: new Date(expiresAt),
        // Pipedrive keeps the same refresh token; store a new one only if it ever sends one.
        ...(tokens.refresh_token && tokens.refresh_token !== refreshToken
          ? { refreshToken: sealSecret(tokens.refresh_token, crmTokenContext(workspaceId, "refresh")) }
          : {}),
      },
    });
    return access;
  };
  return {
    apiDomain: connection.apiDomain,
    accessToken: async () => (expiresAt - Date.now() < 60_000 ? refresh() : access),
    refresh,
  };
}

export async function disconnect(member: Member) {
  authorize(member, "crm.connect");
  const workspaceId = member.workspace.id;
  const connection = await db.crmConnection.findUnique({ where: { workspaceId } });
  if (!connection) return;
  // Revoking the refresh token ends the grant in Pipedrive; a failure to reach it does not keep the tokens here.
  let revoked = false;
  try {
    const res = await fetch(`${env().PIPEDRIVE_OAUTH_URL}/oauth/revoke`, {
      method: "POST",
      headers: { authorization: basic(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token: openSecret(connection.refreshToken, crmTokenContext(workspaceId, "refresh")),
        token_type_hint: "refresh_token",
      }),
      signal: AbortSignal.timeout(10_000),
    });
    revoked = res.ok;
  } catch {
    revoked = false;
  }
  const apps = await db.app.findMany({ where: { workspaceId }, select: { id: true } });
  await db.$transaction([
    db.outboxMessage.deleteMany({
      where: {
        appId: { in: apps.map((a) => a.id) },
        app: { workspaceId },
        kind: { in: ["CRM_PUSH", "CRM_BACKFILL"] },
        status: { in: ["PENDING", "FAILED"] },
      },
    }),
    db.crmLink.deleteMany({ where: { workspaceId } }),
    db.crmConnection.deleteMany({ where: { workspaceId } }),
  ]);
  await auditBy(
    member,
    "crm.disconnect",
    { type: "crm", id: String(connection.companyId), name: connection.companyName },
    { revoked },
  );
  return { revoked };
}

/** The pipelines and their stages in the connected account, for the settings' choice. */
export async function pipelinesOf(member: Member) {
  const connection = await db.crmConnection.findUnique({ where: { workspaceId: member.workspace.id } });
  if (!connection) return null;
  try {
    const auth = authFor(connection);
    const [pipelines, stages] = await Promise.all([
      crmList<{ id: number; name: string }>(auth, "/api/v2/pipelines"),
      crmList<{ id: number; name: string; pipeline_id: number; order_nr?: number }>(auth, "/api/v2/stages"),
    ]);
    return {
      ok: true as const,
      pipelines: pipelines.map((p) => ({
        id: p.id,
        name: p.name,
        stages: stages
          .filter((s) => s.pipeline_id === p.id)
          .sort((a, b) => (a.order_nr ?? 0) - (b.order_nr ?? 0))
          .map((s) => ({ id: s.id, name: s.name })),
      })),
    };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  }
}

export async function saveCrmSettings(member: Member, input: CrmSettingsInput) {
  authorize(member, "crm.settings");
  const settings = crmSettingsSchema.parse(input);
  const workspaceId = member.workspace.id;
  const connection = await db.crmConnection.findUnique({ where: { workspaceId } });
  if (!connection) throw new AppError("CONFLICT", "Connect Pipedrive first");
  if (settings.target === "DEAL") {
    const pipelines = await pipelinesOf(member);
    if (!pipelines?.ok)
      throw new AppError("BAD_GATEWAY", `Pipedrive's pipelines could not be read: ${pipelines?.error ?? ""}`);
    const pipeline = pipelines.pipelines.find((p) => p.id === settings.pipelineId);
    if (!pipeline)
      throw new AppError("VALIDATION", "Choose a pipeline", {
        pipelineId: "This pipeline is not in the connected account",
      });
    if (!pipeline.stages.some((s) => s.id === settings.stageId))
      throw new AppError("VALIDATION", "Choose a stage of that pipeline", { stageId: "Not a stage of this pipeline" });
  }
  const data = {
    createPerson: settings.createPerson,
    target: settings.target,
    pipelineId: settings.target === "DEAL" ? settings.pipelineId : null,
    stageId: settings.target === "DEAL" ? settings.stageId : null,
    onUninstall: settings.onUninstall,
    reopenOnReinstall: settings.reopenOnReinstall,
  };
  await db.crmConnection.updateMany({ where: { workspaceId }, data });
  await auditBy(
    member,
    "crm.settings",
    { type: "crm", id: String(connection.companyId), name: connection.companyName },
    data,
  );
}
