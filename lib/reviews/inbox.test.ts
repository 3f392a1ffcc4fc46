import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
const { db } = await import("@/lib/db");
const inbox = await import("./inbox");
const { importReviews } = await import("./import-reviews");
const { inboxQuerySchema } = await import("./schema");
const { applyListing } = await import("./store");
const webhooks = await import("@/lib/alerts/webhooks");

let owner: Member;
let editor: Member;
let viewer: Member;
let stranger: Member;
let appId: string;

const q = (raw: Record<string, string> = {}) => inboxQuerySchema.parse(raw);

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 910, name: "Inbox" } });
  const other = await db.workspace.create({ data: { pipedriveCompanyId: 911, name: "Other" } });
  const person = async (name: string, workspaceId: string, role: Member["role"], id: number) => {
    const u = await db.user.create({ data: { pipedriveCompanyId: 910, pipedriveUserId: id, name } });
    await db.membership.create({ data: { workspaceId, userId: u.id, role } });
    const ws = workspaceId === w.id ? w : other;
    return {
      user: { id: u.id, name, email: null, image: null },
      workspace: { id: ws.id, name: ws.name, domain: null, pipedriveCompanyId: ws.pipedriveCompanyId },
      role,
    } satisfies Member;
  };
  owner = await person("Olga", w.id, "OWNER", 1);
  editor = await person("Ed", w.id, "EDITOR", 2);
  viewer = await person("Vi", w.id, "VIEWER", 3);
  stranger = await person("Sam", other.id, "OWNER", 4);
  appId = (
    await db.app.create({
      data: {
        workspaceId: w.id,
        name: "Beacon",
        type: "PUBLIC",
        status: "PUBLISHED",
        clientId: "b",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
  await applyListing(
    appId,
    {
      ratingAverage: 3,
      reviewCount: 3,
      installBand: null,
      reviews: [
        {
          externalId: "a",
          author: "Ann Lee",
          stars: 5,
          date: new Date("2026-11-01T10:00:00Z"),
          text: "Lovely tool",
          upvotes: 0,
          reply: null,
        },
        {
          externalId: "b",
          author: "Bo Chan",
          stars: 2,
          date: new Date("2026-11-05T10:00:00Z"),
          text: "Buggy export",
          upvotes: 1,
          reply: null,
        },
        {
          externalId: "c",
          author: "Cy Dorn",
          stars: 2,
          date: new Date("2026-11-09T10:00:00Z"),
          text: "Slow",
          upvotes: 0,
          reply: "We fixed it",
        },
      ],
    },
    null,
  );
});

const id = async (author: string) => (await db.review.findFirstOrThrow({ where: { author } })).id;

describe("the review inbox", () => {
  it("filters by status, stars, dates, text and app, only within the workspace", async () => {
    const authors = async (raw: Record<string, string>, member = owner) =>
      (await inbox.listInbox(member, q(raw))).rows.map((r) => r.author);
    expect(await authors({})).toEqual(["Bo Chan", "Ann Lee"]);
    expect(await authors({ status: "all" })).toEqual(["Cy Dorn", "Bo Chan", "Ann Lee"]);
    expect(await authors({ status: "all", stars: "low" })).toEqual(["Cy Dorn", "Bo Chan"]);
    expect(await authors({ status: "all", stars: "5" })).toEqual(["Ann Lee"]);
    expect(await authors({ status: "all", from: "2026-11-05", to: "2026-11-05" })).toEqual(["Bo Chan"]);
    expect(await authors({ status: "all", q: "export" })).toEqual(["Bo Chan"]);
    expect(await authors({ status: "all", app: "someone-elses" })).toEqual([]);
    expect(await authors({ status: "all" }, stranger)).toEqual([]);
  });

  it("assigns to teammates only, and refuses viewers and other workspaces", async () => {
    const bo = await id("Bo Chan");
    await inbox.updateReview(editor, bo, { assigneeId: editor.user.id, status: "NEEDS_REPLY" });
    expect((await inbox.listInbox(editor, q({ assignee: "me" }))).rows.map((r) => [r.author, r.status])).toEqual([
      ["Bo Chan", "NEEDS_REPLY"],
    ]);
    await expect(inbox.updateReview(editor, bo, { assigneeId: stranger.user.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { assigneeId: "Not a member of this workspace" },
    });
    await expect(inbox.updateReview(viewer, bo, { status: "WONT_REPLY" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(inbox.updateReview(stranger, bo, { status: "WONT_REPLY" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(inbox.updateReview(editor, bo, { status: "DONE" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(inbox.updateReview(editor, bo, { status: "REPLIED" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("keeps the reply, marks the review replied and measures the time to reply", async () => {
    const bo = await id("Bo Chan");
    await expect(inbox.markReplied(editor, bo, { replyText: "  " })).rejects.toMatchObject({ name: "ZodError" });
    await inbox.markReplied(editor, bo, { replyText: "Sorry Bo, fixed in 2.1" }, new Date("2026-11-06T10:00:00Z"));
    const listed = await inbox.listInbox(owner, q({ status: "REPLIED" }));
    expect(listed.rows.find((r) => r.author === "Bo Chan")).toMatchObject({
      replyText: "Sorry Bo, fixed in 2.1",
      repliedBy: "Ed",
      status: "REPLIED",
    });
    expect(listed.averageReplyMs).toBe(86_400_000);
    expect(listed.counts).toMatchObject({ NEW: 1, REPLIED: 2 });
  });

  it("adds manual reviews with field errors, and imports a file once", async () => {
    await expect(inbox.addManualReview(editor, { appId, author: "", stars: 9, reviewedAt: "x" })).rejects.toMatchObject(
      { name: "ZodError" },
    );
    await expect(
      inbox.addManualReview(stranger, { appId, author: "Z", stars: 3, reviewedAt: "2026-11-01" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await inbox.addManualReview(editor, { appId, author: "Dee", stars: 4, reviewedAt: "2026-11-10", text: "By phone" });
    const csv = "id,author,stars,date,text\nb,Bo Chan,2,2026-11-05,Buggy export\n,Eve Ray,3,2026-11-11,Okay\n";
    const dry = await importReviews(editor, appId, csv, "csv", true);
    expect([dry.added, dry.existing, dry.problemCount]).toEqual([1, 1, 0]);
    expect(await db.review.count({ where: { author: "Eve Ray" } })).toBe(0);
    expect((await importReviews(editor, appId, csv, "csv", false)).added).toBe(1);
    expect((await importReviews(editor, appId, csv, "csv", false)).added).toBe(0);
    await expect(importReviews(viewer, appId, csv, "csv", false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importReviews(editor, appId, "nope", "json", true)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "The file is not valid JSON",
    });
  });

  it("a review imported first is taken over by the sync that later finds it, not duplicated", async () => {
    await importReviews(editor, appId, "id,author,stars,date,text\nd,Finn Holt,4,2026-11-12,Neat\n", "csv", false);
    const page = (await db.review.findMany({ where: { appId, source: "SYNC" } })).map((r) => ({
      externalId: r.externalKey.slice(3),
      author: r.author,
      stars: r.stars,
      date: r.reviewedAt,
      text: r.text,
      upvotes: r.upvotes,
      reply: r.publicReply,
    }));
    const result = await applyListing(
      appId,
      {
        ratingAverage: 3.3,
        reviewCount: 4,
        installBand: null,
        reviews: [
          ...page,
          {
            externalId: "d",
            author: "Finn Holt",
            stars: 4,
            date: new Date("2026-11-12T00:00:00Z"),
            text: "Neat",
            upvotes: 2,
            reply: null,
          },
        ],
      },
      null,
    );
    expect([result.added.length, result.removed]).toEqual([0, 0]);
    expect(
      await db.review.findMany({ where: { author: "Finn Holt" }, select: { source: true, upvotes: true } }),
    ).toEqual([{ source: "SYNC", upvotes: 2 }]);
  });

  it("keeps template names unique per workspace", async () => {
    const { id: t } = await inbox.saveTemplate(editor, null, { name: "Thanks", body: "Thanks {{first_name}}" });
    await expect(inbox.saveTemplate(editor, null, { name: "Thanks", body: "x" })).rejects.toMatchObject({
      fields: { name: "A template with this name exists" },
    });
    await inbox.saveTemplate(editor, t, { name: "Thanks", body: "Thank you {{first_name}}" });
    await expect(inbox.saveTemplate(stranger, t, { name: "Mine", body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(inbox.deleteTemplate(viewer, t)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await inbox.listTemplates(stranger)).toEqual([]);
    await inbox.deleteTemplate(editor, t);
    expect(await inbox.listTemplates(owner)).toEqual([]);
  });

  it("lets only owners manage webhooks, shows the secret once and keeps it sealed", async () => {
    const input = {
      name: "Ops",
      url: "https://hooks.example.com/x",
      format: "JSON",
      events: ["NEW_REVIEW", "NEW_REVIEW"],
    };
    await expect(webhooks.createWebhook(editor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id: hook, secret } = await webhooks.createWebhook(owner, input);
    const row = await db.alertWebhook.findUniqueOrThrow({ where: { id: hook } });
    expect(row.events).toBe("NEW_REVIEW");
    expect(row.secret).not.toContain(secret);
    expect(JSON.stringify(await webhooks.listWebhooks(owner))).not.toContain(secret);
    await expect(webhooks.setWebhookEnabled(stranger, hook, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await webhooks.sendTestAlert(owner, hook);
    const [delivery] = await webhooks.deliveryLog(owner);
    expect(delivery).toMatchObject({ webhook: "Ops", title: "Test alert", status: "PENDING" });
    expect(await webhooks.deliveryLog(stranger)).toEqual([]);
    await expect(webhooks.resendDelivery(stranger, delivery!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await webhooks.deleteWebhook(owner, hook);
    expect(await webhooks.deliveryLog(owner)).toEqual([]);
  });
});
