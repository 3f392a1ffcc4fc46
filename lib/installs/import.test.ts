import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";
import { checkImportRow } from "./import-rows";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { finishImport, importBatch } = await import("./import");

let member: Member;
let appId: string;

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 71, name: "Import" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 71, pipedriveUserId: 1, name: "Owner" } });
  member = {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 71 },
    role: "EDITOR",
  };
  appId = (
    await db.app.create({
      data: { workspaceId: w.id, name: "History", type: "PUBLIC", clientId: "c", callbackUrl: "https://x.example.com" },
    })
  ).id;
});

describe("checkImportRow", () => {
  it.each([
    [{ type: "Install ", company_id: "12", user_id: 3, occurred_at: "2025-01-01T00:00:00Z" }, null],
    [
      { type: "installs", company_id: "12", user_id: 3, occurred_at: "2025-01-01T00:00:00Z" },
      "type must be install_started, consent_denied, consent_granted, install or uninstall",
    ],
    [{ type: "install", company_id: "", user_id: 3, occurred_at: "2025-01-01T00:00:00Z" }, "company_id is required"],
    [
      { type: "install", company_id: "12", user_id: "0", occurred_at: "2025-01-01T00:00:00Z" },
      "user_id must be a positive whole number",
    ],
    [
      { type: "install", company_id: "12", user_id: 3, occurred_at: "01/01/2025" },
      "occurred_at must be an ISO 8601 date and time, e.g. 2025-03-14T09:30:00Z",
    ],
    [
      { type: "install", company_id: "12", user_id: 3, occurred_at: "2099-01-01T00:00:00Z" },
      "occurred_at is in the future",
    ],
  ])("%j → %s", (row, reason) => {
    const result = checkImportRow(row);
    expect(result.ok ? null : result.reason).toBe(reason);
  });
});

describe("importBatch", () => {
  const rows = [
    { type: "install", company_id: 1, user_id: 1, occurred_at: "2025-05-01T10:00:00Z", company_name: "Later Co" },
    { type: "uninstall", company_id: 1, user_id: 1, occurred_at: "2025-06-01T10:00:00Z" },
    { type: "install", company_id: 2, user_id: 2, occurred_at: "2025-01-01T10:00:00Z" },
    { type: "nonsense" },
  ];

  it("answers per row, numbered as in the file, and a second import changes nothing", async () => {
    expect(await importBatch(member, appId, { firstRow: 2, rows })).toEqual([
      { row: 2, status: "accepted" },
      { row: 3, status: "accepted" },
      { row: 4, status: "accepted" },
      {
        row: 5,
        status: "invalid",
        reason: "type must be install_started, consent_denied, consent_granted, install or uninstall",
      },
    ]);
    await finishImport(member, appId);
    const again = await importBatch(member, appId, { firstRow: 2, rows });
    expect(again.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate", "invalid"]);
    expect(await db.installEvent.count({ where: { appId } })).toBe(3);
    const days = await db.installDaily.findMany({ where: { appId }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day, d.activeEnd])).toEqual([
      ["2025-01-01", 1],
      ["2025-05-01", 2],
      ["2025-06-01", 1],
    ]);
  });

  it("refuses viewers, other workspaces and oversized batches", async () => {
    await expect(importBatch({ ...member, role: "VIEWER" }, appId, { firstRow: 2, rows })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      importBatch({ ...member, workspace: { ...member.workspace, id: "x" } }, appId, { firstRow: 2, rows }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importBatch(member, appId, { firstRow: 2, rows: Array(501).fill({}) })).rejects.toMatchObject({
      issues: expect.any(Array),
    });
  });
});
