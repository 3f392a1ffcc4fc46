import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { homeView } = await import("./overview");

const DAY = 86_400_000;
const now = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
let owner: Member;
let stranger: Member;
let published: string;
let inReview: string;

beforeAll(async () => {
  owner = await createOwner(db, 61, "Hana");
  stranger = await createOwner(db, 62, "Stan");
  const create = (name: string, type: "PUBLIC" | "API_TOKEN" = "PUBLIC") =>
    apps.createApp(owner, { name, type, clientId: `${name}-id`, callbackUrl: "https://x.example.com/cb" });
  published = (await create("Pub")).id;
  inReview = (await create("Rev")).id;
  await create("Token", "API_TOKEN");
  await db.app.update({ where: { id: published }, data: { status: "PUBLISHED" } });
  // In review for 30 business days: past Pipedrive's 21.
  await db.app.update({ where: { id: inReview }, data: { status: "IN_REVIEW", reviewStartedAt: ago(45) } });
  const install = (company: number, daysAgo: number, type: "INSTALL" | "UNINSTALL" = "INSTALL") => ({
    dedupeKey: `${type}-${company}-${daysAgo}`,
    type,
    companyId: company,
    userId: 1,
    occurredAt: ago(daysAgo),
    source: "API" as const,
  });
  ingestEvents(published, [install(1, 40), install(2, 10), install(3, 5), install(1, 2, "UNINSTALL")]);
  await db.ratingSnapshot.create({ data: { appId: published, takenAt: ago(1), average: 4.5, reviewCount: 2 } });
  await db.review.createMany({
    data: [
      {
        appId: published,
        externalKey: "a",
        source: "SYNC",
        author: "A",
        stars: 5,
        text: "",
        status: "REPLIED",
        firstSeenAt: ago(20),
      },
      {
        appId: published,
        externalKey: "b",
        source: "SYNC",
        author: "B",
        stars: 4,
        text: "",
        status: "NEW",
        firstSeenAt: ago(1),
      },
    ],
  });
  for (const [day, rank] of [
    ["2026-06-13", 9],
    ["2026-06-14", 5],
  ] as const)
    await db.rankSnapshot.create({
      data: {
        appId: published,
        listKind: "COLLECTION",
        listKey: "top-rated",
        listName: "Top rated",
        day,
        rank,
        listSize: 30,
      },
    });
  await db.reviewFeedback.create({ data: { appId: inReview, field: "summary", message: "Shorter, please" } });
});

describe("the home", () => {
  it("shows each app's figures, read as the pages that explain them read them, and adds them up", async () => {
    const { apps: page } = await apps.listApps(owner);
    const { figures, totals } = await homeView(owner, page, ago(3), now);
    const pub = figures.find((f) => f.app.id === published)!;
    expect(pub.installs).toMatchObject({ current: 2, previous: 1 });
    expect(pub.uninstalls).toMatchObject({ current: 1, previous: 0 });
    expect(pub.active).toBe(2);
    expect(pub.rating).toEqual({ average: 4.5, reviewCount: 2, newSinceVisit: 1 });
    expect(pub.position).toMatchObject({ list: "Top rated", rank: 5, move: 4 });
    expect(pub.attention.map((a) => a.text)).toEqual(["1 review waits for a reply"]);

    const rev = figures.find((f) => f.app.id === inReview)!;
    expect(rev.review).toMatchObject({ window: 21 });
    expect(rev.review!.elapsed).toBeGreaterThan(21);
    expect(rev.rating).toBeNull();
    expect(rev.attention.map((a) => a.key)).toEqual(["feedback", "clock"]);
    // An API-token integration has installs only.
    const token = figures.find((f) => f.app.name === "Token")!;
    expect([token.rating, token.position, token.readiness]).toEqual([null, null, null]);

    expect(totals).toMatchObject({ active: 2, rating: 4.5, reviews: 2, newReviews: 1, attention: 3 });
    expect(totals.installs).toMatchObject({ current: 2, previous: 1 });
  });

  it("says what needs someone: a refused client secret, a failed sync with its fix", async () => {
    await db.app.update({ where: { id: published }, data: { clientRejectedAt: ago(1) } });
    const run = await db.syncRun.create({ data: { workspaceId: owner.workspace.id, trigger: "CLI" } });
    const { failureReport } = await import("@/lib/sync/report");
    const report = failureReport("The app has no client ID in Listing Studio yet", "no-client-id");
    await db.syncRunApp.create({
      data: {
        runId: run.id,
        appId: published,
        url: "",
        status: "FAILED",
        error: report.summary,
        report: JSON.stringify(report),
        finishedAt: now,
      },
    });
    const { apps: page } = await apps.listApps(owner);
    const { figures, totals } = await homeView(owner, page, null, now);
    const pub = figures.find((f) => f.app.id === published)!;
    expect(pub.attention.map((a) => [a.key, a.href])).toEqual([
      ["client", `/apps/${published}/settings`],
      ["sync", `/apps/${published}/settings#client`],
      ["reviews", `/reviews?app=${published}`],
    ]);
    expect(totals.attention).toBe(5);
  });

  it("shows nothing of another workspace's apps", async () => {
    const { apps: page } = await apps.listApps(owner);
    const { figures, totals } = await homeView(stranger, page, null, now);
    expect(figures).toEqual([]);
    expect(totals).toMatchObject({ active: 0, reviews: 0, attention: 0 });
  });
});
