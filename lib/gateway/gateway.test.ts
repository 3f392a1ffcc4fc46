import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import { setupTestDatabase } from "@/lib/test/db";
import type { Member } from "@/lib/authz";

setupTestDatabase();
const emulator = await startEmulator();
process.env.PIPEDRIVE_OAUTH_URL = emulator.url;
afterAll(() => emulator.close());
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { AppError } = await import("@/lib/errors");
const gateway = {
  ...(await import("./deliveries")),
  ...(await import("./installs")),
  ...(await import("./keys")),
  ...(await import("./pipedrive")),
  ...(await import("./settings")),
  ...(await import("./callback")),
};

let owner: Member;
let appId: string;

beforeAll(async () => {
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 81, name: "Gate" } });
  const u = await db.user.create({ data: { pipedriveCompanyId: 81, pipedriveUserId: 1, name: "Owner" } });
  owner = {
    user: { id: u.id, name: "Owner", email: null, image: null },
    workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 81 },
    role: "OWNER",
  };
  appId = (
    await apps.createApp(owner, {
      name: "Gated",
      type: "PUBLIC",
      clientId: "gated",
      callbackUrl: "https://gated.example.com/cb",
      clientSecret: "shh",
    })
  ).id;
});

describe("gateway settings", () => {
  it("give paste-ready URLs and keep the key stable", async () => {
    const first = await gateway.gatewaySettings(owner, appId);
    expect(first.installationUrl).toMatch(/^http:\/\/localhost:3000\/install\/[A-Za-z0-9_-]{16}$/);
    expect(first.callbackUrl).toBe(first.installationUrl.replace("/install/", "/callback/"));
    expect((await gateway.gatewaySettings(owner, appId)).installationUrl).toBe(first.installationUrl);
  });

  it("only owners change where tokens go; forwarding needs an https backend", async () => {
    await expect(
      gateway.updateGatewaySettings({ ...owner, role: "EDITOR" }, appId, { handoffMode: "RECORD_ONLY" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gateway.updateGatewaySettings(owner, appId, { handoffMode: "FORWARD" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["handoffUrl"], message: "Forwarding needs the URL of your backend" })],
    });
    await expect(
      gateway.updateGatewaySettings(owner, appId, {
        handoffMode: "FORWARD",
        handoffUrl: "http://partner.example.com/h",
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Handoff URL must be a full https:// URL" })],
    });
    // This machine only with the development setting (lib/security/outbound.test.ts).
    await expect(
      gateway.updateGatewaySettings(owner, appId, { handoffMode: "FORWARD", handoffUrl: "http://localhost:9999/h" }),
    ).rejects.toMatchObject({ fields: { handoffUrl: "Handoff URL: only https:// addresses are allowed" } });
    await gateway.updateGatewaySettings(owner, appId, {
      handoffMode: "FORWARD",
      handoffUrl: "https://partner.example.com/h",
      onboardingUrl: "https://gated.example.com/welcome",
    });
    expect(await gateway.gatewaySettings(owner, appId)).toMatchObject({
      handoffMode: "FORWARD",
      handoffUrl: "https://partner.example.com/h",
    });
    await expect(gateway.revealHandoffSecret({ ...owner, role: "EDITOR" }, appId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await gateway.revealHandoffSecret(owner, appId)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("the gateway's URLs in the listing", () => {
  it("one call puts both in the listing; settings and listing then show the same values", async () => {
    const { getDraft } = await import("@/lib/listing/drafts");
    expect((await gateway.gatewaySettings(owner, appId)).inListing).toEqual({
      callbackUrl: false,
      installationUrl: false,
    });
    await expect(gateway.putGatewayInListing({ ...owner, role: "VIEWER" }, appId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const urls = await gateway.putGatewayInListing(owner, appId);
    const settings = await gateway.gatewaySettings(owner, appId);
    expect(settings.inListing).toEqual({ callbackUrl: true, installationUrl: true });
    expect((await getDraft(owner, appId)).data).toMatchObject({
      callbackUrl: settings.callbackUrl,
      installationUrl: settings.installationUrl,
    });
    expect(urls).toEqual({ callbackUrl: settings.callbackUrl, installationUrl: settings.installationUrl });
    // The app's own columns (what the settings page lists) follow the listing.
    expect(await apps.getApp(owner, appId)).toMatchObject({
      callbackUrl: settings.callbackUrl,
      installationUrl: settings.installationUrl,
    });
    // Once is enough: a second call changes nothing and logs nothing.
    await gateway.putGatewayInListing(owner, appId);
    expect(await db.auditEvent.count({ where: { targetId: appId, action: "gateway.listing" } })).toBe(1);
  });
});

describe("deliveries and other workspaces", () => {
  it("retries only its own failed deliveries; a viewer cannot; another workspace sees nothing", async () => {
    const w = await db.workspace.create({ data: { pipedriveCompanyId: 82, name: "Stranger" } });
    const stranger: Member = { ...owner, workspace: { id: w.id, name: w.name, domain: null, pipedriveCompanyId: 82 } };
    const row = await db.outboxMessage.create({
      data: { appId, kind: "HANDOFF", url: "https://partner.example.com/h", body: "x", status: "FAILED", attempts: 8 },
    });
    await expect(gateway.retryDelivery({ ...owner, role: "VIEWER" }, appId, row.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(gateway.retryDelivery(stranger, appId, row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway.updateGatewaySettings(stranger, appId, { handoffMode: "RECORD_ONLY" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gateway.revealHandoffSecret(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway.retryDelivery(owner, appId, "not-a-delivery")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await gateway.retryDelivery(owner, appId, row.id);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
  });
});

describe("the token's api_domain", () => {
  it("is trusted only for Pipedrive domains or the configured API", () => {
    expect(gateway.trustedApiDomain("https://acme.pipedrive.com")).toBe("https://acme.pipedrive.com");
    expect(gateway.trustedApiDomain("https://api.pipedrive.com/")).toBe("https://api.pipedrive.com");
    for (const hostile of [
      "https://evil.example.com",
      "http://acme.pipedrive.com",
      "https://pipedrive.com.evil.example",
      "not a url",
      "",
    ]) {
      expect(gateway.trustedApiDomain(hostile), hostile).toBe("https://api.pipedrive.com");
    }
  });
});

describe("uninstalls", () => {
  it("a timestamp to the second counts even in the second of the install, once", async () => {
    const app = (await gateway.appByKey((await db.app.findUniqueOrThrow({ where: { id: appId } })).appKey!))!;
    const installedAt = new Date("2026-11-20T10:00:00.400Z");
    gateway.recordInstall(
      { ...app, handoffMode: "RECORD_ONLY" },
      { access_token: "a", refresh_token: "r", expires_in: 3600, token_type: "bearer", scope: "base", api_domain: "" },
      {
        accountId: "5:6",
        userId: 6,
        companyId: 5,
        name: "Una",
        email: null,
        image: null,
        locale: null,
        isAdmin: false,
        company: { id: 5, name: "Co", domain: null },
        sent: { name: "Una", companyName: null },
      },
      "code-1",
      false,
      installedAt,
    );
    const call = { clientId: null, companyId: 5, userId: 6, timestamp: new Date("2026-11-20T10:00:00Z") };
    expect(await gateway.recordUninstall(app, call, new Date("2026-11-20T10:05:00Z"))).toBe("accepted");
    expect(await gateway.recordUninstall(app, call, new Date("2026-11-20T10:06:00Z"))).toBe("duplicate");
    const row = await db.installation.findFirstOrThrow({ where: { appId, companyId: 5 } });
    expect(row.uninstalledAt?.toISOString()).toBe("2026-11-20T10:00:00.999Z");
  });

  it("one uninstall is one uninstall, whatever timestamps the same installation's calls carry", async () => {
    const app = (await gateway.appByKey((await db.app.findUniqueOrThrow({ where: { id: appId } })).appKey!))!;
    const at = (iso: string) => ({ clientId: null, companyId: 77, userId: 8, timestamp: new Date(iso) });
    const now = new Date("2026-11-21T12:00:00Z");
    const results = [];
    for (const iso of ["2026-11-21T10:00:00Z", "2026-11-21T10:00:03Z", "2026-11-21T10:01:00Z"])
      results.push(await gateway.recordUninstall(app, at(iso), now));
    expect(results).toEqual(["accepted", "duplicate", "duplicate"]);
    expect(await db.installEvent.count({ where: { appId, companyId: 77, type: "UNINSTALL" } })).toBe(1);
    expect((await db.installDaily.findFirstOrThrow({ where: { appId, day: "2026-11-21" } })).uninstalls).toBe(1);
  });
});

describe("the token exchange, as Pipedrive answers it", () => {
  let app: Awaited<ReturnType<typeof gateway.appByKey>> & object;

  /** A real consent on the emulator: the code Pipedrive sends to the callback. */
  async function consentCode() {
    const res = await fetch(`${emulator.url}/oauth/authorize`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: "gated",
        redirect_uri: gateway.publicUrl(gateway.callbackPath(app.appKey)),
        decision: "allow",
        user_id: "101",
      }),
      redirect: "manual",
    });
    return new URL(res.headers.get("location")!).searchParams.get("code")!;
  }
  const rejectedAt = async () => (await apps.getApp(owner, appId)).clientRejectedAt;
  const refusals = () => db.auditEvent.count({ where: { targetId: appId, action: "app.client_rejected" } });

  beforeAll(async () => {
    app = (await gateway.appByKey((await db.app.findUniqueOrThrow({ where: { id: appId } })).appKey!))!;
    emulator.store.registerClient({
      clientId: "gated",
      clientSecret: "shh",
      redirectUris: [gateway.publicUrl(gateway.callbackPath(app.appKey))],
      name: "Gated",
      builtBy: "Gate",
      scopes: ["base"],
    });
  });

  it("a code used twice (invalid_grant) asks the installer to start again, and is nobody's configuration problem", async () => {
    const code = await consentCode();
    expect((await gateway.exchangeCode(app, code)).access_token).toBeTruthy();
    const error = await gateway.exchangeCode(app, code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 400,
      title: "This installation has expired",
      message: expect.stringContaining("Please start the installation again"),
    });
    expect(await rejectedAt()).toBeNull();
  });

  it("a wrong stored secret (invalid_client) gives the installer a neutral page and the partner a notice, once, until fixed", async () => {
    const wrong = { ...app, clientSecret: "not-the-secret" };
    const at = new Date("2026-11-29T08:00:00Z");
    for (const when of [at, new Date("2026-11-29T09:00:00Z")]) {
      const error = await gateway.exchangeCode(wrong, await consentCode(), when).catch((e: unknown) => e);
      expect(error).toMatchObject({
        status: 502,
        title: "The installation could not be completed",
        message: expect.stringContaining("Its developer has been told"),
      });
      expect((error as Error).message).not.toMatch(/secret|client|invalid/i);
    }
    // The first refusal is kept, and recorded once in the audit log.
    expect(await rejectedAt()).toEqual(at);
    expect(await refusals()).toBe(1);
    // A new secret clears the notice; the next refusal raises it again; a working exchange clears it.
    await apps.setClientSecret(owner, appId, { clientSecret: "shh" });
    expect(await rejectedAt()).toBeNull();
    await gateway.exchangeCode(wrong, await consentCode()).catch(() => null);
    expect(await rejectedAt()).not.toBeNull();
    await gateway.exchangeCode(app, await consentCode());
    expect(await rejectedAt()).toBeNull();
    expect(await refusals()).toBe(2);
  });

  it("an app whose client ID was not added yet: the installer is told, and no uninstall call can match it", async () => {
    const noId = { ...app, clientId: "" };
    await expect(gateway.exchangeCode(noId, "any-code")).rejects.toMatchObject({
      status: 503,
      title: "This app is not set up yet",
      message: expect.stringContaining("client ID is missing"),
    });
    expect(await gateway.checkUninstallAuth(noId, { id: "", secret: "shh" })).toBe(false);
    expect(await gateway.checkUninstallAuth(app, { id: "gated", secret: "shh" })).toBe(true);
  });

  it("a Pipedrive outage is neither: try again in a moment", async () => {
    emulator.store.faults.set("gated", { token: [503], usersMe: [] });
    await expect(gateway.exchangeCode(app, await consentCode())).rejects.toMatchObject({
      status: 502,
      message: "Pipedrive answered with an error. Please try again in a moment.",
    });
    expect(await rejectedAt()).toBeNull();
  });
});

describe("the callback's answers", () => {
  it("say what happened without a request: unknown app, cancel, missing code, altered state, foreign uninstall", async () => {
    const appKey = (await db.app.findUniqueOrThrow({ where: { id: appId } })).appKey!;
    const unknown = await gateway.finishInstall("no-such-key", new URLSearchParams("code=c"), undefined);
    expect(unknown).toMatchObject({ kind: "page", status: 404, spent: false });
    const cancel = await gateway.finishInstall(appKey, new URLSearchParams("error=user_denied"), undefined);
    expect(cancel).toMatchObject({ kind: "page", status: 200, title: "The app was not installed", spent: true });
    const noCode = await gateway.finishInstall(appKey, new URLSearchParams("state=s"), undefined);
    expect(noCode).toMatchObject({ kind: "page", status: 400, spent: false });
    const altered = await gateway.finishInstall(appKey, new URLSearchParams("code=c&state=forged"), "nonce");
    expect(altered).toMatchObject({ kind: "page", status: 400, spent: true });
    expect(altered.kind === "page" && altered.message).toMatch(/not started from this browser/);

    const app = (await gateway.appByKey(appKey))!;
    const foreign = await gateway.takeUninstall(
      app,
      JSON.stringify({ client_id: "someone-else", company_id: 1, user_id: 2 }),
    );
    expect(foreign).toEqual({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message: "client_id does not match this app" } },
    });
    expect((await gateway.takeUninstall(app, "not json")).status).toBe(400);
  });
});
