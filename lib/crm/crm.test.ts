import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmClient } from "@/emulator/data";
import { startEmulator } from "@/emulator/server";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";
import type { IngestEvent } from "@/lib/installs/types";

const CLIENT = "crm-test-client";
const SECRET = "crm-test-secret";
const emulator = await startEmulator({
  clients: [crmClient(CLIENT, SECRET, "http://localhost:3000/api/crm/callback")],
});
process.env.PIPEDRIVE_OAUTH_URL = emulator.url;
process.env.PIPEDRIVE_API_URL = emulator.url;
process.env.PIPEDRIVE_CRM_CLIENT_ID = CLIENT;
process.env.PIPEDRIVE_CRM_CLIENT_SECRET = SECRET;
afterAll(() => emulator.close());

setupTestDatabase();
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { processOutbox } = await import("@/lib/outbox/outbox");
const { startConnect, finishConnect, saveCrmSettings, disconnect } = await import("./connection");
const { startBackfill, retryCrmPush, crmSettingsView, crmCustomerView } = await import("./view");
const { pushCustomerEvent } = await import("./push");

let owner: Member;
let appId: string;
let n = 0;
const ACME = 7001;
const held = () => emulator.crm.snapshot(emulator.crm.company(ACME), emulator.url);
const install = (type: "INSTALL" | "UNINSTALL", companyId: number, userId: number, extra: Partial<IngestEvent> = {}) =>
  ingestEvents(appId, [
    {
      dedupeKey: `crm${n++}`,
      type,
      companyId,
      userId,
      occurredAt: new Date(Date.now() - 1000 + n),
      source: "GATEWAY",
      ...extra,
    },
  ]);
/** Sends what is due, as often as needed, with the clock moved on past any wait. */
async function drain(ahead = 0) {
  for (let i = 0; i < 20; i++) {
    const { delivered, failed } = await processOutbox("test-worker", Date.now() + ahead, 50);
    if (delivered + failed === 0) return;
  }
}

async function connect() {
  const { url, state } = startConnect(owner);
  const authorize = new URL(url);
  expect(authorize.searchParams.get("client_id")).toBe(CLIENT);
  const code = emulator.store.issueCode({
    clientId: CLIENT,
    redirectUri: authorize.searchParams.get("redirect_uri")!,
    userId: 101,
    codeChallenge: null,
    codeChallengeMethod: null,
  });
  await finishConnect(owner, { code, state, error: null }, state);
}

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 8801, name: "Partner" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 8801, pipedriveUserId: 1, name: "Olga Owner" } });
  owner = {
    user: { id: u.id, name: u.name!, email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 8801 },
    role: "OWNER",
  };
  appId = (
    await db.app.create({
      data: {
        workspaceId: w.id,
        name: "Quote <Flow>",
        type: "PUBLIC",
        clientId: "q",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
});

describe("connecting the partner's own Pipedrive", () => {
  it("refuses an answer whose state is not the one started here, and viewers", async () => {
    const { state } = startConnect(owner);
    await expect(finishConnect(owner, { code: "x", state: "forged", error: null }, state)).rejects.toMatchObject({
      fields: { reason: "state" },
    });
    await expect(finishConnect(owner, { code: null, state, error: "user_denied" }, state)).rejects.toMatchObject({
      fields: { reason: "cancelled" },
    });
    expect(() => startConnect({ ...owner, role: "EDITOR" })).toThrow(/Only an owner/);
  });

  it("stores the grant sealed, with the account it belongs to", async () => {
    await connect();
    const row = await db.crmConnection.findUniqueOrThrow({ where: { workspaceId: owner.workspace.id } });
    expect(row).toMatchObject({ companyId: ACME, companyName: "Acme Sales Tools", apiDomain: emulator.url });
    expect(row.accessToken).not.toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const audit = await db.auditEvent.findFirst({ where: { workspaceId: owner.workspace.id, action: "crm.connect" } });
    expect(audit).not.toBeNull();
  });

  it("takes a pipeline and a stage of the connected account only", async () => {
    const view = await crmSettingsView(owner);
    const pipeline = view.connection!.pipelines.find((p) => p.name === "Partner customers")!;
    const other = view.connection!.pipelines.find((p) => p.name === "Pipeline")!;
    const base = { createPerson: true, target: "DEAL" as const, onUninstall: "LOSE" as const, reopenOnReinstall: true };
    await expect(
      saveCrmSettings(owner, { ...base, pipelineId: pipeline.id, stageId: other.stages[0]!.id }),
    ).rejects.toThrow(/stage of that pipeline/);
    await expect(saveCrmSettings(owner, { ...base, pipelineId: null, stageId: null })).rejects.toThrow(
      /Choose a pipeline/,
    );
    await saveCrmSettings(owner, { ...base, pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id });
  });
});

describe("pushing customers", () => {
  it("an install makes one organization, one person and one deal; the same push again makes nothing more", async () => {
    install("INSTALL", 5001, 51, { companyName: "Globex", userName: "Gina Globex", userEmail: "gina@globex.test" });
    await drain();
    const after = held();
    expect(after.organizations.map((o) => o.name)).toEqual(["Globex"]);
    expect(after.persons).toHaveLength(1);
    expect(after.persons[0]!.emails[0]!.value).toBe("gina@globex.test");
    expect(after.deals).toHaveLength(1);
    expect(after.deals[0]).toMatchObject({ title: "Quote <Flow>: Globex", status: "open" });
    // Pushed twice (a retry after a lost answer): updates, never a second of anything.
    const body = { workspaceId: owner.workspace.id, event: "install" as const, appId, companyId: 5001, userId: 51 };
    expect((await pushCustomerEvent(body)).ok).toBe(true);
    // Even with the links lost, the exact searches find what exists.
    await db.crmLink.deleteMany({ where: { workspaceId: owner.workspace.id } });
    expect((await pushCustomerEvent(body)).ok).toBe(true);
    const again = held();
    expect([again.organizations.length, again.persons.length, again.deals.length]).toEqual([1, 1, 1]);
    expect(again.deprecatedCalls).toBe(0);
  });

  it("pushes at once for one new company make one organization; two companies of one name stay two", async () => {
    install("INSTALL", 5101, 61, { companyName: "Twin Co" });
    install("INSTALL", 5102, 62, { companyName: "Twin Co" });
    const body = (companyId: number, userId: number) => ({
      workspaceId: owner.workspace.id,
      event: "backfill" as const,
      appId,
      companyId,
      userId,
    });
    await Promise.all([
      pushCustomerEvent(body(5101, 61)),
      pushCustomerEvent(body(5101, 61)),
      pushCustomerEvent(body(5102, 62)),
    ]);
    await drain();
    expect(held().organizations.filter((o) => o.name === "Twin Co")).toHaveLength(2);
    expect(held().deals.filter((d) => d.title.endsWith("Twin Co"))).toHaveLength(2);
  });

  it("another process's push for the workspace keeps this one's claim off its pushes", async () => {
    install("INSTALL", 5103, 63, { companyName: "Waiting Co" });
    const other = await db.outboxMessage.create({
      data: {
        appId,
        kind: "CRM_PUSH",
        url: "",
        body: "{}",
        status: "SENDING",
        claimedBy: "other-process",
        claimedUntil: new Date(Date.now() + 60_000),
      },
    });
    expect((await processOutbox("test-worker", Date.now(), 50)).delivered).toBe(0);
    expect(held().organizations.some((o) => o.name === "Waiting Co")).toBe(false);
    await db.outboxMessage.delete({ where: { id: other.id } });
    await drain();
    expect(held().organizations.filter((o) => o.name === "Waiting Co")).toHaveLength(1);
  });

  it("an uninstall marks the deal lost with its reason; a reinstall reopens it", async () => {
    install("UNINSTALL", 5001, 51);
    await drain();
    const globex = () => held().deals.filter((d) => d.title.endsWith("Globex"));
    expect(globex()[0]).toMatchObject({ status: "lost", lost_reason: "Uninstalled Quote <Flow>" });
    install("INSTALL", 5001, 51);
    await drain();
    expect(globex()[0]).toMatchObject({ status: "open" });
    expect(globex()).toHaveLength(1);
  });

  it("waits out a storm of 429s as Pipedrive asks, without counting it as failures or duplicating", async () => {
    emulator.crm.faults.set(ACME, { statuses: [429, 429, 429], retryAfter: 1 });
    install("INSTALL", 5002, 52, { companyName: "Initech", userName: "Ian" });
    await processOutbox("test-worker", Date.now(), 50);
    const waiting = await db.outboxMessage.findFirstOrThrow({ where: { kind: "CRM_PUSH", status: "PENDING" } });
    expect(waiting.attempts).toBe(0);
    expect(waiting.lastStatus).toBe(429);
    expect(waiting.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(500);
    await drain(5_000);
    const after = held();
    expect(after.organizations.filter((o) => o.name === "Initech")).toHaveLength(1);
    expect(after.deals.filter((d) => d.title.endsWith("Initech"))).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { kind: "CRM_PUSH", status: { not: "DELIVERED" } } })).toBe(0);
  });

  it("a failed push shows its reason and can be sent again", async () => {
    emulator.crm.faults.set(ACME, { statuses: Array(8).fill(500), retryAfter: 1 });
    install("INSTALL", 5003, 53, { companyName: "Umbrella" });
    for (let i = 0; i < 8; i++) await processOutbox("test-worker", Date.now() + i * 4_000_000, 50);
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { kind: "CRM_PUSH", status: "FAILED" } });
    expect(failed.lastError).toMatch(/Pipedrive answered 500/);
    const view = await crmCustomerView(owner, 5003);
    expect(view.pushes[0]).toMatchObject({ status: "FAILED", companyName: "Umbrella" });
    await expect(retryCrmPush({ ...owner, role: "VIEWER" }, failed.id)).rejects.toThrow(/Viewers cannot/);
    await retryCrmPush(owner, failed.id);
    await drain();
    expect(held().organizations.filter((o) => o.name === "Umbrella")).toHaveLength(1);
  });

  it("pushes every existing customer once, with progress, and leads through v1", async () => {
    const view = await crmSettingsView(owner);
    await saveCrmSettings(owner, { ...view.connection!.settings, target: "LEAD" });
    await db.crmLink.deleteMany({ where: { workspaceId: owner.workspace.id, kind: "DEAL" } });
    const queued = await startBackfill(owner);
    expect(queued).toBe(6);
    await expect(startBackfill(owner)).rejects.toThrow(/being pushed already/);
    await drain();
    expect((await crmSettingsView(owner)).connection!.backfill).toMatchObject({ total: 6, done: 6, failed: 0 });
    const after = held();
    expect(after.leads).toHaveLength(6);
    expect(after.organizations).toHaveLength(6);
  });

  it("refreshes an expired access token with the same refresh token", async () => {
    const before = await db.crmConnection.findUniqueOrThrow({ where: { workspaceId: owner.workspace.id } });
    await db.crmConnection.update({
      where: { workspaceId: owner.workspace.id },
      data: { accessExpiresAt: new Date(Date.now() - 1000) },
    });
    install("INSTALL", 5004, 54, { companyName: "Hooli" });
    await drain();
    const after = await db.crmConnection.findUniqueOrThrow({ where: { workspaceId: owner.workspace.id } });
    expect(after.accessExpiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(held().organizations.map((o) => o.name)).toContain("Hooli");
  });

  it("disconnecting revokes the grant and forgets the tokens and links", async () => {
    const row = await db.crmConnection.findUniqueOrThrow({ where: { workspaceId: owner.workspace.id } });
    expect(await disconnect(owner)).toEqual({ revoked: true });
    expect(await db.crmConnection.count({ where: { workspaceId: owner.workspace.id } })).toBe(0);
    expect(await db.crmLink.count({ where: { workspaceId: owner.workspace.id } })).toBe(0);
    expect(row.refreshToken).not.toBe("");
    // Nothing is queued for a workspace without a connection.
    install("INSTALL", 5005, 55);
    expect(await db.outboxMessage.count({ where: { kind: "CRM_PUSH", status: "PENDING" } })).toBe(0);
  });
});
