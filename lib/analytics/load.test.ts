import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import type { IngestEvent } from "@/lib/installs/types";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { loadAnalytics, monthOverview } = await import("./load");
const { analyticsQuerySchema } = await import("./query");
const { setWorkspaceTimeZone } = await import("./timezone");

let owner: Member;
let appId: string;
const now = Date.parse("2026-04-10T12:00:00Z");
const q = (raw: Record<string, string>) => analyticsQuerySchema.parse(raw);
const ev = (key: string, type: IngestEvent["type"], user: number, iso: string): IngestEvent => ({
  dedupeKey: key,
  type,
  companyId: user ? 1 : null,
  userId: user || null,
  occurredAt: new Date(iso),
  source: "GATEWAY",
});

beforeAll(async () => {
  const w = await db.workspace.create({
    data: { pipedriveCompanyId: 620, name: "Figures", timeZone: "Europe/Berlin" },
  });
  const u = await db.user.create({ data: { pipedriveCompanyId: 620, pipedriveUserId: 1, name: "Owner" } });
  await db.membership.create({ data: { workspaceId: w.id, userId: u.id, role: "OWNER" } });
  owner = {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 620 },
    role: "OWNER",
  };
  appId = (
    await db.app.create({
      data: {
        workspaceId: w.id,
        name: "Counted",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "c",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
  ingestEvents(appId, [
    ev("s1", "INSTALL_STARTED", 0, "2026-03-28T22:30:00Z"), // 28 Mar 23:30 in Berlin
    ev("g1", "CONSENT_GRANTED", 0, "2026-03-28T22:31:00Z"),
    ev("i1", "INSTALL", 11, "2026-03-28T23:30:00Z"), // 29 Mar 00:30 in Berlin (clocks go forward that night)
    ev("s2", "INSTALL_STARTED", 0, "2026-03-30T08:00:00Z"),
    ev("d2", "CONSENT_DENIED", 0, "2026-03-30T08:01:00Z"),
    ev("i2", "INSTALL", 12, "2026-03-30T09:00:00Z"),
    ev("u2", "UNINSTALL", 12, "2026-04-02T09:00:00Z"),
  ]);
});

describe("loadAnalytics", () => {
  it("buckets on the workspace's local days, fills gaps, carries the active count and compares periods", async () => {
    const a = await loadAnalytics(
      owner,
      q({ app: appId, range: "custom", from: "2026-03-28", to: "2026-04-03", bucket: "day" }),
      now,
    );
    expect(a.series.map((p) => [p.key, p.started, p.installs, p.uninstalls, p.activeEnd])).toEqual([
      ["2026-03-28", 1, 0, 0, 0],
      ["2026-03-29", 0, 1, 0, 1],
      ["2026-03-30", 1, 1, 0, 2],
      ["2026-03-31", 0, 0, 0, 2],
      ["2026-04-01", 0, 0, 0, 2],
      ["2026-04-02", 0, 0, 1, 1],
      ["2026-04-03", 0, 0, 0, 1],
    ]);
    expect(a.kpis.installs).toEqual({ current: 2, previous: 0, delta: 2, pct: null });
    expect(a.kpis.deniedRate.current).toBe(0.5);
    expect(a.funnel).toMatchObject({ started: 2, granted: 1, denied: 1, installed: 2, eligible: 0, retained: 0 });
    expect(a.range.previous).toEqual({ from: "2026-03-21", to: "2026-03-27" });
  });

  it("refuses another workspace's app", async () => {
    await expect(loadAnalytics(owner, q({ app: "not-mine" }), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a new time zone re-cuts past days: in UTC the first install is on 28 March", async () => {
    await expect(setWorkspaceTimeZone({ ...owner, role: "EDITOR" }, { timeZone: "UTC" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setWorkspaceTimeZone(owner, { timeZone: "Mars/Base" })).rejects.toMatchObject({ name: "ZodError" });
    expect(await setWorkspaceTimeZone(owner, { timeZone: "UTC" })).toEqual({ rebuilt: 1 });
    const a = await loadAnalytics(
      owner,
      q({ app: appId, range: "custom", from: "2026-03-28", to: "2026-03-29", bucket: "day" }),
      now,
    );
    expect(a.series.map((p) => [p.key, p.installs, p.activeEnd])).toEqual([
      ["2026-03-28", 1, 1],
      ["2026-03-29", 0, 1],
    ]);
  });

  it("the overview compares this month so far with the same days of last month", async () => {
    const o = await monthOverview(owner, now);
    expect([o.thisMonth, o.lastMonth]).toEqual([
      { from: "2026-04-01", to: "2026-04-10" },
      { from: "2026-03-01", to: "2026-03-10" },
    ]);
    expect(o.rows[0]).toMatchObject({
      name: "Counted",
      uninstalls: { current: 1, previous: 0 },
      active: { current: 1, previous: 0 },
    });
  });
});
