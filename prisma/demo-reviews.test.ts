import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { serveDemoMarketplace } from "./demo-marketplace";
import { demoReviews } from "./demo-reviews";

setupTestDatabase();
const emulator = await serveDemoMarketplace();
const { db } = await import("@/lib/db");
const { seedDemo } = await import("./seed-data");
const { syncWorkspace } = await import("@/lib/sync/sync");
const { competitorSuggestions } = await import("@/lib/competitors/suggestions");
const { addCompetitor } = await import("@/lib/competitors/service");
afterAll(() => emulator.close());

describe("demo reviews", () => {
  it("seeds a believable history, and the demo's first sync finds the one new review and alerts", async () => {
    const { workspaceId } = await seedDemo(db, mkdtempSync(join(tmpdir(), "seed-")));
    const app = await db.app.findFirstOrThrow({ where: { name: "QuoteFlow" } });
    expect(await db.review.count({ where: { appId: app.id } })).toBe(demoReviews().length - 1);
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId: app.id }, orderBy: { takenAt: "asc" } });
    expect(snapshots.length).toBeGreaterThan(40);
    expect(snapshots.every((s) => s.average !== null && s.average >= 1 && s.average <= 5)).toBe(true);
    expect(await db.replyTemplate.count({ where: { workspaceId } })).toBe(3);

    const run = await syncWorkspace(workspaceId, "CLI");
    expect(run).toMatchObject({ status: "SUCCEEDED", added: 1, updated: 0, removed: 0 });
    expect(await db.ratingSnapshot.findFirstOrThrow({ where: { appId: app.id, runId: run.id } })).toMatchObject({
      installBand: "1,000+",
      votesUp: 64,
      votesDown: 5,
    });
    // The default rules: the 2-star review is one alert (named by "Low ratings"), a competitor's listing
    // changes another. A 2-star review moves nothing up.
    const alerts = await db.alert.findMany({ where: { appId: app.id }, orderBy: { type: "asc" } });
    const titles = alerts.map((a) => a.title);
    expect(titles.filter((t) => !t.includes(" moved from "))).toEqual([
      "DealDocs Quotes (a competitor of QuoteFlow) changed its summary and screenshots",
      "Low rating: 2 stars for QuoteFlow from Ben Carter",
    ]);
    // A move the low review causes can only be down a rating list (Trending follows installs).
    for (const t of titles.filter((t) => t.includes(" moved from ") && !t.endsWith("in Trending"))) {
      const [, from, to] = /moved from #(\d+) to #(\d+)/.exec(t)!;
      expect(Number(to), t).toBeGreaterThan(Number(from));
    }
    // A year of positions.
    expect(await db.rankSnapshot.count({ where: { appId: app.id, runId: null } })).toBe(5 * 365);
    expect(run.positionsError).toBeNull();
    expect(run.competitorsError).toBeNull();
    // Each competitor's new review reaches the feed; the 1-star one is a lead.
    const fresh = await db.competitorReview.findMany({
      where: { firstSeenAt: { gte: run.startedAt } },
      orderBy: { stars: "asc" },
    });
    expect(fresh.map((r) => [r.author, r.stars])).toEqual([
      ["Marc Olsen", 1],
      ["Tom Weiss", 4],
    ]);
    // DealDocs rewrote its summary and replaced a screenshot since the last read; PriceBook changed nothing.
    const changes = await db.competitorChange.findMany({
      where: { detectedAt: { gte: run.startedAt } },
      include: { competitor: { select: { name: true } } },
      orderBy: { field: "asc" },
    });
    expect(changes.map((c) => [c.competitor.name, c.field, c.before, c.after])).toEqual([
      ["DealDocs Quotes", "screenshots", "3 screenshots", "3 screenshots (1 replaced)"],
      [
        "DealDocs Quotes",
        "summary",
        "Quotes and e-signatures from your Pipedrive deals.",
        "Quotes, e-signatures and payments from your Pipedrive deals.",
      ],
    ]);
    // Suggested competitors: the first apps of QuoteFlow's categories, each with a page that can be followed.
    const owner = await db.membership.findFirstOrThrow({
      where: { workspaceId, role: "OWNER" },
      include: { user: true, workspace: true },
    });
    const member = { user: owner.user, workspace: owner.workspace, role: "OWNER" as const };
    const suggestions = await competitorSuggestions(member, app.id);
    expect(suggestions.length).toBeGreaterThanOrEqual(4);
    const followed = await addCompetitor(member, app.id, { url: suggestions[0]!.url }, { fetch: { attempts: 1 } });
    expect(followed.name).toBe(suggestions[0]!.name);
    // Today's read puts every list where yesterday's was, or lower (the new review has 2 stars).
    const today = await db.rankSnapshot.findMany({ where: { appId: app.id, runId: run.id } });
    expect(today).toHaveLength(5);
    for (const t of today) {
      const yesterday = await db.rankSnapshot.findFirstOrThrow({
        where: { appId: app.id, listKey: t.listKey, runId: null },
        orderBy: { day: "desc" },
      });
      if (t.listKey !== "trending") expect(t.rank!, t.listKey).toBeGreaterThanOrEqual(yesterday.rank!);
    }
  }, 60_000);
});
