import { db } from "@/lib/db";
import { escapeHtml } from "@/lib/http/html-page";
import { authFor } from "./connection";
import { type CrmAuth, CrmApiError, crmCall, CrmRateLimited, crmSearch } from "./api";

/**
 * One push of a customer event into the partner's Pipedrive, run by the outbox worker. Every thing made there is
 * linked here at once (CrmLink), and before making one the push looks for it (stored id, then an exact search), so a
 * retry after a crash or a 429 updates what exists instead of making a second organization, person or deal.
 */

export type CrmEvent = "install" | "uninstall" | "backfill";
export type CrmPushBody = {
  workspaceId: string;
  event: CrmEvent;
  appId: string;
  companyId: number;
  userId: number | null;
};
export type PushResult = { ok: boolean; status: number | null; error: string | null; retryAfterMs?: number };

async function linked(workspaceId: string, kind: string, key: string) {
  const row = await db.crmLink.findUnique({ where: { workspaceId_kind_key: { workspaceId, kind, key } } });
  return row?.remoteId ?? null;
}
const link = (workspaceId: string, kind: string, key: string, remoteId: string | number) =>
  db.crmLink.upsert({
    where: { workspaceId_kind_key: { workspaceId, kind, key } },
    create: { workspaceId, kind, key, remoteId: String(remoteId) },
    update: { remoteId: String(remoteId) },
  });

/** A record a search found, unless a push already linked it to something else (then a new one is made). */
async function free(workspaceId: string, kind: string, key: string, found: number | null) {
  if (found === null) return null;
  const taken = await db.crmLink.count({ where: { workspaceId, kind, remoteId: String(found), key: { not: key } } });
  return taken ? null : found;
}

/**
 * The organization of the company: linked, else found by exact name (one the partner already had, or one a push made
 * before its link was stored), else made. An organization linked to another company is never taken: two companies
 * with the same name stay two organizations.
 */
async function ensureOrg(auth: CrmAuth, workspaceId: string, companyId: number, name: string) {
  const known = await linked(workspaceId, "ORG", String(companyId));
  if (known) return { id: Number(known), made: false };
  const found = await free(workspaceId, "ORG", String(companyId), await crmSearch(auth, "organizations", "name", name));
  const id = found ?? (await crmCall<{ id: number }>(auth, "POST", "/api/v2/organizations", { name })).data.id;
  await link(workspaceId, "ORG", String(companyId), id);
  return { id, made: found === null };
}

async function ensurePerson(
  auth: CrmAuth,
  workspaceId: string,
  companyId: number,
  userId: number,
  orgId: number,
  who: { name: string | null; email: string | null },
) {
  const key = `${companyId}:${userId}`;
  const known = await linked(workspaceId, "PERSON", key);
  if (known) return Number(known);
  const found = who.email
    ? await free(workspaceId, "PERSON", key, await crmSearch(auth, "persons", "email", who.email))
    : null;
  const id =
    found ??
    (
      await crmCall<{ id: number }>(auth, "POST", "/api/v2/persons", {
        name: who.name ?? who.email ?? `Pipedrive user ${userId}`,
        org_id: orgId,
        ...(who.email ? { emails: [{ value: who.email, primary: true, label: "work" }] } : {}),
      })
    ).data.id;
  await link(workspaceId, "PERSON", key, id);
  return id;
}

/**
 * One push at a time per workspace in this process (in the order claimed): a search and the create that follows
 * it must not interleave with another push's, or both would make the same organization. The outbox's claim keeps
 * other processes off a workspace whose push is under way.
 */
const running = new Map<string, Promise<unknown>>();
export function pushCustomerEvent(body: CrmPushBody): Promise<PushResult> {
  const before = running.get(body.workspaceId) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(() => pushNow(body));
  running.set(body.workspaceId, next);
  void next.finally(() => {
    if (running.get(body.workspaceId) === next) running.delete(body.workspaceId);
  });
  return next;
}

async function pushNow(body: CrmPushBody): Promise<PushResult> {
  const connection = await db.crmConnection.findUnique({ where: { workspaceId: body.workspaceId } });
  // Disconnected since it was queued: nothing to do, and nothing to retry.
  if (!connection) return { ok: true, status: null, error: null };
  const [customer, app, installation] = await Promise.all([
    db.customer.findUnique({
      where: { workspaceId_companyId: { workspaceId: body.workspaceId, companyId: body.companyId } },
    }),
    db.app.findFirst({ where: { id: body.appId, workspaceId: body.workspaceId }, select: { name: true } }),
    body.userId === null
      ? null
      : db.installation.findUnique({
          where: { appId_companyId_userId: { appId: body.appId, companyId: body.companyId, userId: body.userId } },
        }),
  ]);
  if (!customer || !app) return { ok: true, status: null, error: null };
  const appState = await db.customerApp.findUnique({
    where: { customerId_appId: { customerId: customer.id, appId: body.appId } },
  });
  const auth = authFor(connection);
  const ws = body.workspaceId;
  const companyName = customer.companyName ?? `Pipedrive company ${customer.companyId}`;
  const installed = appState ? appState.activeInstalls > 0 : body.event !== "uninstall";
  try {
    const org = await ensureOrg(auth, ws, customer.companyId, companyName);
    const orgId = org.id;
    const personId =
      connection.createPerson && body.userId !== null
        ? await ensurePerson(auth, ws, customer.companyId, body.userId, orgId, {
            name: installation?.userName ?? null,
            email: installation?.userEmail ?? null,
          })
        : null;
    const title = `${app.name}: ${companyName}`;
    const key = `${body.appId}:${customer.companyId}`;
    const lostReason = `Uninstalled ${app.name}`;
    if (connection.target === "DEAL" && connection.pipelineId && connection.stageId) {
      let dealId = Number((await linked(ws, "DEAL", key)) ?? 0) || null;
      if (!dealId && (installed || body.event === "backfill")) {
        dealId =
          // An organization made just now has no deal yet: no search (searches have a lower rate limit).
          (org.made ? null : await free(ws, "DEAL", key, await crmSearch(auth, "deals", "title", title))) ??
          (
            await crmCall<{ id: number }>(auth, "POST", "/api/v2/deals", {
              title,
              org_id: orgId,
              ...(personId ? { person_id: personId } : {}),
              pipeline_id: connection.pipelineId,
              stage_id: connection.stageId,
            })
          ).data.id;
        await link(ws, "DEAL", key, dealId);
      }
      if (dealId && installed && connection.reopenOnReinstall && body.event !== "backfill") {
        await crmCall(auth, "PATCH", `/api/v2/deals/${dealId}`, { status: "open" });
      }
      if (dealId && !installed) {
        if (connection.onUninstall === "LOSE")
          await crmCall(auth, "PATCH", `/api/v2/deals/${dealId}`, { status: "lost", lost_reason: lostReason });
        else if (connection.onUninstall === "NOTE" && body.event === "uninstall")
          await crmCall(auth, "POST", "/v1/notes", { content: noteText(app.name, appState), deal_id: dealId });
      }
    } else if (connection.target === "LEAD") {
      // Leads have no v2 API for writing: v1 is the only one.
      let leadId = await linked(ws, "LEAD", key);
      if (!leadId && (installed || body.event === "backfill")) {
        leadId = (
          await crmCall<{ id: string }>(auth, "POST", "/v1/leads", {
            title,
            organization_id: orgId,
            ...(personId ? { person_id: personId } : {}),
          })
        ).data.id;
        await link(ws, "LEAD", key, leadId);
      }
      if (leadId && installed && connection.reopenOnReinstall && body.event !== "backfill")
        await crmCall(auth, "PATCH", `/v1/leads/${leadId}`, { is_archived: false });
      if (leadId && !installed && body.event === "uninstall" && connection.onUninstall !== "NONE") {
        await crmCall(auth, "POST", "/v1/notes", { content: noteText(app.name, appState), lead_id: leadId });
        if (connection.onUninstall === "LOSE")
          await crmCall(auth, "PATCH", `/v1/leads/${leadId}`, { is_archived: true });
      }
    } else if (!installed && body.event === "uninstall" && connection.onUninstall !== "NONE") {
      await crmCall(auth, "POST", "/v1/notes", { content: noteText(app.name, appState), org_id: orgId });
    }
    return { ok: true, status: 200, error: null };
  } catch (error) {
    if (error instanceof CrmRateLimited)
      return { ok: false, status: 429, error: error.message, retryAfterMs: error.retryAfterMs };
    if (error instanceof CrmApiError) return { ok: false, status: error.status, error: error.message };
    return { ok: false, status: null, error: (error as Error).message.slice(0, 300) };
  }
}

const noteText = (appName: string, state: { installedAt: Date | null; uninstalledAt: Date | null } | null) => {
  const days =
    state?.installedAt && state.uninstalledAt
      ? Math.max(0, Math.floor((state.uninstalledAt.getTime() - state.installedAt.getTime()) / 86_400_000))
      : null;
  return `Uninstalled ${escapeHtml(appName)}${days === null ? "" : ` after ${days} days`} (from Listing Studio).`;
};
