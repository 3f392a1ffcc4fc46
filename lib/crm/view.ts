import "server-only";
import type { Member } from "@/lib/authz";
import { auditBy } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { AppError, notFound } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { crmConfigured, pipelinesOf } from "./connection";
import type { CrmCustomerView, CrmPushView, CrmSettingsView } from "./types";

/** The CRM settings section, a customer's CRM panel, the one-off push of existing customers, and retries. */

const KINDS = ["CRM_PUSH", "CRM_BACKFILL"];

async function pushViews(member: Member, rows: Awaited<ReturnType<typeof db.outboxMessage.findMany>>) {
  const parsed = rows.map((r) => ({ r, body: JSON.parse(r.body || "{}") as { event?: string; companyId?: number } }));
  const companyIds = [
    ...new Set(parsed.map((p) => p.body.companyId).filter((n): n is number => typeof n === "number")),
  ];
  const [customers, apps] = await Promise.all([
    db.customer.findMany({
      where: { workspaceId: member.workspace.id, companyId: { in: companyIds } },
      select: { id: true, companyId: true, companyName: true },
    }),
    db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true, name: true } }),
  ]);
  const byCompany = new Map(customers.map((c) => [c.companyId, c]));
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  return parsed.map(({ r, body }): CrmPushView => ({
    id: r.id,
    kind: r.kind,
    event: body.event ?? "install",
    appName: appName.get(r.appId) ?? "",
    companyId: body.companyId ?? 0,
    companyName: byCompany.get(body.companyId ?? -1)?.companyName ?? null,
    customerId: byCompany.get(body.companyId ?? -1)?.id ?? null,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function crmSettingsView(member: Member) {
  const configured = crmConfigured();
  const connection = await db.crmConnection.findUnique({ where: { workspaceId: member.workspace.id } });
  if (!connection) return { configured, connection: null };
  const scope = { app: { workspaceId: member.workspace.id }, kind: { in: KINDS } };
  // One read of the account's pipelines serves the choice and says whether the connection works.
  const [pipelines, recent, counts, backfill] = await Promise.all([
    pipelinesOf(member),
    db.outboxMessage.findMany({
      // What needs someone: failed pushes, and waiting ones that already failed once (with their reason).
      // A rate limit is not a failure: those only wait.
      where: {
        ...scope,
        OR: [
          { status: "FAILED" },
          {
            status: "PENDING",
            lastError: { not: null },
            OR: [{ lastStatus: null }, { lastStatus: { not: 429 } }],
          },
        ],
      },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 20,
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    connection.backfillAt
      ? db.outboxMessage.groupBy({
          by: ["status"],
          where: {
            app: { workspaceId: member.workspace.id },
            kind: "CRM_BACKFILL",
            createdAt: { gte: connection.backfillAt },
          },
          _count: { _all: true },
        })
      : null,
  ]);
  const count = (rows: { status: string; _count: { _all: number } }[] | null, status: string) =>
    rows?.find((r) => r.status === status)?._count._all ?? 0;
  const settings: CrmSettingsView = {
    createPerson: connection.createPerson,
    target: connection.target as CrmSettingsView["target"],
    pipelineId: connection.pipelineId,
    stageId: connection.stageId,
    onUninstall: connection.onUninstall as CrmSettingsView["onUninstall"],
    reopenOnReinstall: connection.reopenOnReinstall,
  };
  return {
    configured,
    connection: {
      companyId: connection.companyId,
      companyName: connection.companyName,
      apiDomain: connection.apiDomain,
      connectedByName: connection.connectedByName,
      connectedAt: connection.connectedAt.toISOString(),
      problem: pipelines && !pipelines.ok ? pipelines.error : null,
      settings,
      pipelines: pipelines?.ok ? pipelines.pipelines : [],
      counts: {
        pending: count(counts, "PENDING") + count(counts, "SENDING"),
        failed: count(counts, "FAILED"),
        delivered: count(counts, "DELIVERED"),
      },
      backfill: backfill
        ? {
            startedAt: connection.backfillAt!.toISOString(),
            total: backfill.reduce((s, r) => s + r._count._all, 0),
            done: count(backfill, "DELIVERED"),
            failed: count(backfill, "FAILED"),
          }
        : null,
      recent: await pushViews(member, recent),
    },
  };
}
export type CrmSettingsPage = Awaited<ReturnType<typeof crmSettingsView>>;

/** What the partner's Pipedrive holds for one company, and its pushes. */
export async function crmCustomerView(member: Member, companyId: number): Promise<CrmCustomerView> {
  const connection = await db.crmConnection.findUnique({
    where: { workspaceId: member.workspace.id },
    select: { apiDomain: true },
  });
  if (!connection) return { connected: false, apiDomain: null, org: null, people: [], deals: [], pushes: [] };
  const [links, apps, pushes] = await Promise.all([
    db.crmLink.findMany({
      where: {
        workspaceId: member.workspace.id,
        OR: [
          { kind: "ORG", key: String(companyId) },
          { kind: "PERSON", key: { startsWith: `${companyId}:` } },
          { kind: { in: ["DEAL", "LEAD"] }, key: { endsWith: `:${companyId}` } },
        ],
      },
    }),
    db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true, name: true } }),
    db.outboxMessage.findMany({
      where: {
        app: { workspaceId: member.workspace.id },
        kind: { in: KINDS },
        body: { contains: `"companyId":${companyId},` },
      },
      orderBy: { createdAt: "desc" },
      take: 10,
    }),
  ]);
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  return {
    connected: true,
    apiDomain: connection.apiDomain,
    org: links.find((l) => l.kind === "ORG")?.remoteId ?? null,
    people: links.filter((l) => l.kind === "PERSON").map((l) => ({ key: l.key, remoteId: l.remoteId })),
    deals: links
      .filter((l) => l.kind === "DEAL" || l.kind === "LEAD")
      .map((l) => ({
        appName: appName.get(l.key.split(":")[0]!) ?? "",
        kind: l.kind as "DEAL" | "LEAD",
        remoteId: l.remoteId,
      })),
    pushes: await pushViews(member, pushes),
  };
}

/** Queues a push of every customer and app of the workspace, once; progress is read from those rows. */
export async function startBackfill(member: Member, now = new Date()) {
  authorize(member, "crm.push");
  const workspaceId = member.workspace.id;
  const connection = await db.crmConnection.findUnique({ where: { workspaceId } });
  if (!connection) throw new AppError("CONFLICT", "Connect Pipedrive first");
  const running = await db.outboxMessage.count({
    where: { app: { workspaceId }, kind: "CRM_BACKFILL", status: { in: ["PENDING", "SENDING"] } },
  });
  if (running > 0) throw new AppError("CONFLICT", "The existing customers are being pushed already");
  const stamp = sqliteTime(now.getTime());
  const queued = sqlConnection()
    .prepare(
      `INSERT INTO OutboxMessage (id, appId, kind, url, body, status, attempts, nextAttemptAt, createdAt)
       SELECT 'cb' || lower(hex(randomblob(11))), ca.appId, 'CRM_BACKFILL', '',
         json_object('workspaceId', c.workspaceId, 'event', 'backfill', 'appId', ca.appId, 'companyId', c.companyId,
           'userId', (SELECT i.userId FROM Installation i WHERE i.appId = ca.appId AND i.companyId = c.companyId
                      ORDER BY i.uninstalledAt IS NULL DESC, i.installedAt DESC LIMIT 1)),
         'PENDING', 0, ?, ?
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId WHERE c.workspaceId = ?`,
    )
    .run(stamp, stamp, workspaceId).changes;
  await db.crmConnection.updateMany({ where: { workspaceId }, data: { backfillAt: now } });
  await auditBy(
    member,
    "crm.backfill",
    { type: "crm", id: String(connection.companyId), name: connection.companyName },
    { queued },
  );
  return queued;
}

export async function retryCrmPush(member: Member, messageId: unknown) {
  authorize(member, "crm.push");
  if (typeof messageId !== "string" || messageId.length > 64) throw notFound("Push");
  const { count } = await db.outboxMessage.updateMany({
    where: {
      id: messageId,
      app: { workspaceId: member.workspace.id },
      kind: { in: KINDS },
      status: { in: ["PENDING", "FAILED"] },
    },
    data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0 },
  });
  if (count === 0) throw notFound("Push");
  await auditBy(member, "crm.retry", { type: "crm-push", id: messageId });
}
