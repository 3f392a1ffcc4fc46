import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const { seedDemo } = await import("@/prisma/seed-data");
const review = await import("./service");
const { getDraft, saveDraft } = await import("@/lib/listing/drafts");
const { listVersions } = await import("@/lib/listing/versions");
const apps = await import("@/lib/apps/service");

let owner: Member;
let viewer: Member;
let ready: string; // QuoteFlow's listing passes every check
let incomplete: string; // Ledgerly Sync's draft has readiness errors

beforeAll(async () => {
  const { workspaceId } = await seedDemo(db, mkdtempSync(join(tmpdir(), "review-test-")));
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const alice = await db.user.findFirstOrThrow({ where: { pipedriveUserId: 101 } });
  owner = { user: { id: alice.id, name: alice.name, email: null, image: null }, workspace: { id: workspace.id, name: workspace.name, domain: workspace.domain, pipedriveCompanyId: workspace.pipedriveCompanyId }, role: "OWNER" };
  viewer = { ...owner, role: "VIEWER" };
  const byName = async (name: string) => (await db.app.findFirstOrThrow({ where: { name } })).id;
  const quoteFlow = await byName("QuoteFlow");
  // A fresh public app with QuoteFlow's complete listing, in Draft.
  ready = (await apps.createApp(owner, { name: "Walker", type: "PUBLIC", clientId: "w", callbackUrl: "https://walker.example.com/cb" })).id;
  const complete = (await getDraft(owner, quoteFlow)).data;
  await saveDraft(owner, ready, { revision: (await getDraft(owner, ready)).revision, data: { ...complete, appName: "Walker" } });
  incomplete = await byName("Ledgerly Sync");
});

describe("the status walk of a public app", () => {
  it("refuses submission while readiness has errors", async () => {
    const state = await review.reviewState(owner, incomplete);
    expect(state.readinessErrors).toBeGreaterThan(0);
    await expect(review.changeStatus(owner, incomplete, { transition: "submit" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("readiness") });
    expect((await review.reviewState(owner, incomplete)).status).toBe("DRAFT");
  });

  it("goes Draft → In review (with a version and the 21-day counter) → Rejected → In review → Approved → Published ⇄ Unpublished", async () => {
    await review.changeStatus(owner, ready, { transition: "submit", note: "First try" });
    let state = await review.reviewState(owner, ready);
    expect(state.status).toBe("IN_REVIEW");
    expect(state.review).toMatchObject({ elapsed: 0, window: 21 });
    expect((await listVersions(owner, ready))[0]).toMatchObject({ label: "Submitted for review", source: "SUBMISSION" });

    await expect(review.changeStatus(owner, ready, { transition: "reject" })).rejects.toMatchObject({ code: "VALIDATION", fields: { note: "Add the reviewer's reasons" } });
    await review.changeStatus(owner, ready, { transition: "reject", note: "Screenshots show customer data" });
    await review.changeStatus(owner, ready, { transition: "submit" });
    await review.changeStatus(owner, ready, { transition: "approve" });
    state = await review.reviewState(owner, ready);
    expect(state.status).toBe("UNPUBLISHED");
    expect(state.review).toBeNull();
    expect(state.pending.approvedVersion).toBe((await listVersions(owner, ready))[0]!.number);
    await review.changeStatus(owner, ready, { transition: "publish" });
    await review.changeStatus(owner, ready, { transition: "unpublish" });
    await review.changeStatus(owner, ready, { transition: "publish" });

    state = await review.reviewState(owner, ready);
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
    expect(state.timeline.at(-1)).toMatchObject({ note: "First try", actor: owner.user.name, versionNumber: expect.any(Number) });
    expect(state.timeline.find((e) => e.toStatus === "REJECTED")?.note).toBe("Screenshots show customer data");
  });

  it("refuses a change that is not possible from the current status", async () => {
    await expect(review.changeStatus(owner, ready, { transition: "approve" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(review.changeStatus(owner, ready, { transition: "teleport" })).rejects.toMatchObject({ issues: expect.any(Array) });
    await expect(review.changeStatus(viewer, ready, { transition: "unpublish" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("pending changes after approval", () => {
  it("opens when a critical field changes, is reviewed again and merged on approval", async () => {
    const draft = await getDraft(owner, ready);
    await saveDraft(owner, ready, { revision: draft.revision, data: { ...draft.data, summary: "A new summary goes live at once" } });
    expect((await review.reviewState(owner, ready)).pending.fields).toEqual([]);

    const again = await getDraft(owner, ready);
    await saveDraft(owner, ready, { revision: again.revision, data: { ...again.data, callbackUrl: "https://walker.example.com/oauth/v2" } });
    let state = await review.reviewState(owner, ready);
    expect(state.pending.fields).toEqual([{ field: "callbackUrl", label: "Callback URL" }]);
    expect(state.pending.actions).toEqual(["submit-changes"]);

    await review.actOnPendingChanges(owner, ready, { action: "submit-changes" });
    state = await review.reviewState(owner, ready);
    expect(state.pending).toMatchObject({ status: "IN_REVIEW", actions: ["approve-changes", "reject-changes"] });
    expect(state.review?.window).toBe(21);
    await expect(review.actOnPendingChanges(owner, ready, { action: "reject-changes" })).rejects.toMatchObject({ code: "VALIDATION" });
    await review.actOnPendingChanges(owner, ready, { action: "approve-changes" });
    state = await review.reviewState(owner, ready);
    expect(state.pending).toMatchObject({ fields: [], status: null, actions: [] });
    expect(state.status).toBe("PUBLISHED");
  });
});

describe("reviewer feedback", () => {
  it("is attached to a field and resolved", async () => {
    const feedback = await review.addFeedback(owner, ready, { field: "images", message: "Annotate the screenshots." });
    expect(feedback).toMatchObject({ field: "images", fieldLabel: "Listing images" });
    expect((await review.listOpenFeedback(owner, ready)).map((f) => f.id)).toContain(feedback.id);
    await expect(review.addFeedback(owner, ready, { field: "nope", message: "x" })).rejects.toMatchObject({ issues: expect.any(Array) });
    await expect(review.addFeedback(owner, ready, { field: "images", message: " " })).rejects.toMatchObject({ issues: expect.any(Array) });
    await expect(review.addFeedback(viewer, ready, { field: "images", message: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await review.resolveFeedback(owner, ready, feedback.id);
    expect(await review.listOpenFeedback(owner, ready)).toEqual([]);
  });

  it("the demo app in review counts business days and has open feedback", async () => {
    const callSprout = (await db.app.findFirstOrThrow({ where: { name: "CallSprout" } })).id;
    const state = await review.reviewState(owner, callSprout);
    expect(state.status).toBe("IN_REVIEW");
    expect(state.review?.elapsed).toBeGreaterThanOrEqual(4);
    expect(state.feedback).toHaveLength(1);
  });
});
