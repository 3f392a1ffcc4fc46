import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";
import type { Member } from "@/lib/authz";

/**
 * The lists that grow with a partner (apps, members, sync runs, share links, the audit log, the
 * review inbox, the rating cards) are paged on the server: a page holds its page size whatever
 * the workspace holds, the figures around it count everything, and another workspace's rows
 * never show.
 */
setupTestDatabase();
const { db } = await import("@/lib/db");
const { APPS_PAGE, listApps, createApp } = await import("@/lib/apps/service");
const { listMembersPage, membersQuerySchema, MEMBERS_PAGE } = await import("@/lib/team/workspace");
const { listSyncRuns, historyQuerySchema, RUNS_PAGE, APPS_PER_RUN } = await import("@/lib/sync/history");
const { listShareLinks, SHARE_LINKS_PAGE, createShareLink, revokeShareLink } = await import("@/lib/share/service");
const { listAudit, auditQuerySchema, AUDIT_PAGE } = await import("@/lib/audit-trail/query");
const { listInbox, INBOX_PAGE_SIZE } = await import("@/lib/reviews/inbox");
const { inboxQuerySchema } = await import("@/lib/reviews/schema");
const { ratingSummaries, RATING_CARDS } = await import("@/lib/sync/ratings");

let owner: Member;
let other: Member;
const appIds: string[] = [];

beforeAll(async () => {
  owner = await createOwner(db, 501, "Olga Owner");
  other = await createOwner(db, 502, "Oscar Other");
  for (let i = 0; i < APPS_PAGE + 3; i++)
    appIds.push(
      (
        await createApp(owner, {
          name: `App ${String(i).padStart(2, "0")}`,
          type: "PUBLIC",
          clientId: `c${i}`,
          callbackUrl: "https://a.example.com/cb",
        })
      ).id,
    );
  await createApp(other, {
    name: "App of another workspace",
    type: "PUBLIC",
    clientId: "x",
    callbackUrl: "https://a.example.com/cb",
  });
  await db.app.updateMany({ where: { id: { in: appIds } }, data: { status: "PUBLISHED" } });
});

describe("apps", () => {
  it("a page of APPS_PAGE apps, most recently changed first, the total, and a search by name", async () => {
    const first = await listApps(owner);
    expect(first.apps).toHaveLength(APPS_PAGE);
    expect(first).toMatchObject({ total: APPS_PAGE + 3, pages: 2 });
    const second = await listApps(owner, { page: 2 });
    expect(second.apps).toHaveLength(3);
    expect(new Set([...first.apps, ...second.apps].map((a) => a.id))).toEqual(new Set(appIds));
    const found = await listApps(owner, { q: "App 1" });
    expect(found.apps.map((a) => a.name).sort()).toEqual(["App 10", "App 11", "App 12", "App 13", "App 14"]);
    expect((await listApps(owner, { q: "another" })).total).toBe(0);
    expect((await listApps(owner, { archived: true })).total).toBe(0);
  });
});

describe("members", () => {
  beforeAll(async () => {
    for (let i = 0; i < MEMBERS_PAGE + 5; i++) {
      const user = await db.user.create({
        data: { pipedriveCompanyId: 501, pipedriveUserId: 100 + i, name: `Member ${i}`, email: `m${i}@acme.test` },
      });
      await db.membership.create({
        data: {
          workspaceId: owner.workspace.id,
          userId: user.id,
          role: i % 2 ? "VIEWER" : "EDITOR",
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        },
      });
    }
  });

  it("pages the members oldest first, counts every role, finds by name or email and by role", async () => {
    const first = await listMembersPage(owner.workspace.id, membersQuerySchema.parse({}));
    expect(first.rows).toHaveLength(MEMBERS_PAGE);
    expect(first).toMatchObject({
      total: MEMBERS_PAGE + 6,
      pages: 2,
      byRole: { OWNER: 1, EDITOR: Math.ceil((MEMBERS_PAGE + 5) / 2), VIEWER: Math.floor((MEMBERS_PAGE + 5) / 2) },
    });
    expect((await listMembersPage(owner.workspace.id, membersQuerySchema.parse({ page: "2" }))).rows).toHaveLength(6);
    expect(
      (await listMembersPage(owner.workspace.id, membersQuerySchema.parse({ q: "m7@" }))).rows.map((r) => r.name),
    ).toEqual(["Member 7"]);
    const viewers = await listMembersPage(owner.workspace.id, membersQuerySchema.parse({ role: "VIEWER" }));
    expect(viewers.total).toBe(Math.floor((MEMBERS_PAGE + 5) / 2));
    expect(viewers.rows.every((r) => r.role === "VIEWER")).toBe(true);
    // Bad input is read as no filter, never an error.
    expect(membersQuerySchema.parse({ role: "ADMIN", page: "-3", q: "x".repeat(500) })).toEqual({
      role: "",
      page: 1,
      q: "",
    });
    expect((await listMembersPage(other.workspace.id, membersQuerySchema.parse({}))).total).toBe(1);
  });
});

describe("sync history", () => {
  let failedRun: string;
  beforeAll(async () => {
    for (let r = 0; r < RUNS_PAGE + 2; r++) {
      const run = await db.syncRun.create({
        data: {
          workspaceId: owner.workspace.id,
          trigger: "CRON",
          status: "SUCCEEDED",
          startedAt: new Date(Date.UTC(2026, 5, 1 + r)),
          appsTotal: appIds.length,
        },
      });
      for (const [a, appId] of appIds.entries()) {
        await db.syncRunApp.create({
          data: {
            runId: run.id,
            appId,
            url: "https://x.example/app",
            status: r === 0 && a === appIds.length - 1 ? "FAILED" : "SUCCEEDED",
            finishedAt: new Date(run.startedAt.getTime() + a * 1000),
          },
        });
      }
      if (r === 0) failedRun = run.id;
    }
    await db.syncRun.create({ data: { workspaceId: other.workspace.id, trigger: "CRON" } });
  });

  it("pages the runs newest first, each with its first results (failures first) and how many it has", async () => {
    const first = await listSyncRuns(owner.workspace.id, historyQuerySchema.parse({}));
    expect(first).toMatchObject({ total: RUNS_PAGE + 2, pages: 2 });
    expect(first.runs).toHaveLength(RUNS_PAGE);
    expect(first.runs[0]!.startedAt.getTime()).toBeGreaterThan(first.runs[1]!.startedAt.getTime());
    for (const run of first.runs) expect(run.apps).toHaveLength(APPS_PER_RUN);
    expect(first.runs[0]!._count.apps).toBe(appIds.length);
    const last = await listSyncRuns(owner.workspace.id, historyQuerySchema.parse({ page: "2" }));
    expect(last.runs).toHaveLength(2);
    // The oldest run had a failure among its last results: it comes first.
    expect(last.runs.at(-1)!.id).toBe(failedRun);
    expect(last.runs.at(-1)!.apps[0]!.status).toBe("FAILED");
  });

  it("one run with all its results, and nothing of another workspace's run", async () => {
    const one = await listSyncRuns(owner.workspace.id, historyQuerySchema.parse({ run: failedRun }));
    expect(one.runs).toHaveLength(1);
    expect(one.runs[0]!.apps).toHaveLength(appIds.length);
    const theirs = await db.syncRun.findFirstOrThrow({ where: { workspaceId: other.workspace.id } });
    expect((await listSyncRuns(owner.workspace.id, historyQuerySchema.parse({ run: theirs.id }))).runs).toEqual([]);
  });
});

describe("share links", () => {
  it("pages the links newest first, counts the ones that work now, and shows only those on demand", async () => {
    const appId = appIds[0]!;
    const made = [];
    for (let i = 0; i < SHARE_LINKS_PAGE + 4; i++)
      made.push((await createShareLink(owner, appId, { label: `Link ${i}`, target: "draft", expiresIn: "7" })).link);
    await revokeShareLink(owner, appId, made[0]!.id);
    await revokeShareLink(owner, appId, made[1]!.id);
    const first = await listShareLinks(owner, appId);
    expect(first).toMatchObject({
      total: SHARE_LINKS_PAGE + 4,
      active: SHARE_LINKS_PAGE + 2,
      pages: 2,
      page: 1,
      show: "all",
    });
    expect(first.links).toHaveLength(SHARE_LINKS_PAGE);
    const second = await listShareLinks(owner, appId, { page: 2 });
    expect(second.links.map((l) => l.label)).toEqual(["Link 3", "Link 2", "Link 1", "Link 0"]);
    expect(second.links.slice(2).map((l) => l.status)).toEqual(["revoked", "revoked"]);
    const working = await listShareLinks(owner, appId, { show: "active", page: 2 });
    expect(working.total).toBe(SHARE_LINKS_PAGE + 2);
    expect(working.links.map((l) => l.label)).toEqual(["Link 3", "Link 2"]);
    // Expired links are not "working now" either.
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect((await listShareLinks(owner, appId, { show: "active" }, later)).total).toBe(0);
    await expect(listShareLinks(other, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("audit log", () => {
  beforeAll(async () => {
    const rows = Array.from({ length: AUDIT_PAGE * 2 + 7 }, (_, i) => ({
      workspaceId: owner.workspace.id,
      actorId: i % 3 === 0 ? null : `actor-${i % 3}`,
      actorName: i % 3 === 0 ? "Pipedrive" : `Actor ${i % 3}${i > AUDIT_PAGE ? " (renamed)" : ""}`,
      action: ["listing.save", "share.create", "version.save"][i % 3]!,
      targetType: "app",
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    }));
    await db.auditEvent.createMany({ data: rows });
    await db.auditEvent.create({
      data: {
        workspaceId: other.workspace.id,
        actorId: "stranger",
        actorName: "Stranger",
        action: "app.delete",
        targetType: "app",
      },
    });
  });

  it("pages the log newest first; its filters list every action and actor once, with the actor's latest name", async () => {
    const log = await listAudit(owner, auditQuerySchema.parse({}));
    expect(log.rows).toHaveLength(AUDIT_PAGE);
    expect(log.total).toBeGreaterThanOrEqual(AUDIT_PAGE * 2 + 7);
    expect(log.actions.map((a) => a.code)).toEqual(
      expect.arrayContaining(["listing.save", "share.create", "version.save"]),
    );
    expect(log.actions.map((a) => a.code)).not.toContain("app.delete");
    expect(new Set(log.actions.map((a) => a.code)).size).toBe(log.actions.length);
    const actors = log.actors.filter((a) => a.id.startsWith("actor-"));
    expect(actors).toEqual([
      { id: "actor-1", name: "Actor 1 (renamed)" },
      { id: "actor-2", name: "Actor 2 (renamed)" },
    ]);
    expect(log.actors.map((a) => a.id)).not.toContain("stranger");
    expect(log.more).toBe(false);
    expect(log.next).toBe(true);
    // Past the last page there is no next one.
    const last = await listAudit(owner, auditQuerySchema.parse({ page: String(log.pages) }));
    expect(last.next).toBe(false);
    expect(last.rows.length).toBe(log.total - AUDIT_PAGE * (log.pages - 1));
    const byActor = await listAudit(owner, auditQuerySchema.parse({ actor: "actor-2", action: "version.save" }));
    expect(byActor.total).toBe(Math.floor((AUDIT_PAGE * 2 + 7) / 3));
    expect(byActor.rows.every((r) => r.code === "version.save")).toBe(true);
  });

  it("counts a long log up to its cap, says so, and still pages past it", async () => {
    const all = await listAudit(owner, auditQuerySchema.parse({}));
    const capped = await listAudit(owner, auditQuerySchema.parse({}), 10, 25);
    expect(capped).toMatchObject({ total: 25, more: true, pages: 3, next: true });
    expect(capped.rows.map((r) => r.id)).toEqual(all.rows.slice(0, 10).map((r) => r.id));
    // Page 4 is past the counted 25 entries, and still shows the log's next ten.
    const beyond = await listAudit(owner, auditQuerySchema.parse({ page: "4" }), 10, 25);
    expect(beyond.rows.map((r) => r.id)).toEqual(all.rows.slice(30, 40).map((r) => r.id));
    expect(beyond.next).toBe(true);
    // A filtered log under the cap is counted exactly.
    const byActor = await listAudit(
      owner,
      auditQuerySchema.parse({ actor: "actor-2", action: "version.save" }),
      10,
      40,
    );
    expect(byActor).toMatchObject({ total: Math.floor((AUDIT_PAGE * 2 + 7) / 3), more: false });
  });
});

describe("review inbox and rating cards", () => {
  const statuses = ["NEW", "NEEDS_REPLY", "REPLIED", "WONT_REPLY"];
  const reviews = Array.from({ length: INBOX_PAGE_SIZE * 3 }, (_, i) => ({
    i,
    appId: () => appIds[i % 4]!,
    stars: 1 + (i % 5),
    status: statuses[i % 4]!,
    removed: i === 4,
  }));
  const kept = reviews.filter((r) => !r.removed);
  beforeAll(async () => {
    await db.review.createMany({
      data: Array.from({ length: INBOX_PAGE_SIZE * 3 }, (_, i) => ({
        appId: appIds[i % 4]!,
        externalKey: `k${i}`,
        source: "SYNC",
        author: `Reviewer ${i}`,
        stars: 1 + (i % 5),
        reviewedAt: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000),
        text: `Review ${i}`,
        status: statuses[i % 4]!,
        removedAt: i === 4 ? new Date() : null,
      })),
    });
    // A later run whose read of app 9 failed (one result per app and run).
    const failedRun = await db.syncRun.create({
      data: { workspaceId: owner.workspace.id, trigger: "CRON", status: "PARTIAL", finishedAt: new Date() },
    });
    await db.syncRunApp.create({
      data: {
        runId: failedRun.id,
        appId: appIds[9]!,
        url: "https://x.example",
        status: "FAILED",
        error: "403",
        finishedAt: new Date(),
      },
    });
  });

  it("counts every status from the index, pages the open ones newest first, and counts a filtered view itself", async () => {
    const open = await listInbox(owner, inboxQuerySchema.parse({}));
    const expected = Object.fromEntries(statuses.map((s) => [s, kept.filter((r) => r.status === s).length])) as Record<
      string,
      number
    >;
    expect(open.counts).toEqual(expected);
    expect(open.total).toBe(expected.NEW! + expected.NEEDS_REPLY!);
    expect(open.rows).toHaveLength(INBOX_PAGE_SIZE);
    expect(open.rows.every((r) => r.status === "NEW" || r.status === "NEEDS_REPLY")).toBe(true);
    expect(open.rows[0]!.reviewedAt! > open.rows[1]!.reviewedAt!).toBe(true);
    expect((await listInbox(owner, inboxQuerySchema.parse({ status: "all" }))).total).toBe(INBOX_PAGE_SIZE * 3 - 1);
    expect((await listInbox(owner, inboxQuerySchema.parse({ status: "all", removed: "1" }))).total).toBe(
      INBOX_PAGE_SIZE * 3,
    );
    expect((await listInbox(owner, inboxQuerySchema.parse({ status: "all", app: appIds[1] }))).total).toBe(
      kept.filter((r) => r.appId() === appIds[1]).length,
    );
    expect((await listInbox(other, inboxQuerySchema.parse({ status: "all" }))).total).toBe(0);
  });

  it("shows RATING_CARDS rating cards, failed syncs first, and all of them on demand", async () => {
    const some = await ratingSummaries(owner);
    expect(some.total).toBe(appIds.length);
    expect(some.summaries).toHaveLength(RATING_CARDS);
    expect(some.summaries[0]!.app.id).toBe(appIds[9]);
    expect(some.summaries[0]!.lastSync?.status).toBe("FAILED");
    expect(some.summaries.slice(1).map((s) => s.app.name)).toEqual(["App 00", "App 01"]);
    const all = await ratingSummaries(owner, { limit: null });
    expect(all.summaries).toHaveLength(appIds.length);
    const ofApp = kept.filter((r) => r.appId() === appIds[1]);
    expect(all.summaries.find((s) => s.app.id === appIds[1])!.stars).toEqual(
      Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, ofApp.filter((r) => r.stars === n).length])),
    );
  });
});

describe("readiness on the apps grid", () => {
  it("follows every save of a draft although scores are remembered between visits", async () => {
    const { saveDraft, getDraft } = await import("@/lib/listing/drafts");
    const appId = appIds[0]!;
    const score = async () => (await listApps(owner, { q: "App 00" })).apps[0]!.readiness;
    const before = await score();
    expect(await score()).toBe(before);
    const { data, revision } = await getDraft(owner, appId);
    await saveDraft(owner, appId, {
      revision,
      data: {
        ...data,
        summary: "Quotes from any deal in two clicks.",
        description: "A **clear** description of what the app does for a sales team every day.",
      },
    });
    expect(await score()).toBeGreaterThan(before);
  });
});
