import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { seedDemo } = await import("@/prisma/seed-data");
const review = {
  ...(await import("./service")),
  ...(await import("./state")),
  ...(await import("./feedback")),
};
const { getDraft, saveDraft } = await import("@/lib/listing/drafts");
const { listVersions } = await import("@/lib/listing/versions");
const apps = await import("@/lib/apps/service");
const { longDay } = await import("./dates");

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

let owner: Member;
let viewer: Member;
let ready: string; // QuoteFlow's listing passes every check
let incomplete: string; // Ledgerly Sync's draft has readiness errors

beforeAll(async () => {
  const { workspaceId } = await seedDemo(db, mkdtempSync(join(tmpdir(), "review-test-")));
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const alice = await db.user.findFirstOrThrow({ where: { pipedriveUserId: 101 } });
  owner = {
    user: { id: alice.id, name: alice.name, email: null, image: null },
    workspace: {
      id: workspace.id,
      name: workspace.name,
      domain: workspace.domain,
      pipedriveCompanyId: workspace.pipedriveCompanyId,
    },
    role: "OWNER",
  };
  viewer = { ...owner, role: "VIEWER" };
  const byName = async (name: string) => (await db.app.findFirstOrThrow({ where: { name } })).id;
  const quoteFlow = await byName("QuoteFlow");
  // A fresh public app with QuoteFlow's complete listing, in Draft.
  ready = (
    await apps.createApp(owner, {
      name: "Walker",
      type: "PUBLIC",
      clientId: "w",
      callbackUrl: "https://walker.example.com/cb",
    })
  ).id;
  const complete = (await getDraft(owner, quoteFlow)).data;
  await saveDraft(owner, ready, {
    revision: (await getDraft(owner, ready)).revision,
    data: { ...complete, appName: "Walker" },
  });
  incomplete = await byName("Ledgerly Sync");
});

describe("the status walk of a public app", () => {
  it("refuses submission while readiness has errors", async () => {
    const state = await review.submissionState(owner, incomplete);
    expect(state.readinessErrors).toBeGreaterThan(0);
    await expect(review.changeStatus(owner, incomplete, { transition: "submit" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("readiness"),
    });
    expect((await review.submissionState(owner, incomplete)).status).toBe("DRAFT");
  });

  it("goes Draft → In review (with a version and the 21-day counter) → Rejected → In review → Approved → Published ⇄ Unpublished", async () => {
    const shareVersion = async () => (await db.app.findUniqueOrThrow({ where: { id: ready } })).shareVersion;
    const before = await shareVersion();
    await review.changeStatus(owner, ready, { transition: "submit", note: "First try" });
    // Share pages say whether the app is published: a status change renders them again.
    expect(await shareVersion()).toBeGreaterThan(before);
    // The rest of the team hears of it; the person who recorded it is not told of their own action.
    const told = await db.notification.findMany({
      where: { kind: "SUBMISSION", link: `/apps/${ready}/submission` },
      select: { userId: true },
    });
    expect(told.length).toBeGreaterThan(0);
    expect(told.map((n) => n.userId)).not.toContain(owner.user.id);
    let state = await review.submissionState(owner, ready);
    expect(state.status).toBe("IN_REVIEW");
    expect(state.review).toMatchObject({ elapsed: 0, window: 21 });
    expect((await listVersions(owner, ready))[0]).toMatchObject({
      label: `Submitted to Pipedrive on ${longDay(today())}`,
      source: "SUBMISSION",
    });

    await expect(review.changeStatus(owner, ready, { transition: "reject" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { note: "Add the reviewer's reasons" },
    });
    await review.changeStatus(owner, ready, { transition: "reject", note: "Screenshots show customer data" });
    await review.changeStatus(owner, ready, { transition: "submit" });
    await review.changeStatus(owner, ready, { transition: "approve" });
    state = await review.submissionState(owner, ready);
    expect(state.status).toBe("UNPUBLISHED");
    expect(state.review).toBeNull();
    expect(state.pending.approvedVersion).toBe((await listVersions(owner, ready))[0]!.number);
    await review.changeStatus(owner, ready, { transition: "publish" });
    await review.changeStatus(owner, ready, { transition: "unpublish" });
    await review.changeStatus(owner, ready, { transition: "publish" });

    state = await review.submissionState(owner, ready);
    expect(state.status).toBe("PUBLISHED");
    expect(state.timeline.map((e) => `${e.fromStatus}→${e.toStatus}`).reverse()).toEqual([
      "DRAFT→IN_REVIEW",
      "IN_REVIEW→REJECTED",
      "REJECTED→IN_REVIEW",
      "IN_REVIEW→UNPUBLISHED",
      "UNPUBLISHED→PUBLISHED",
      "PUBLISHED→UNPUBLISHED",
      "UNPUBLISHED→PUBLISHED",
    ]);
    expect(state.timeline.at(-1)).toMatchObject({
      note: "First try",
      actor: owner.user.name,
      versionNumber: expect.any(Number),
    });
    expect(state.timeline.find((e) => e.toStatus === "REJECTED")?.note).toBe("Screenshots show customer data");
  });

  it("refuses a change that is not possible from the current status", async () => {
    await expect(review.changeStatus(owner, ready, { transition: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(review.changeStatus(owner, ready, { transition: "teleport" })).rejects.toMatchObject({
      issues: expect.any(Array),
    });
    await expect(review.changeStatus(viewer, ready, { transition: "unpublish" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the days Pipedrive acted, as recorded", () => {
  let app: string;
  beforeAll(async () => {
    app = (
      await apps.createApp(owner, {
        name: "Dated",
        type: "PUBLIC",
        clientId: "dated",
        callbackUrl: "https://dated.example.com/cb",
      })
    ).id;
    const complete = (await getDraft(owner, ready)).data;
    await saveDraft(owner, app, {
      revision: (await getDraft(owner, app)).revision,
      data: { ...complete, appName: "Dated" },
    });
  });

  it("a submission recorded for an earlier day starts the business-day clock on that day", async () => {
    const submitted = daysAgo(14);
    await review.changeStatus(owner, app, { transition: "submit", date: submitted });
    const state = await review.submissionState(owner, app);
    expect(state.review!.startedAt).toBe(`${submitted}T00:00:00.000Z`);
    // 14 calendar days hold 10 business days (two full weeks).
    expect(state.review!.elapsed).toBe(10);
    expect(state.timeline[0]).toMatchObject({ occurredAt: `${submitted}T00:00:00.000Z` });
    expect(state.dates).toEqual({ today: today(), previous: submitted });
    expect((await listVersions(owner, app))[0]!.label).toBe(`Submitted to Pipedrive on ${longDay(submitted)}`);
  });

  it("while in review, the submitted listing stays frozen: edits go to the draft, not to the submitted version", async () => {
    const before = (await getDraft(owner, app)).data;
    const draft = await getDraft(owner, app);
    await saveDraft(owner, app, {
      revision: draft.revision,
      data: { ...draft.data, summary: "Edited after the submission" },
    });
    const frozen = await review.frozenSubmission(owner, app);
    expect(frozen).toMatchObject({
      kind: "listing",
      versionNumber: expect.any(Number),
      submittedOn: `${daysAgo(14)}T00:00:00.000Z`,
      elapsed: 10,
      window: 21,
    });
    expect(frozen!.data.summary).toBe(before.summary);
    expect((await getDraft(owner, app)).data.summary).toBe("Edited after the submission");
    expect(await review.frozenSubmission(owner, ready)).toBeNull();
  });

  it("refuses a day in the future and a day before the previous step, and records nothing then", async () => {
    const events = await db.appEvent.count({ where: { appId: app } });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await expect(review.changeStatus(owner, app, { transition: "approve", date: tomorrow })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { date: expect.stringContaining("Pipedrive cannot have acted in the future") },
    });
    await expect(review.changeStatus(owner, app, { transition: "approve", date: daysAgo(15) })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { date: `This step cannot come before the previous one, recorded on ${longDay(daysAgo(14))}` },
    });
    await expect(review.changeStatus(owner, app, { transition: "approve", date: "next week" })).rejects.toMatchObject({
      fields: { date: "Give the date as a calendar day, e.g. 2026-11-28" },
    });
    expect(await db.appEvent.count({ where: { appId: app } })).toBe(events);
    expect((await review.submissionState(owner, app)).status).toBe("IN_REVIEW");
  });

  it("the timeline follows the recorded days, whatever order they were recorded in", async () => {
    await review.changeStatus(owner, app, { transition: "approve", date: daysAgo(3) });
    await review.changeStatus(owner, app, { transition: "publish", date: daysAgo(3) });
    const state = await review.submissionState(owner, app);
    expect(state.timeline.map((e) => [e.toStatus, e.occurredAt.slice(0, 10)])).toEqual([
      ["PUBLISHED", daysAgo(3)],
      ["UNPUBLISHED", daysAgo(3)],
      ["IN_REVIEW", daysAgo(14)],
    ]);
    expect(state.review).toBeNull();
  });
});

describe("pending changes after approval", () => {
  it("opens when a critical field changes, is reviewed again and merged on approval", async () => {
    const draft = await getDraft(owner, ready);
    await saveDraft(owner, ready, {
      revision: draft.revision,
      data: { ...draft.data, summary: "A new summary goes live at once" },
    });
    expect((await review.submissionState(owner, ready)).pending.fields).toEqual([]);

    const again = await getDraft(owner, ready);
    await saveDraft(owner, ready, {
      revision: again.revision,
      data: { ...again.data, callbackUrl: "https://walker.example.com/oauth/v2" },
    });
    let state = await review.submissionState(owner, ready);
    expect(state.pending.fields).toEqual([{ field: "callbackUrl", label: "Callback URL" }]);
    expect(state.pending.actions).toEqual(["submit-changes"]);

    await review.actOnPendingChanges(owner, ready, { action: "submit-changes" });
    state = await review.submissionState(owner, ready);
    expect(state.pending).toMatchObject({ status: "IN_REVIEW", actions: ["approve-changes", "reject-changes"] });
    expect(state.review?.window).toBe(21);
    await expect(review.actOnPendingChanges(owner, ready, { action: "reject-changes" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await review.actOnPendingChanges(owner, ready, { action: "approve-changes" });
    state = await review.submissionState(owner, ready);
    expect(state.pending).toMatchObject({ fields: [], status: null, actions: [] });
    expect(state.status).toBe("PUBLISHED");
  });
});

describe("reviewer feedback", () => {
  it("is attached to a field and resolved", async () => {
    const feedback = await review.addFeedback(owner, ready, { field: "images", message: "Annotate the screenshots." });
    expect(feedback).toMatchObject({ field: "images", fieldLabel: "Listing images" });
    expect((await review.listOpenFeedback(owner, ready)).map((f) => f.id)).toContain(feedback.id);
    await expect(review.addFeedback(owner, ready, { field: "nope", message: "x" })).rejects.toMatchObject({
      issues: expect.any(Array),
    });
    await expect(review.addFeedback(owner, ready, { field: "images", message: " " })).rejects.toMatchObject({
      issues: expect.any(Array),
    });
    await expect(review.addFeedback(viewer, ready, { field: "images", message: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await review.resolveFeedback(owner, ready, feedback.id);
    expect(await review.listOpenFeedback(owner, ready)).toEqual([]);
  });

  it("the demo app in review counts business days and has open feedback", async () => {
    const callSprout = (await db.app.findFirstOrThrow({ where: { name: "CallSprout" } })).id;
    const state = await review.submissionState(owner, callSprout);
    expect(state.status).toBe("IN_REVIEW");
    expect(state.review?.elapsed).toBeGreaterThanOrEqual(4);
    expect(state.feedback).toHaveLength(1);
  });
});
