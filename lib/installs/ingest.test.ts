import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { IngestEvent } from "./types";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { ingestEvents, rebuildApp } = await import("./ingest");
const { sqlConnection } = await import("../db/sql");

let appId: string;
let otherAppId: string;

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 41, name: "Installs" } });
  const app = (name: string) =>
    db.app.create({
      data: { workspaceId: w.id, name, type: "PUBLIC", clientId: name, callbackUrl: "https://x.example.com/cb" },
    });
  appId = (await app("Counted")).id;
  otherAppId = (await app("Other")).id;
});

const at = (iso: string) => new Date(iso);
const ev = (key: string, type: IngestEvent["type"], companyId: number, userId: number, iso: string): IngestEvent => ({
  dedupeKey: key,
  type,
  companyId,
  userId,
  occurredAt: at(iso),
  scopes: type === "INSTALL" ? "base deals:read" : null,
  source: "API",
});

const days = (id: string) =>
  sqlConnection()
    .prepare(
      "SELECT day, installStarted, consentDenied, installs, uninstalls, activeEnd FROM InstallDaily WHERE appId = ? ORDER BY day",
    )
    .all(id) as { day: string; activeEnd: number }[];
const installations = (id: string) =>
  sqlConnection()
    .prepare(
      "SELECT companyId, userId, installedAt, uninstalledAt, scopes FROM Installation WHERE appId = ? ORDER BY companyId, userId",
    )
    .all(id);

describe("ingestEvents", () => {
  it("stores each event once and keeps installations and daily counts", async () => {
    expect(
      ingestEvents(appId, [
        ev("a", "INSTALL_STARTED", 1, 1, "2026-11-01T09:00:00Z"),
        ev("b", "INSTALL", 1, 1, "2026-11-01T09:01:00Z"),
        ev("c", "INSTALL_STARTED", 2, 5, "2026-11-01T10:00:00Z"),
        ev("d", "CONSENT_DENIED", 2, 5, "2026-11-01T10:01:00Z"),
        ev("b", "INSTALL", 1, 1, "2026-11-01T09:01:00Z"),
      ]),
    ).toEqual(["accepted", "accepted", "accepted", "accepted", "duplicate"]);
    ingestEvents(appId, [
      ev("e", "INSTALL", 3, 7, "2026-11-03T12:00:00Z"),
      ev("f", "UNINSTALL", 1, 1, "2026-11-04T08:00:00Z"),
      ev("f", "UNINSTALL", 1, 1, "2026-11-04T08:00:00Z"),
    ]);

    expect(days(appId)).toEqual([
      { day: "2026-11-01", installStarted: 2, consentDenied: 1, installs: 1, uninstalls: 0, activeEnd: 1 },
      { day: "2026-11-03", installStarted: 0, consentDenied: 0, installs: 1, uninstalls: 0, activeEnd: 2 },
      { day: "2026-11-04", installStarted: 0, consentDenied: 0, installs: 0, uninstalls: 1, activeEnd: 1 },
    ]);
    const rows = await db.installation.findMany({ where: { appId }, orderBy: { companyId: "asc" } });
    expect(
      rows.map((r) => [r.companyId, r.userId, r.installedAt.toISOString(), r.uninstalledAt?.toISOString() ?? null]),
    ).toEqual([
      [1, 1, "2026-11-01T09:01:00.000Z", "2026-11-04T08:00:00.000Z"],
      [3, 7, "2026-11-03T12:00:00.000Z", null],
    ]);
    expect(await db.installEvent.count({ where: { appId } })).toBe(6);
    expect(await db.installEvent.count({ where: { appId: otherAppId } })).toBe(0);
  });

  it("a reinstall after an uninstall is active again; an install of an active one only refreshes it", () => {
    ingestEvents(appId, [
      ev("g", "INSTALL", 1, 1, "2026-11-06T08:00:00Z"),
      ev("h", "INSTALL", 3, 7, "2026-11-06T09:00:00Z"),
    ]);
    expect(days(appId).at(-1)).toEqual({
      day: "2026-11-06",
      installStarted: 0,
      consentDenied: 0,
      installs: 2,
      uninstalls: 0,
      activeEnd: 2,
    });
    expect(installations(appId)).toEqual([
      {
        companyId: 1,
        userId: 1,
        installedAt: "2026-11-06T08:00:00.000+00:00",
        uninstalledAt: null,
        scopes: "base deals:read",
      },
      {
        companyId: 3,
        userId: 7,
        installedAt: "2026-11-03T12:00:00.000+00:00",
        uninstalledAt: null,
        scopes: "base deals:read",
      },
    ]);
  });

  it("an uninstall of an installation never seen is recorded without going below zero", () => {
    ingestEvents(appId, [ev("i", "UNINSTALL", 9, 9, "2026-11-07T08:00:00Z")]);
    expect(days(appId).at(-1)).toMatchObject({ day: "2026-11-07", uninstalls: 1, activeEnd: 2 });
  });

  it("a backdated event shifts the active count of every later day", () => {
    ingestEvents(appId, [ev("j", "INSTALL", 4, 4, "2026-11-02T08:00:00Z")]);
    expect(days(appId).map((d) => [d.day, d.activeEnd])).toEqual([
      ["2026-11-01", 1],
      ["2026-11-02", 2],
      ["2026-11-03", 3],
      ["2026-11-04", 2],
      ["2026-11-06", 3],
      ["2026-11-07", 3],
    ]);
  });
});

describe("one uninstall per installation lifecycle", () => {
  it("later uninstalls of the same installation are duplicates until it is installed again", () => {
    const w = 5; // a company of its own
    expect(ingestEvents(appId, [ev("lc-i1", "INSTALL", w, 1, "2026-11-10T09:00:00Z")])).toEqual(["accepted"]);
    expect(
      ingestEvents(appId, [
        ev("lc-u1", "UNINSTALL", w, 1, "2026-11-12T10:00:00Z"),
        ev("lc-u2", "UNINSTALL", w, 1, "2026-11-12T10:00:03Z"),
        ev("lc-u3", "UNINSTALL", w, 1, "2026-11-12T10:01:00Z"),
      ]),
    ).toEqual(["accepted", "duplicate", "duplicate"]);
    const uninstalls = () =>
      (
        sqlConnection()
          .prepare("SELECT COUNT(*) AS n FROM InstallEvent WHERE appId = ? AND companyId = ? AND type = 'UNINSTALL'")
          .get(appId, w) as { n: number }
      ).n;
    expect(uninstalls()).toBe(1);
    expect(days(appId).find((d) => d.day === "2026-11-12")).toMatchObject({ uninstalls: 1 });
    // A new lifecycle, a new uninstall.
    expect(
      ingestEvents(appId, [
        ev("lc-i2", "INSTALL", w, 1, "2026-11-15T09:00:00Z"),
        ev("lc-u4", "UNINSTALL", w, 1, "2026-11-16T09:00:00Z"),
        ev("lc-u5", "UNINSTALL", w, 1, "2026-11-16T09:00:10Z"),
      ]),
    ).toEqual(["accepted", "accepted", "duplicate"]);
    expect(uninstalls()).toBe(2);
  });
});

describe("rebuildApp", () => {
  it("equals what the events built as they arrived", () => {
    // A busy month, in time order, with repeats.
    const events: IngestEvent[] = [];
    let t = Date.parse("2026-10-01T00:00:00Z");
    for (let i = 0; i < 400; i++) {
      t += 37 * 60_000 * ((i % 7) + 1);
      const company = (i * 7919) % 23;
      const type = (["INSTALL_STARTED", "INSTALL", "INSTALL", "UNINSTALL", "CONSENT_DENIED"] as const)[(i * 31) % 5]!;
      events.push(ev(`r${i}`, type, company, company % 3, new Date(t).toISOString()));
    }
    for (let i = 0; i < events.length; i += 50)
      ingestEvents(otherAppId, [...events.slice(i, i + 50), ...events.slice(i, i + 5)]);
    const incremental = { days: days(otherAppId), installations: installations(otherAppId) };
    rebuildApp(otherAppId);
    expect({ days: days(otherAppId), installations: installations(otherAppId) }).toEqual(incremental);
    expect(incremental.days.length).toBeGreaterThan(20);
  });
});
