import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { appPositions, positionChart, positionsView } = await import("./history");

let owner: Member;
let appId: string;
const snap = (day: string, listKey: string, rank: number | null, listName = "Top rated", listKind = "COLLECTION") =>
  db.rankSnapshot.create({ data: { appId, listKind, listKey, listName, day, rank, listSize: 40 } });

beforeAll(async () => {
  owner = await createOwner(db, 611);
  appId = (
    await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Ranked",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "r1",
        callbackUrl: "https://r.example.com/cb",
      },
    })
  ).id;
  await snap("2026-03-01", "top-rated", 9);
  await snap("2026-03-02", "top-rated", 9);
  await snap("2026-03-03", "top-rated", 4);
  await snap("2026-03-09", "top-rated", null);
  await snap("2026-03-02", "sales-tools", 3, "Sales tools", "CATEGORY");
  await snap("2026-03-10", "sales-tools", 2, "Sales tools", "CATEGORY");
});

describe("an app's positions", () => {
  it("lists collections first, each with its current and best place, and every move newest first", async () => {
    const p = await appPositions(owner, appId, { from: "2026-03-02", to: "2026-03-31" });
    expect(p.lists.map((l) => [l.name, l.current, l.best])).toEqual([
      ["Top rated", null, { rank: 4, day: "2026-03-03" }],
      ["Sales tools", 2, { rank: 2, day: "2026-03-10" }],
    ]);
    // The day before the range counts for a move on its first day (9 → 9: none).
    expect(p.events.map((e) => e.text)).toEqual([
      "moved from #3 to #2 in Sales tools",
      "left Top rated (was #4)",
      "moved from #9 to #4 in Top rated",
    ]);
  });

  it("charts one line per list, the last place read in each bucket, gaps where nothing was read", async () => {
    const p = await appPositions(owner, appId, { from: "2026-03-02", to: "2026-03-15" });
    const { rows, series } = positionChart(p.lists, { from: "2026-03-02", to: "2026-03-15" }, "week");
    expect(series.map((s) => [s.label, s.format])).toEqual([
      ["Top rated", "rank"],
      ["Sales tools", "rank"],
    ]);
    expect(rows).toEqual([
      { label: "Week of 2 Mar", "COLLECTION:top-rated": 4, "CATEGORY:sales-tools": 3 },
      { label: "Week of 9 Mar", "COLLECTION:top-rated": null, "CATEGORY:sales-tools": 2 },
    ]);
  });

  it("a sync's new or rewritten rows are seen at once (what was worked out is kept only until they change)", async () => {
    const range = { from: "2026-03-02", to: "2026-03-31" };
    expect((await appPositions(owner, appId, range)).lists[1]!.current).toBe(2);
    const row = await snap("2026-03-11", "sales-tools", 1, "Sales tools", "CATEGORY");
    expect((await appPositions(owner, appId, range)).lists[1]!.current).toBe(1);
    // A second sync the same day rewrites the day's row.
    await db.rankSnapshot.update({ where: { id: row.id }, data: { rank: 5, takenAt: new Date(Date.now() + 60_000) } });
    const again = await appPositions(owner, appId, range);
    expect(again.lists[1]!.current).toBe(5);
    expect(again.events[0]!.text).toBe("moved from #2 to #5 in Sales tools");
    await db.rankSnapshot.delete({ where: { id: row.id } });
  });

  it("another workspace's app is not found", async () => {
    const stranger = await createOwner(db, 612);
    await expect(positionsView(stranger, appId, "90d")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
