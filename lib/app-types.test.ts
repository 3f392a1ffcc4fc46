import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { createAppSchema } = await import("@/lib/apps/schema");
const { getDraft, saveDraft } = await import("@/lib/listing/drafts");
const { saveVersion } = await import("@/lib/listing/versions");
const { developerHubView } = await import("@/lib/listing/developer-hub");
const { exportListing } = await import("@/lib/listing/transfer");
const { uploadAsset } = await import("@/lib/media/assets");
const { makeImage } = await import("@/lib/media/fixtures");
const { createShareLink } = await import("@/lib/share/service");
const { changeStatus } = await import("@/lib/submission/service");
const { submissionState } = await import("@/lib/submission/state");
const { gatewaySettings, updateGatewaySettings, revealHandoffSecret } = await import("@/lib/gateway/settings");
const { addCompetitor } = await import("@/lib/competitors/service");
const { addManualReview } = await import("@/lib/reviews/inbox");
const { receiveApiEvents } = await import("@/lib/installs/events-api");

let owner: Member;

beforeAll(async () => {
  owner = await createOwner(db, 1, "Owner");
});

describe("creating an app of each type", () => {
  it("asks an OAuth app for its callback (its client id may come later), and an API-token integration for neither", () => {
    const missing = createAppSchema.safeParse({ name: "A", type: "PRIVATE" });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["callbackUrl", "Callback URL is required"],
    ]);
    expect(createAppSchema.parse({ name: "A", type: "PUBLIC", callbackUrl: "https://a.example.com/cb" }).clientId).toBe(
      "",
    );
    expect(createAppSchema.safeParse({ name: "A", type: "API_TOKEN" }).success).toBe(true);
    expect(createAppSchema.safeParse({ name: "A", type: "SOAP" }).error!.issues[0]!.message).toBe(
      "Choose what kind of app it is",
    );
  });

  it("stores an API-token integration live, without client, secret or listing draft", async () => {
    const app = await apps.createApp(owner, {
      name: "Token sync",
      type: "API_TOKEN",
      // Typed before switching the type: nothing of it is kept.
      clientId: "leftover",
      callbackUrl: "https://x.example.com/cb",
      clientSecret: "s",
    });
    expect(app).toMatchObject({
      type: "API_TOKEN",
      status: "LIVE",
      clientId: "",
      callbackUrl: "",
      hasClientSecret: false,
    });
    const row = await db.app.findUniqueOrThrow({ where: { id: app.id }, include: { draft: true } });
    expect(row).toMatchObject({ clientSecret: null, installationUrl: null, draft: null });
    expect((await apps.getApp(owner, app.id)).type).toBe("API_TOKEN");
  });
});

describe("what each type has, refused on the server for the others", () => {
  let tokenApp: string;
  let privateApp: string;
  beforeAll(async () => {
    tokenApp = (await apps.createApp(owner, { name: "Headless", type: "API_TOKEN" })).id;
    privateApp = (
      await apps.createApp(owner, {
        name: "Unlisted",
        type: "PRIVATE",
        clientId: "p",
        callbackUrl: "https://p.example.com/cb",
      })
    ).id;
  });
  const listing = "An API-token integration has no listing to draft: it is not in Developer Hub's app list";
  const oauth =
    "An API-token integration has no OAuth client: it is installed with a user's API token, not through a callback";

  it.each([
    ["getDraft", () => getDraft(owner, tokenApp)],
    ["saveDraft", () => saveDraft(owner, tokenApp, { revision: 0, data: {} })],
    ["saveVersion", () => saveVersion(owner, tokenApp, { label: "v1" })],
    ["developerHubView", () => developerHubView(owner, tokenApp)],
    ["exportListing", () => exportListing(owner, tokenApp)],
    [
      "uploadAsset",
      async () => uploadAsset(owner, tokenApp, "icon", { name: "i.png", data: await makeImage(256, 256) }),
    ],
    ["createShareLink", () => createShareLink(owner, tokenApp, { label: "x", target: "draft", expiresIn: "7d" })],
    ["submissionState", () => submissionState(owner, tokenApp)],
    ["changeStatus", () => changeStatus(owner, tokenApp, { transition: "go-live" })],
  ])("%s: no listing", async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ code: "CONFLICT", message: listing });
  });

  it.each([
    ["gatewaySettings", () => gatewaySettings(owner, tokenApp)],
    ["updateGatewaySettings", () => updateGatewaySettings(owner, tokenApp, { handoffMode: "RECORD_ONLY" })],
    ["revealHandoffSecret", () => revealHandoffSecret(owner, tokenApp)],
    ["setClientSecret", () => apps.setClientSecret(owner, tokenApp, { clientSecret: "x" })],
  ])("%s: no OAuth client", async (_name, call) => {
    await expect(call()).rejects.toMatchObject({ code: "CONFLICT", message: oauth });
  });

  it.each([
    ["API-token", () => tokenApp, "An API-token integration"],
    ["private", () => privateApp, "A private app"],
  ])("a %s app has no Marketplace page: no competitors, no reviews", async (_kind, id, subject) => {
    const message = `${subject} has no Marketplace page: it is not listed, reviewed or rated`;
    await expect(
      addCompetitor(owner, id(), { url: "https://www.pipedrive.com/en/marketplace/app/x/abc" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message });
    await expect(
      addManualReview(owner, { appId: id(), author: "A", stars: 5, reviewedAt: "2026-11-01", text: "Great" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message });
    expect(await db.competitor.count()).toBe(0);
    expect(await db.review.count()).toBe(0);
  });

  it("an API-token integration's installs come through the events API, installs and uninstalls only", async () => {
    const event = (id: string, type: string) => ({
      id,
      type,
      company_id: 1,
      user_id: 2,
      occurred_at: "2026-11-01T10:00:00Z",
    });
    const result = await receiveApiEvents(owner.workspace.id, tokenApp, async () => ({
      events: [event("a", "install"), event("b", "consent_granted")],
    }));
    expect(result).toMatchObject({ accepted: 1, invalid: 1 });
    expect(await db.installation.count({ where: { appId: tokenApp, uninstalledAt: null } })).toBe(1);
  });
});
