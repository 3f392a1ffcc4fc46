import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";
import type { Role } from "@/lib/team/roles";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const share = await import("./service");
const { countShareView, flushShareViews } = await import("./views");
const { sharePage } = await import("./page");
const { lookUpShareLink } = await import("./lookup");
const { getDraft, saveDraft } = await import("@/lib/listing/drafts");
const { hashToken, newToken } = await import("@/lib/crypto/token");
const { saveVersion } = await import("@/lib/listing/versions");

let workspace: Member["workspace"];
const member = (role: Role, userId: string): Member => ({
  user: { id: userId, name: `${role} person`, email: null, image: null },
  workspace,
  role,
});
let owner: Member;
let viewer: Member;
let stranger: Member;
let appId: string;
let otherAppId: string;

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 11, name: "Acme" } });
  const other = await db.workspace.create({ data: { pipedriveCompanyId: 12, name: "Other" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 11, pipedriveUserId: 1, name: "Owner" } });
  const v = await db.user.create({ data: { pipedriveCompanyId: 11, pipedriveUserId: 2, name: "Viewer" } });
  workspace = { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 11 };
  owner = member("OWNER", u.id);
  viewer = member("VIEWER", v.id);
  stranger = { ...owner, workspace: { id: other.id, name: "Other", domain: null, pipedriveCompanyId: 12 } };
  const create = (name: string) =>
    apps.createApp(owner, { name, type: "PUBLIC", clientId: "c", callbackUrl: "https://a.example.com/cb" });
  appId = (await create("Shared App")).id;
  otherAppId = (await create("Second App")).id;
});

const page = (token: string, ifNoneMatch: string | null = null) =>
  sharePage({ method: "GET", token, ifNoneMatch, client: "203.0.113.9" });
const text = (body: Uint8Array | string | undefined) =>
  typeof body === "string" ? body : new TextDecoder().decode(body);

describe("creating share links", () => {
  it("returns a 256-bit token once and keeps only its hash", async () => {
    const { token, link } = await share.createShareLink(owner, appId, {
      label: "For Sam",
      target: "draft",
      expiresIn: "never",
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(link).toMatchObject({
      label: "For Sam",
      target: "Latest draft",
      status: "active",
      expiresAt: null,
      views: 0,
      createdBy: "OWNER person",
    });
  });

  it("expires after the chosen number of days", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const { link } = await share.createShareLink(owner, appId, { label: "Week", target: "draft", expiresIn: "7" }, now);
    expect(link.expiresAt).toBe("2026-12-05T12:00:00.000Z");
  });

  it("pins a version of the same app only", async () => {
    const version = await saveVersion(owner, appId, { label: "Sent to review" });
    const { link } = await share.createShareLink(owner, appId, {
      label: "Pinned",
      target: version.id,
      expiresIn: "30",
    });
    expect(link.target).toBe(`Version ${version.number} · Sent to review`);
    await expect(
      share.createShareLink(owner, otherAppId, { label: "Wrong", target: version.id, expiresIn: "30" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { target: "That version does not exist" },
    });
  });

  it.each([
    [{ label: "", target: "draft", expiresIn: "7" }, "label"],
    [{ label: "x".repeat(81), target: "draft", expiresIn: "7" }, "label"],
    [{ label: "ok", target: "draft", expiresIn: "14" }, "expiresIn"],
    [{ label: "ok", target: "", expiresIn: "7" }, "target"],
  ])("rejects bad input %j on %s", async (input, field) => {
    await expect(share.createShareLink(owner, appId, input)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: [field] })],
    });
  });

  it("refuses viewers and other workspaces", async () => {
    await expect(
      share.createShareLink(viewer, appId, { label: "x", target: "draft", expiresIn: "7" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      share.createShareLink(stranger, appId, { label: "x", target: "draft", expiresIn: "7" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(share.listShareLinks(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the gate of /p/<token>", () => {
  it("answers 404 for unknown and malformed tokens", async () => {
    expect((await page(newToken())).status).toBe(404);
    expect((await page("short")).status).toBe(404);
    expect((await page(`${newToken()}/../x`)).status).toBe(404);
  });

  it("answers 410 at once after a revoke, though the page was served from memory a moment before", async () => {
    const { token, link } = await share.createShareLink(owner, appId, {
      label: "Revoke me",
      target: "draft",
      expiresIn: "7",
    });
    expect(lookUpShareLink(token)).toMatchObject({ status: "live", linkId: link.id, hash: hashToken(token) });
    expect((await page(token)).status).toBe(200);
    await share.revokeShareLink(owner, appId, link.id);
    const answer = await page(token);
    expect(answer.status).toBe(410);
    expect(answer.headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(String(answer.body)).toContain("no longer works");
    expect((await share.listShareLinks(owner, appId)).links.find((l) => l.id === link.id)?.status).toBe("revoked");
  });

  it("answers 410 once the expiry has passed", async () => {
    const created = new Date(Date.now() - 2 * 86_400_000);
    const { token } = await share.createShareLink(
      owner,
      appId,
      { label: "Old", target: "draft", expiresIn: "1" },
      created,
    );
    expect((await page(token)).status).toBe(410);
  });

  it("stops the links of an archived app", async () => {
    const archived = (
      await apps.createApp(owner, {
        name: "Archived",
        type: "PUBLIC",
        clientId: "c",
        callbackUrl: "https://a.example.com/cb",
      })
    ).id;
    const { token } = await share.createShareLink(owner, archived, { label: "x", target: "draft", expiresIn: "never" });
    expect((await page(token)).status).toBe(200);
    await apps.setArchived(owner, archived, true);
    expect((await page(token)).status).toBe(410);
    await apps.setArchived(owner, archived, false);
    expect((await page(token)).status).toBe(200);
  });

  it("viewers, other workspaces and other apps cannot revoke a link", async () => {
    const { link } = await share.createShareLink(owner, appId, { label: "Keep", target: "draft", expiresIn: "7" });
    await expect(share.revokeShareLink(viewer, appId, link.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(share.revokeShareLink(stranger, appId, link.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(share.revokeShareLink(owner, otherAppId, link.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("views", () => {
  it("are written within a tenth of a second, one update per link for all the views of that moment", async () => {
    const { link } = await share.createShareLink(owner, appId, { label: "Counted", target: "draft", expiresIn: "7" });
    for (let i = 0; i < 5; i++) countShareView(link.id, Date.parse("2026-11-28T10:00:00Z") + i);
    flushShareViews();
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.views).toBe(5);
    expect(row.lastViewedAt?.toISOString()).toBe("2026-11-28T10:00:00.004Z");
  });
});

describe("comments", () => {
  it("are stored against the link's app and section, listed for the team and resolved", async () => {
    const { token } = await share.createShareLink(owner, appId, { label: "Comments", target: "draft", expiresIn: "7" });
    await share.addComment(hashToken(token), { name: "  Sam  ", body: "The summary is too vague.", section: "header" });
    const [comment] = await share.listOpenComments(owner, appId);
    expect(comment).toMatchObject({
      authorName: "Sam",
      body: "The summary is too vague.",
      section: "header",
      sectionLabel: "Header: icon, name, summary",
      link: "Comments",
    });
    await expect(share.resolveComment(viewer, appId, comment!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(share.resolveComment(stranger, appId, comment!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await share.resolveComment(owner, appId, comment!.id);
    expect(await share.listOpenComments(owner, appId)).toEqual([]);
    await expect(share.resolveComment(owner, appId, comment!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    [{ name: "", body: "x", section: "header" }, "Enter your name"],
    [{ name: "Sam", body: " ", section: "header" }, "Write a comment"],
    [{ name: "Sam", body: "x".repeat(2001), section: "header" }, "A comment must be at most 2,000 characters"],
    [{ name: "Sam", body: "x", section: "pricing-table" }, "Choose the part of the page your comment is about"],
    [{ name: null, body: null, section: null }, "Enter your name"],
  ])("rejects %j with “%s”", async (input, message) => {
    const { token } = await share.createShareLink(owner, appId, { label: "Bad", target: "draft", expiresIn: "7" });
    await expect(share.addComment(hashToken(token), input)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ message })]),
    });
  });

  it("are refused on a revoked link", async () => {
    const { token, link } = await share.createShareLink(owner, appId, {
      label: "Closed",
      target: "draft",
      expiresIn: "7",
    });
    await share.revokeShareLink(owner, appId, link.id);
    await expect(
      share.addComment(hashToken(token), { name: "Sam", body: "Hi", section: "general" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("images through a link", () => {
  it("serves only images the shared listing shows", async () => {
    const { token } = await share.createShareLink(owner, appId, { label: "Images", target: "draft", expiresIn: "7" });
    await expect(share.sharedAssetOwner(hashToken(token), "cl0000000000000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(share.sharedAssetOwner(hashToken(newToken()), "cl0000000000000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the page of /p/<token>", () => {
  it("is plain HTML with the site's stylesheet and one script file: nothing inline, no framework", async () => {
    const { token } = await share.createShareLink(owner, appId, { label: "Plain", target: "draft", expiresIn: "7" });
    const answer = await page(token);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-security-policy"]).toContain("script-src 'self'");
    const html = text(answer.body);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain("Preview — not published.");
    expect(html).toContain("Shared App");
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(/^<script src="\/share-page\.js\?v=[\w-]+" defer="">$/),
    ]);
    expect(html).not.toMatch(/_next|__next_f|<script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/share\.css\?v=[\w-]+"/);
    expect(html).toContain('action="?comment=1"');
  });

  it("says what the app is: a private app has no rating, reviews or install button; a published app shows changes", async () => {
    const privateApp = await apps.createApp(owner, {
      name: "Inhouse",
      type: "PRIVATE",
      clientId: "p",
      callbackUrl: "https://p.example.com/cb",
    });
    const { token: privateToken } = await share.createShareLink(owner, privateApp.id, {
      label: "Private",
      target: "draft",
      expiresIn: "7",
    });
    const privateHtml = text((await page(privateToken)).body);
    expect(privateHtml).toContain("Preview of a private app. It has no Marketplace page");
    expect(privateHtml).not.toMatch(/Install now|No reviews yet|id="pv-reviews"/);

    const { token } = await share.createShareLink(owner, appId, {
      label: "Published",
      target: "draft",
      expiresIn: "7",
    });
    expect(text((await page(token)).body)).toContain("Install now");
    await db.app.update({ where: { id: appId }, data: { status: "PUBLISHED" } });
    await apps.touchSharePages(appId);
    const published = text((await page(token)).body);
    expect(published).toContain("Preview of changes to a published app.");
    expect(published).not.toContain("not published");
    await db.app.update({ where: { id: appId }, data: { status: "DRAFT" } });
    await apps.touchSharePages(appId);
  });

  it("follows the draft's revision: an edit is on the next load, and an unchanged page answers 304", async () => {
    const { token } = await share.createShareLink(owner, appId, { label: "Live", target: "draft", expiresIn: "7" });
    const first = await page(token);
    // Sent in one piece, its length said ahead.
    expect(first.headers["content-length"]).toBe(String((first.body as Uint8Array).byteLength));
    const unchanged = await page(token, first.headers.etag!);
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers["content-length"]).toBeUndefined();
    const draft = await getDraft(owner, appId);
    await saveDraft(owner, appId, { revision: draft.revision, data: { ...draft.data, summary: "Edited just now" } });
    const second = await page(token, first.headers.etag!);
    expect(second.status).toBe(200);
    expect(text(second.body)).toContain("Edited just now");
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it("a rating or review change outside the listing shows too (the app's share version)", async () => {
    const { token } = await share.createShareLink(owner, appId, { label: "Rated", target: "draft", expiresIn: "7" });
    const before = lookUpShareLink(token);
    await db.ratingSnapshot.create({ data: { appId, average: 4.5, reviewCount: 12 } });
    await apps.touchSharePages(appId);
    const after = lookUpShareLink(token);
    expect(after.status === "live" && before.status === "live" && after.key !== before.key).toBe(true);
    expect(text((await page(token)).body)).toContain("12 reviews");
  });

  it("a link pinned to a version keeps showing it, whatever the draft becomes", async () => {
    const version = await saveVersion(owner, appId, { label: "Pinned" });
    const { token } = await share.createShareLink(owner, appId, {
      label: "Pinned",
      target: version.id,
      expiresIn: "7",
    });
    const key = lookUpShareLink(token);
    const draft = await getDraft(owner, appId);
    await saveDraft(owner, appId, {
      revision: draft.revision,
      data: { ...draft.data, summary: "Not in the pinned version" },
    });
    expect(lookUpShareLink(token)).toEqual(key);
    expect(text((await page(token)).body)).not.toContain("Not in the pinned version");
  });
});
