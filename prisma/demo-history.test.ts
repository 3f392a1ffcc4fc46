import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { listScore } from "./demo-history";
import { serveDemoMarketplace } from "./demo-marketplace";

/**
 * The demo's figures agree with each other and with what the emulator serves: the invariants a partner
 * would check by reading every page.
 */
setupTestDatabase();
const emulator = await serveDemoMarketplace();
const { db } = await import("@/lib/db");
const { seedDemo } = await import("./seed-data");
const { syncWorkspace } = await import("@/lib/sync/sync");
afterAll(() => emulator.close());

let workspaceId: string;
const mean1 = (stars: number[]) => Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10;

beforeAll(async () => {
  ({ workspaceId } = await seedDemo(db, mkdtempSync(join(tmpdir(), "seed-"))));
}, 60_000);

describe("the demo's one history", () => {
  it("has no install before an app's publication, and none for an app never published", async () => {
    const apps = await db.app.findMany({ where: { workspaceId } });
    for (const app of apps) {
      const published = await db.appEvent.findFirst({
        where: { appId: app.id, toStatus: "PUBLISHED" },
        orderBy: { occurredAt: "asc" },
      });
      const first = await db.installEvent.findFirst({ where: { appId: app.id }, orderBy: { occurredAt: "asc" } });
      const installs = await db.installation.count({ where: { appId: app.id } });
      if (!published) {
        expect([app.name, installs, first]).toEqual([app.name, 0, null]);
        continue;
      }
      expect(installs, app.name).toBeGreaterThan(0);
      expect(first!.occurredAt.getTime(), app.name).toBeGreaterThanOrEqual(published.occurredAt.getTime());
      // Reviews, ratings and positions start after publication too.
      const review = await db.review.findFirst({ where: { appId: app.id }, orderBy: { reviewedAt: "asc" } });
      expect(review!.reviewedAt!.getTime()).toBeGreaterThan(published.occurredAt.getTime());
      const rank = await db.rankSnapshot.findFirst({ where: { appId: app.id }, orderBy: { day: "asc" } });
      expect(Date.parse(`${rank!.day}T23:59:59Z`)).toBeGreaterThan(published.occurredAt.getTime());
    }
  });

  it("counts the same customers as the installations and the rollups: active, gone and back", async () => {
    const quoteflow = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const active = await db.installation.count({ where: { appId: quoteflow.id, uninstalledAt: null } });
    const lastDay = await db.installDaily.findFirstOrThrow({
      where: { appId: quoteflow.id },
      orderBy: { day: "desc" },
    });
    const customers = await db.customer.aggregate({
      where: { workspaceId },
      _sum: { activeInstalls: true, reinstalls: true },
    });
    expect(customers._sum.activeInstalls).toBe(active);
    expect(lastDay.activeEnd).toBe(active);
    // The customers' rollup: companies with the app at the end of the last day, and by the day their tenure began.
    const withApp = await db.customerApp.count({ where: { appId: quoteflow.id, activeInstalls: { gt: 0 } } });
    expect(lastDay.customersEnd).toBe(withApp);
    const open = await db.installDaily.aggregate({ where: { appId: quoteflow.id }, _sum: { openStarts: true } });
    expect(open._sum.openStarts).toBe(withApp);
    // Some companies that left came back: each is a reinstall, and an install event after its uninstall.
    expect(customers._sum.reinstalls).toBeGreaterThan(0);
    const back = await db.customer.findMany({ where: { workspaceId, reinstalls: { gt: 0 } }, take: 5 });
    for (const c of back) {
      const events = await db.installEvent.findMany({
        where: { appId: quoteflow.id, companyId: c.companyId, type: { in: ["INSTALL", "UNINSTALL"] } },
        orderBy: { occurredAt: "asc" },
      });
      expect(events.map((e) => e.type).join(" "), String(c.companyId)).toMatch(/UNINSTALL INSTALL/);
    }
    // Every installing company is a customer, once.
    const companies = await db.installation.groupBy({ by: ["companyId"], where: { appId: quoteflow.id } });
    expect(await db.customer.count({ where: { workspaceId } })).toBe(companies.length);
  });

  it("rates each day with the mean of the reviews stored by then", async () => {
    const app = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const reviews = await db.review.findMany({ where: { appId: app.id }, orderBy: { reviewedAt: "asc" } });
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId: app.id }, orderBy: { takenAt: "asc" } });
    expect(snapshots.length).toBeGreaterThan(300);
    for (const s of snapshots) {
      const posted = reviews.filter((r) => r.reviewedAt! <= s.takenAt).map((r) => r.stars);
      expect([s.takenAt.toISOString(), s.average, s.reviewCount]).toEqual([
        s.takenAt.toISOString(),
        mean1(posted),
        posted.length,
      ]);
    }
    // The latest rating is the mean of every stored review.
    expect(snapshots.at(-1)!.average).toBe(mean1(reviews.map((r) => r.stars)));
  });

  it("places QuoteFlow and its rivals in Top rated by their ratings, day by day", async () => {
    const app = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId: app.id } });
    const ourScore = (day: string) => {
      const s = snapshots.filter((x) => x.takenAt.toISOString() <= `${day}T06:00:00.000Z`).at(-1);
      return s ? listScore(s.average, s.reviewCount ?? 0) : 0;
    };
    const ours = await db.rankSnapshot.findMany({ where: { appId: app.id, listKey: "top-rated" } });
    const competitors = await db.competitor.findMany({ where: { appId: app.id } });
    for (const c of competitors) {
      const theirs = new Map(
        (await db.rankSnapshot.findMany({ where: { competitorId: c.id, listKey: "top-rated" } })).map((r) => [
          r.day,
          r.rank,
        ]),
      );
      const figures = new Map(
        (await db.competitorSnapshot.findMany({ where: { competitorId: c.id } })).map((s) => [s.day, s]),
      );
      let compared = 0;
      for (const o of ours) {
        const f = figures.get(o.day);
        if (!f || !theirs.has(o.day)) continue;
        const mine = ourScore(o.day);
        const theirsScore = listScore(f.average, f.reviewCount ?? 0);
        if (Math.abs(mine - theirsScore) < 1e-9) continue;
        // The better score holds the better place, on every day both were read.
        expect(mine > theirsScore, `${o.day} ${c.name}`).toBe(o.rank! < theirs.get(o.day)!);
        compared++;
      }
      expect(compared).toBeGreaterThan(300);
    }
  });

  it("a category place never improves on a day the rating score fell", async () => {
    const app = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const snapshots = await db.ratingSnapshot.findMany({ where: { appId: app.id }, orderBy: { takenAt: "asc" } });
    const scoreOn = (day: string) => {
      const s = snapshots.filter((x) => x.takenAt.toISOString() <= `${day}T06:00:00.000Z`).at(-1);
      return s ? listScore(s.average, s.reviewCount ?? 0) : 0;
    };
    for (const key of ["proposals-quotes", "document-management"]) {
      const ranks = await db.rankSnapshot.findMany({ where: { appId: app.id, listKey: key }, orderBy: { day: "asc" } });
      for (let i = 1; i < ranks.length; i++) {
        const [a, b] = [ranks[i - 1]!, ranks[i]!];
        if (scoreOn(b.day) < scoreOn(a.day)) expect(b.rank!, `${key} ${b.day}`).toBeGreaterThanOrEqual(a.rank!);
        if (scoreOn(b.day) > scoreOn(a.day)) expect(b.rank!, `${key} ${b.day}`).toBeLessThanOrEqual(a.rank!);
      }
    }
  });

  it("the first sync continues every figure: one review more for each rival, the same rating to a tenth", async () => {
    const competitors = await db.competitor.findMany({ where: { workspaceId } });
    const before = new Map(
      await Promise.all(
        competitors.map(
          async (c) =>
            [
              c.id,
              await db.competitorSnapshot.findFirstOrThrow({
                where: { competitorId: c.id },
                orderBy: { takenAt: "desc" },
              }),
            ] as const,
        ),
      ),
    );
    const app = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const ours = await db.ratingSnapshot.findFirstOrThrow({ where: { appId: app.id }, orderBy: { takenAt: "desc" } });
    const run = await syncWorkspace(workspaceId, "CLI");
    expect(run.status).toBe("SUCCEEDED");
    for (const c of competitors) {
      const after = await db.competitorSnapshot.findFirstOrThrow({
        where: { competitorId: c.id },
        orderBy: { takenAt: "desc" },
      });
      const was = before.get(c.id)!;
      expect(after.reviewCount, c.name).toBe(was.reviewCount! + 1);
      expect(Math.abs(after.average! - was.average!), c.name).toBeLessThanOrEqual(0.1);
    }
    const read = await db.ratingSnapshot.findFirstOrThrow({ where: { appId: app.id, runId: run.id } });
    expect(read.reviewCount).toBe(ours.reviewCount! + 1);
    const reviews = await db.review.findMany({ where: { appId: app.id, removedAt: null } });
    expect(read.average).toBe(mean1(reviews.map((r) => r.stars)));
    // No warning of an implausible drop: the figures go on from where the history left them.
    const result = await db.syncRunApp.findFirstOrThrow({ where: { runId: run.id } });
    expect(JSON.parse(result.report!).warnings ?? []).toEqual([]);
  }, 60_000);

  it("has a year of outreach that agrees with its installs, reviews and clicks", async () => {
    const app = await db.app.findFirstOrThrow({ where: { workspaceId, name: "QuoteFlow" } });
    const sends = await db.outreachSend.findMany({ where: { appId: app.id } });
    const requests = sends.filter((s) => s.kind === "REQUEST" && s.status === "SENT");
    const surveys = sends.filter((s) => s.kind === "SURVEY");
    expect(requests.length).toBeGreaterThan(100);
    // Each request went out on the 14th day of an install still in place then, once per company.
    const installRows = await db.installation.findMany({ where: { appId: app.id } });
    const installs = new Map(installRows.map((i) => [i.companyId, i]));
    expect(new Set(requests.map((r) => r.companyId)).size).toBe(requests.length);
    for (const r of requests) {
      const i = installs.get(r.companyId)!;
      expect(r.sentAt!.getTime() - i.installedAt.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000);
      expect(!i.uninstalledAt || i.uninstalledAt > r.sentAt!).toBe(true);
      expect(r.email).toBe(i.userEmail);
    }
    // A survey for each uninstall of the year; answers only to those.
    // The year the seed wrote (from its clock, not this test's: an uninstall on the edge stays in it).
    const { requestsSince } = await db.appOutreach.findUniqueOrThrow({ where: { appId: app.id } });
    const yearAgo = requestsSince!.getTime();
    // Every uninstall (a company that came back and left again left twice).
    const gone = installRows.filter((i) => i.uninstalledAt && i.uninstalledAt.getTime() >= yearAgo);
    expect(surveys.length).toBe(gone.length);
    const answers = await db.surveyAnswer.findMany({ where: { appId: app.id } });
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.every((a) => surveys.some((s) => s.id === a.sendId && a.answeredAt >= s.sentAt!))).toBe(true);
    // Reviews marked as from a request: by the app's matcher, after the request, each once.
    const attributed = requests.filter((r) => r.reviewId);
    expect(attributed.length).toBeGreaterThan(0);
    const { probablyBy } = await import("@/lib/outreach/attribution");
    for (const r of attributed) {
      const review = await db.review.findUniqueOrThrow({ where: { id: r.reviewId! } });
      expect(review.reviewedAt! >= r.sentAt!).toBe(true);
      expect(probablyBy(review.author, { name: r.name, company: null })).toBe(true);
    }
    // The review link counted every opened request on the day it was opened, and more from the product.
    const days = await db.reviewLinkDaily.findMany({ where: { appId: app.id } });
    expect(days.reduce((n, d) => n + d.fromEmail, 0)).toBe(requests.filter((r) => r.openedAt).length);
    expect(days.every((d) => d.clicks >= d.fromEmail)).toBe(true);
  });
});
