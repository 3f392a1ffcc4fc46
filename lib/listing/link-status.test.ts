import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { getDraft } = await import("./drafts");
const { checkLinksNow, linkStatuses, refreshLinks } = await import("./link-status");

let owner: Member;
let appId: string;

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 31, name: "Links" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 31, pipedriveUserId: 1, name: "Owner" } });
  owner = {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 31 },
    role: "OWNER",
  };
  appId = (
    await apps.createApp(owner, {
      name: "Linked",
      type: "PUBLIC",
      clientId: "c",
      callbackUrl: "https://linked.example.com/cb",
    })
  ).id;
});

describe("stored link checks", () => {
  it("checks each https link once, skips fresh results, forgets removed links", async () => {
    const draft = {
      ...(await getDraft(owner, appId)).data,
      websiteUrl: "https://linked.example.com",
      pricingUrl: "https://linked.example.com/pricing",
      termsUrl: "http://linked.example.com/terms",
    };
    const calls: string[] = [];
    const check = async (url: string) => {
      calls.push(url);
      return url.endsWith("/pricing")
        ? { ok: false, status: 404, error: null }
        : { ok: true, status: 200, error: null };
    };
    const now = Date.parse("2026-11-28T10:00:00Z");
    const first = await refreshLinks(appId, draft, { check, now });
    expect(calls.sort()).toEqual(["https://linked.example.com", "https://linked.example.com/pricing"]);
    expect(first["https://linked.example.com/pricing"]).toMatchObject({ ok: false, status: 404 });

    calls.length = 0;
    await refreshLinks(appId, draft, { check, now: now + 60_000 });
    expect(calls).toEqual([]);
    await refreshLinks(appId, draft, { check, now: now + 60_000, force: true });
    expect(calls).toHaveLength(2);

    await refreshLinks(appId, { ...draft, pricingUrl: "" }, { check, now });
    expect(Object.keys(await linkStatuses(appId))).toEqual(["https://linked.example.com"]);
  });

  it("lets only editors run a check now, in their own workspace", async () => {
    const draft = (await getDraft(owner, appId)).data;
    await expect(checkLinksNow({ ...owner, role: "VIEWER" }, appId, draft)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      checkLinksNow({ ...owner, workspace: { ...owner.workspace, id: "elsewhere" } }, appId, draft),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
