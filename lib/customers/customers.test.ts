import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";
import type { IngestEvent } from "@/lib/installs/types";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { ingestEvents, rebuildApp } = await import("@/lib/installs/ingest");
const { customerQuerySchema, customersCsv, listCustomers } = await import("./query");
const { customerFigures } = await import("./figures");
const { getCustomer, addCustomerNote, setCustomerTags, eraseCustomer, labelTimeline } = await import("./customer");

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T10:00:00Z");
const NOW = T0 + 200 * DAY;
let owner: Member;
let viewer: Member;
let other: Member;
let quote: string;
let call: string;
let n = 0;

const ev = (
  type: "INSTALL" | "UNINSTALL",
  companyId: number,
  userId: number,
  day: number,
  extra: Partial<IngestEvent> = {},
): IngestEvent => ({
  dedupeKey: `k${n++}`,
  type,
  companyId,
  userId,
  occurredAt: new Date(T0 + day * DAY),
  source: "GATEWAY",
  ...extra,
});
const q = (input: Record<string, unknown>) => customerQuerySchema.parse(input);

async function workspace(companyId: number, role: Member["role"]): Promise<Member> {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: companyId, name: `W${companyId}` } });
  const u = await db.user.create({ data: { pipedriveCompanyId: companyId, pipedriveUserId: 1, name: "Owner" } });
  return {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: companyId },
    role,
  };
}

beforeAll(async () => {
  owner = await workspace(71, "OWNER");
  viewer = { ...owner, role: "VIEWER" };
  other = await workspace(72, "OWNER");
  const app = (name: string, ws: string) =>
    db.app.create({
      data: { workspaceId: ws, name, type: "PUBLIC", clientId: name, callbackUrl: "https://x.example.com" },
    });
  quote = (await app("Quote", owner.workspace.id)).id;
  call = (await app("Call", owner.workspace.id)).id;
  const elsewhere = (await app("Elsewhere", other.workspace.id)).id;
  // 500: installs Quote, leaves, comes back (a reinstall); its second user stays out.
  // 501: installs Quote and Call; leaves Call after 3 days; stays on Quote.
  // 502: known only by an uninstall of an install from before tracking.
  // 503: from the events API, without names.
  ingestEvents(quote, [
    ev("INSTALL", 500, 1, 0, {
      companyName: "Acme",
      userName: "Ann Lee",
      userEmail: "ann@acme.test",
      companyDomain: "acme",
    }),
    ev("INSTALL", 500, 2, 1, { userName: "Bo" }),
    ev("UNINSTALL", 500, 1, 10),
    ev("UNINSTALL", 500, 2, 12),
    ev("INSTALL", 500, 1, 40),
    ev("INSTALL", 501, 9, 5, { companyName: "Beta" }),
    ev("UNINSTALL", 502, 7, 50),
    ev("INSTALL", 503, 3, 190, { source: "API" }),
  ]);
  ingestEvents(call, [ev("INSTALL", 501, 9, 6, { companyName: "Beta" }), ev("UNINSTALL", 501, 9, 9)]);
  ingestEvents(elsewhere, [ev("INSTALL", 500, 1, 0, { companyName: "Acme elsewhere" })]);
  await db.review.create({
    data: {
      appId: quote,
      externalKey: "r1",
      source: "SYNC",
      author: "ann lee",
      stars: 5,
      text: "Good",
      reviewedAt: new Date(T0 + 20 * DAY),
    },
  });
  await db.review.create({
    data: {
      appId: quote,
      externalKey: "r2",
      source: "SYNC",
      author: "Someone Else",
      stars: 2,
      text: "Meh",
      reviewedAt: new Date(T0 + 20 * DAY),
    },
  });
});

const byCompany = async (member: Member, input: Record<string, unknown> = {}) =>
  new Map((await listCustomers(member, q(input), NOW)).rows.map((r) => [r.companyId, r]));

describe("the customer ledger", () => {
  it("follows statuses across uninstalls and reinstalls, per app and over the workspace", async () => {
    const all = await byCompany(owner);
    expect([...all.keys()].sort()).toEqual([500, 501, 502, 503]);
    expect(all.get(500)).toMatchObject({
      status: "REINSTALLED",
      reinstalls: 1,
      companyName: "Acme",
      companyDomain: "acme",
    });
    expect(all.get(500)!.installer).toEqual({ name: "Ann Lee", email: "ann@acme.test" });
    // Still on Quote: installed, though it left Call.
    expect(all.get(501)).toMatchObject({ status: "INSTALLED", reinstalls: 0, apps: 2 });
    expect(all.get(502)).toMatchObject({ status: "UNINSTALLED", firstInstalledAt: null, tenureDays: null });
    // No name was sent: none is made up.
    expect(all.get(503)).toMatchObject({ companyName: null, installer: { name: null, email: null }, sources: ["API"] });
    const onCall = await byCompany(owner, { app: call });
    expect([...onCall.keys()]).toEqual([501]);
    expect(onCall.get(501)).toMatchObject({ status: "UNINSTALLED", tenureDays: 3 });
    expect([...(await byCompany(owner, { status: "reinstalled" })).keys()]).toEqual([500]);
    expect([...(await byCompany(owner, { status: "uninstalled" })).keys()]).toEqual([502]);
  });

  it("counts tenure from the current install, and a rebuild from the events gives the same rows", async () => {
    const before = await byCompany(owner);
    const figures = await customerFigures(owner, { days: null }, NOW);
    const timeline = async () => {
      const id = (await db.customer.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, companyId: 500 } }))
        .id;
      return (await getCustomer(owner, id, NOW)).timeline;
    };
    const story = await timeline();
    expect(before.get(500)!.tenureDays).toBe(160);
    rebuildApp(quote);
    rebuildApp(call);
    expect(await byCompany(owner)).toEqual(before);
    expect(await customerFigures(owner, { days: null }, NOW)).toEqual(figures);
    expect(await timeline()).toEqual(story);
    // A company's row written from its one app equals the sum of its app rows.
    const { resummarize } = await import("./ledger");
    const { sqlConnection } = await import("@/lib/db/sql");
    const ids = (await db.customer.findMany({ select: { id: true } })).map((c) => c.id);
    const rows = await db.customer.findMany({ orderBy: { id: "asc" } });
    resummarize(sqlConnection(), ids);
    expect(await db.customer.findMany({ orderBy: { id: "asc" } })).toEqual(rows);
  });

  it("searches names, emails, domains and ids; pages; and never shows another workspace's", async () => {
    expect([...(await byCompany(owner, { q: "ann@" })).keys()]).toEqual([500]);
    expect([...(await byCompany(owner, { q: "acm" })).keys()]).toEqual([500]);
    expect([...(await byCompany(owner, { q: "503" })).keys()]).toEqual([503]);
    expect([...(await byCompany(owner, { q: "%" })).keys()]).toEqual([]);
    expect([...(await byCompany(owner, { period: "30" })).keys()]).toEqual([503]);
    expect((await byCompany(other)).get(500)!.companyName).toBe("Acme elsewhere");
    await expect(
      listCustomers(owner, q({ app: (await db.app.findFirstOrThrow({ where: { name: "Elsewhere" } })).id })),
    ).rejects.toThrow(/not found/);
  });

  it("figures: reinstalls, time to uninstall and tenure", async () => {
    const all = await customerFigures(owner, { days: null }, NOW);
    expect(all.reinstalls).toBe(1);
    // Quote: 500 left after 12 days (both its users gone; it came back later); Call: 501 after 3 days. 502's start
    // is unknown, so it has no time kept.
    expect(all.timeToUninstall).toMatchObject({ count: 2, medianDays: 7.5 });
    const quoteOnly = await customerFigures(owner, { app: quote, days: null }, NOW);
    expect(quoteOnly.timeToUninstall).toMatchObject({ count: 1, medianDays: 12 });
    expect(quoteOnly.timeToUninstall.buckets.find((b) => b.label === "1–4 weeks")!.count).toBe(1);
    // In the last 30 days nothing left.
    expect((await customerFigures(owner, { days: 30 }, NOW)).timeToUninstall.count).toBe(0);
    expect(all.active).toBe(3);
    expect(all.tenure.find((b) => b.label === "Under a week")!.count).toBe(0);
    // 503 came 10 days ago; 500 came back 160 days ago; 501 has had Quote for 195 days.
    expect(all.tenure.find((b) => b.label === "1–4 weeks")!.count).toBe(1);
    expect(all.tenure.find((b) => b.label === "3–12 months")!.count).toBe(2);
    expect(all.tenure.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it("exports the filtered customers as formula-safe CSV", async () => {
    await db.customer.updateMany({
      where: { companyId: 501, workspaceId: owner.workspace.id },
      data: { companyName: '=HYPERLINK("x")' },
    });
    let csv = "";
    for await (const chunk of customersCsv(owner, q({}), NOW)) csv += chunk;
    expect(csv.split("\n")[0]).toMatch(/^company_id,company_name/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.trim().split("\n")).toHaveLength(5);
  });
});

describe("a customer's page", () => {
  it("tells its story across apps and finds the reviews probably its own", async () => {
    const id = (await db.customer.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, companyId: 500 } })).id;
    const detail = await getCustomer(owner, id, NOW);
    expect(detail.timeline.map((t) => `${t.kind}:${t.userId}`)).toEqual([
      "REINSTALL:1",
      "UNINSTALL:2",
      "UNINSTALL:1",
      "INSTALL:2",
      "INSTALL:1",
    ]);
    expect(detail.people.map((p) => p.userEmail)).toContain("ann@acme.test");
    expect(detail.reviews.map((r) => r.author)).toEqual(["ann lee"]);
    await expect(getCustomer(other, id)).rejects.toThrow(/not found/);
  });

  it("labels a timeline in time order whatever order it is read in", () => {
    const e = (type: string, day: string) => ({ type, appId: "a", userId: 1, occurredAt: day, source: "API" });
    const out = labelTimeline([e("INSTALL", "3"), e("INSTALL", "1"), e("UNINSTALL", "2"), e("INSTALL", "4")]);
    expect(out.sort((a, b) => a.index - b.index).map((l) => l.kind)).toEqual([
      "REINSTALL",
      "INSTALL",
      "UNINSTALL",
      "REAUTHORIZE",
    ]);
  });

  it("takes notes and tags from editors, audited, and refuses viewers and bad input", async () => {
    const id = (await db.customer.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, companyId: 500 } })).id;
    await addCustomerNote(owner, id, { body: "  Called them <b>today</b>\r\n" });
    await expect(addCustomerNote(owner, id, { body: "   " })).rejects.toThrow(/Write the note/);
    await expect(addCustomerNote(viewer, id, { body: "x" })).rejects.toThrow(/Viewers cannot/);
    expect(await setCustomerTags(owner, id, { tags: ["VIP", "vip", " churn risk "] })).toEqual(["vip", "churn risk"]);
    await expect(setCustomerTags(owner, id, { tags: ["x".repeat(41)] })).rejects.toThrow(/40 characters/);
    const detail = await getCustomer(owner, id, NOW);
    expect(detail.notes[0]!.body).toBe("Called them <b>today</b>");
    expect(detail.customer.tags).toEqual(["vip", "churn risk"]);
    const log = await db.auditEvent.findMany({ where: { workspaceId: owner.workspace.id, targetId: id } });
    expect(log.map((l) => l.action).sort()).toEqual(["customer.note", "customer.tags"]);
    expect(log.every((l) => l.targetName === "Company 500")).toBe(true);
  });

  it("erases the personal fields on an owner's request and keeps the counts", async () => {
    const id = (await db.customer.findFirstOrThrow({ where: { workspaceId: owner.workspace.id, companyId: 500 } })).id;
    await expect(eraseCustomer({ ...owner, role: "EDITOR" }, id, "500")).rejects.toThrow(/Only an owner/);
    await expect(eraseCustomer(owner, id, "5")).rejects.toThrow(/Type the company id 500/);
    await eraseCustomer(owner, id, "500");
    const detail = await getCustomer(owner, id, NOW);
    expect(detail.customer).toMatchObject({
      companyName: null,
      companyDomain: null,
      tags: [],
      status: "REINSTALLED",
      reinstalls: 1,
    });
    expect(detail.customer.erasedAt).not.toBeNull();
    expect(detail.notes).toEqual([]);
    expect(detail.people.every((p) => p.userName === null && p.userEmail === null)).toBe(true);
    expect(detail.reviews).toEqual([]);
    expect(detail.timeline).toHaveLength(5);
    // Another workspace's customer of the same company keeps its own data.
    expect((await byCompany(other)).get(500)!.companyName).toBe("Acme elsewhere");
    expect(await db.auditEvent.count({ where: { action: "customer.erase", targetId: id } })).toBe(1);
  });
});
