import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("./ingest");
const { installationQuerySchema, installationsCsv, listInstallations, INSTALLATIONS_PAGE_SIZE } =
  await import("./installations");

let member: Member;
let appId: string;
const q = (input: Record<string, unknown>) => installationQuerySchema.parse(input);

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 61, name: "Table" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 61, pipedriveUserId: 1, name: "Owner" } });
  member = {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 61 },
    role: "VIEWER",
  };
  appId = (
    await db.app.create({
      data: { workspaceId: w.id, name: "Listed", type: "PUBLIC", clientId: "c", callbackUrl: "https://x.example.com" },
    })
  ).id;
  const base = Date.parse("2026-01-01T00:00:00Z");
  ingestEvents(
    appId,
    Array.from({ length: 60 }, (_, i) => ({
      dedupeKey: `i${i}`,
      type: "INSTALL" as const,
      companyId: 1000 + i,
      userId: i,
      occurredAt: new Date(base + i * 86_400_000),
      source: i % 2 ? ("API" as const) : ("IMPORT" as const),
      companyName: i === 7 ? '=HYPERLINK("x"), "Evil" Inc' : `Company ${i}`,
    })),
  );
  ingestEvents(appId, [
    {
      dedupeKey: "u3",
      type: "UNINSTALL",
      companyId: 1003,
      userId: 3,
      occurredAt: new Date(base + 13 * 86_400_000),
      source: "API",
    },
  ]);
});

describe("listInstallations", () => {
  it("pages active installations, newest first", async () => {
    const first = await listInstallations(member, appId, q({}));
    expect(first).toMatchObject({ total: 59, active: 59, pages: 2 });
    expect(first.rows).toHaveLength(INSTALLATIONS_PAGE_SIZE);
    expect(first.rows[0]!.companyId).toBe(1059);
    expect((await listInstallations(member, appId, q({ page: "2" }))).rows).toHaveLength(9);
  });

  it("filters by status, source and search (name or id), and shows the lifetime", async () => {
    const gone = await listInstallations(member, appId, q({ status: "uninstalled" }));
    expect(gone.rows.map((r) => [r.companyId, r.lifetimeDays])).toEqual([[1003, 10]]);
    expect((await listInstallations(member, appId, q({ source: "IMPORT", status: "all" }))).total).toBe(30);
    expect((await listInstallations(member, appId, q({ q: "Company 4" }))).rows.map((r) => r.companyId).sort()).toEqual(
      [1004, 1040, 1041, 1042, 1043, 1044, 1045, 1046, 1047, 1048, 1049],
    );
    expect((await listInstallations(member, appId, q({ q: "1012" }))).rows.map((r) => r.companyId)).toEqual([1012]);
  });

  it("falls back to defaults for unknown filter values", () => {
    expect(q({ status: "nope", source: "x", page: "-3", q: 5 })).toEqual({
      q: "",
      status: "active",
      source: "all",
      page: 1,
    });
  });

  it("refuses another workspace", async () => {
    await expect(
      listInstallations({ ...member, workspace: { ...member.workspace, id: "other" } }, appId, q({})),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("installationsCsv", () => {
  it("exports every match with quoting and no formula injection", async () => {
    let csv = "";
    for await (const chunk of installationsCsv(member, appId, q({ status: "all" }))) csv += chunk;
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(61);
    expect(lines.find((l) => l.startsWith("1007,"))).toBe(
      `1007,"'=HYPERLINK(""x""), ""Evil"" Inc",7,,,API,2026-01-08T00:00:00.000Z,,${lines
        .find((l) => l.startsWith("1007,"))!
        .split(",")
        .at(-1)}`,
    );
  });
});
