import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signState } from "../lib/gateway/protocol";
import { E2E } from "./config";
import { installState } from "./db";
import { consent, createAppInUi, createCompany, hydrated, signIn, type EmulatorUser } from "./fixtures";

type Received = { path: string; body: string; signature: string };

/** The partner's backend: records what the gateway delivers, and serves its onboarding page. */
async function partnerBackend() {
  const received: Received[] = [];
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method !== "POST")
        return res.writeHead(200, { "content-type": "text/html" }).end("<h1>Welcome to the partner app</h1>");
      if (failNext > 0) {
        failNext--;
        return res.writeHead(503).end();
      }
      received.push({ path: req.url ?? "", body, signature: String(req.headers["x-listing-studio-signature"] ?? "") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => server.close(), failNextDeliveries: (n: number) => (failNext = n) };
}

async function setUpGateway(page: Page, name: string, backend: string) {
  const appId = await createAppInUi(page, name, { clientSecret: `${name}-secret` });
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  const installUrl = await page.getByLabel("Installation URL", { exact: true }).inputValue();
  const callbackUrl = await page.getByLabel("Callback URL", { exact: true }).inputValue();
  expect(installUrl).toMatch(new RegExp(`^${E2E.appUrl}/install/[A-Za-z0-9_-]+$`));
  expect(callbackUrl).toBe(installUrl.replace("/install/", "/callback/"));
  await page.getByLabel("Are forwarded to your backend").check();
  await page.getByLabel("Your backend's handoff URL").fill(`${backend}/handoff`);
  await page.getByLabel("Onboarding URL").fill(`${backend}/welcome`);
  await page.getByRole("button", { name: "Save gateway settings" }).click();
  await expect(page.getByText("Gateway settings saved")).toBeVisible();
  await page.getByRole("button", { name: "Show signing secret" }).click();
  const secret = (await page.getByTestId("signing-secret").textContent())!;
  const detail = page.locator("dt", { hasText: "Client ID" }).locator("xpath=following-sibling::dd[1]");
  const clientIdText = (await detail.textContent())!.trim();
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/clients`, {
    method: "POST",
    body: JSON.stringify({
      clientId: clientIdText,
      clientSecret: `${name}-secret`,
      redirectUris: [callbackUrl],
      name,
      builtBy: "Partner",
      scopes: ["base", "deals:read"],
    }),
  });
  expect(res.status).toBe(201);
  return { appId, installUrl, callbackUrl, secret, clientId: clientIdText };
}

const verify = (r: Received, secret: string) => {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.signature) ?? [];
  return v1 === createHmac("sha256", secret).update(`${t}.${r.body}`).digest("hex");
};

test("an install through the gateway is recorded, its tokens forwarded signed, and Pipedrive's uninstall counted once and relayed", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // seven bad paths and a backend that is down: about 50 s on a slow machine here
  const backend = await partnerBackend();
  try {
    const [owner] = await createCompany("Spec Gateway", [{ name: "Gail Gateway", isAdmin: true }]);
    const [customer] = (await createCompany("Customer Co", [{ name: "Cody Customer" }])) as [EmulatorUser];
    await signIn(page, owner!);
    const gw = await setUpGateway(page, "Gatewayed", backend.base);

    // A Pipedrive user installs from the Marketplace through the Installation URL.
    const installer = await (await browser.newContext()).newPage();
    await installer.goto(gw.installUrl);
    await consent(installer, customer, "Allow and install", "Gatewayed");
    await expect(installer.getByRole("heading", { name: "Welcome to the partner app" })).toBeVisible();

    expect(installState(gw.appId).events).toMatchObject({ "INSTALL_STARTED/GATEWAY": 1, "INSTALL/GATEWAY": 1 });
    expect(installState(gw.appId).installations).toEqual([
      {
        companyId: customer.companyId,
        userId: customer.id,
        scopes: "base deals:read",
        source: "GATEWAY",
        uninstalledAt: null,
      },
    ]);

    // The team sees it in the installations table.
    await page.goto(`/apps/${gw.appId}/installs`);
    await expect(page.getByTestId("active-installs")).toHaveText("1");
    await expect(page.getByTestId("installation-row")).toContainText(customer.companyName);
    await expect(page.getByTestId("installation-row")).toContainText("Gateway");

    // The worker forwards the token set, signed.
    await expect.poll(() => backend.received.length, { timeout: 15_000 }).toBe(1);
    const handoff = JSON.parse(backend.received[0]!.body);
    expect(handoff).toMatchObject({
      event: "install",
      company_id: customer.companyId,
      user_id: customer.id,
      scopes: "base deals:read",
      token_type: "bearer",
    });
    expect(handoff.access_token).toBeTruthy();
    expect(verify(backend.received[0]!, gw.secret)).toBe(true);

    // Pipedrive's uninstall call ("YYYY-MM-DD HH:MM:SS", numeric strings), twice: one uninstall, one relay.
    const timestamp = new Date(Date.now() + 1000).toISOString().slice(0, 19).replace("T", " ");
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${E2E.emulatorUrl}/__emulator/uninstall`, {
        method: "POST",
        body: JSON.stringify({ clientId: gw.clientId, userId: customer.id, timestamp }),
      });
      expect(await res.json()).toEqual({ status: 200 });
    }
    expect(installState(gw.appId).events["UNINSTALL/GATEWAY"]).toBe(1);
    expect(installState(gw.appId).installations[0]!.uninstalledAt).not.toBeNull();
    await expect.poll(() => backend.received.length, { timeout: 15_000 }).toBe(2);
    const relay = JSON.parse(backend.received[1]!.body);
    expect(relay).toMatchObject({ event: "uninstall", company_id: customer.companyId, user_id: customer.id });
    expect(Date.parse(relay.uninstalled_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(verify(backend.received[1]!, gw.secret)).toBe(true);

    await page.goto(`/apps/${gw.appId}/installs?status=all`);
    await expect(page.getByTestId("active-installs")).toHaveText("0");
    await expect(page.getByTestId("installation-row")).not.toContainText("Active");
    const csv = await page.request.get(`/api/apps/${gw.appId}/installations?status=all&format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe(
      "company_id,company_name,user_id,user_name,scopes,source,installed_at,uninstalled_at,lifetime_days",
    );
    expect(lines[1]).toContain(`${customer.companyId},`);
    expect(lines).toHaveLength(2);

    await page.goto(`/apps/${gw.appId}/settings`);
    await expect(page.getByTestId("delivery-counts")).toHaveText("2 delivered · 0 waiting · 0 failed");
  } finally {
    backend.close();
  }
});

test("gateway bad paths: cancel, forged or expired state, a bad code, wrong uninstall credentials and bodies; a backend that is down is retried", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000); // seven bad paths and a backend that is down: about 50 s on a slow machine here
  const backend = await partnerBackend();
  try {
    const [owner] = await createCompany("Spec Gateway Bad", [{ name: "Bea Bad", isAdmin: true }]);
    const [customer] = (await createCompany("Careful Co", [{ name: "Cara Careful" }])) as [EmulatorUser];
    await signIn(page, owner!);
    const gw = await setUpGateway(page, "Guarded", backend.base);
    const callback = new URL(gw.callbackUrl).pathname;

    // Cancel on the consent screen: counted, and a friendly page with a way back.
    const person = await (await page.context().browser()!.newContext()).newPage();
    await person.goto(gw.installUrl);
    await consent(person, customer, "Cancel", "Guarded");
    await expect(person.getByRole("heading", { name: "The app was not installed" })).toBeVisible();
    await expect(person.getByRole("link", { name: "Back to the Marketplace" })).toBeVisible();
    expect(installState(gw.appId).events["CONSENT_DENIED/GATEWAY"]).toBe(1);

    // Pipedrive's token endpoint or /users/me failing: a clear page, a way to start again, nothing recorded.
    for (const [fault, text] of [
      [{ token: [500] }, "Pipedrive answered with an error"],
      [{ usersMe: [500] }, "Pipedrive did not tell us who is installing"],
    ] as const) {
      await fetch(`${E2E.emulatorUrl}/__emulator/faults`, {
        method: "POST",
        body: JSON.stringify({ clientId: gw.clientId, ...fault }),
      });
      await person.goto(gw.installUrl);
      await consent(person, customer, "Allow and install", "Guarded");
      await expect(person.getByText(text)).toBeVisible();
      await expect(person.getByRole("link", { name: "Start the installation again" })).toBeVisible();
    }
    expect(installState(gw.appId).installations).toEqual([]);

    // A forged state, a state without its cookie, a missing code.
    for (const query of ["code=abc&state=forged.state", "code=abc&state=eyJrIjoieCJ9.c2ln", "state=x"]) {
      const res = await request.get(`${callback}?${query}`);
      expect(res.status(), query).toBe(400);
      expect(await res.text()).toContain("Start the installation again");
    }
    // A genuine state whose five minutes are over.
    const appKey = callback.split("/").at(-1)!;
    const key = createHmac("sha256", E2E.appEnv.AUTH_SECRET).update("install-gateway-state").digest("base64url");
    const old = signState(appKey, "nonce-old", key, Date.now() - 6 * 60_000);
    const expired = await request.get(`${callback}?code=abc&state=${encodeURIComponent(old)}`, {
      headers: { cookie: `ls_install_${appKey}=nonce-old` },
    });
    expect(expired.status()).toBe(400);
    expect(await expired.text()).toContain("The installation took longer than 5 minutes.");

    // No state (a Marketplace install without an Installation URL) is accepted, but this code is unknown to Pipedrive (invalid_grant).
    const badCode = await request.get(`${callback}?code=not-a-real-code`);
    expect(badCode.status()).toBe(400);
    expect(await badCode.text()).toContain("already used or is too old. Please start the installation again.");
    expect(installState(gw.appId).events["INSTALL/MARKETPLACE"]).toBeUndefined();

    // The stored client secret is wrong (invalid_client): the installer sees a neutral page, the partner a red notice with the fix.
    await page.goto(`/apps/${gw.appId}/settings`);
    await hydrated(page);
    await page.getByRole("button", { name: "Replace secret" }).click();
    await page.getByLabel("New client secret").fill("a-stale-secret");
    await page.getByRole("button", { name: "Save secret" }).click();
    await expect(page.getByText("Client secret saved")).toBeVisible();
    await person.goto(gw.installUrl);
    await consent(person, customer, "Allow and install", "Guarded");
    await expect(person.getByRole("heading", { name: "The installation could not be completed" })).toBeVisible();
    await expect(person.getByText("Its developer has been told")).toBeVisible();
    await expect(person.getByText(/secret/i)).toHaveCount(0);
    await page.goto(`/apps/${gw.appId}/installs`);
    const notice = page.getByRole("alert").filter({ hasText: "Pipedrive refused this app's client secret" });
    await expect(notice).toContainText(`check that the client ID is ${gw.clientId}`);
    await notice.getByRole("link", { name: "Replace the client secret" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${gw.appId}/settings#secret$`));
    await hydrated(page);
    await page.getByRole("button", { name: "Replace secret" }).click();
    await page.getByLabel("New client secret").fill("Guarded-secret");
    await page.getByRole("button", { name: "Save secret" }).click();
    await expect(page.getByText("Client secret saved")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Pipedrive refused" })).toHaveCount(0);
    expect(installState(gw.appId).installations).toEqual([]);

    // Uninstall calls: wrong or missing credentials → 401 and nothing recorded; a malformed body → 400.
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
    const body = JSON.stringify({ company_id: customer.companyId, user_id: customer.id });
    for (const authorization of [
      undefined,
      basic(gw.clientId, "wrong"),
      basic("someone-else", "Guarded-secret"),
      "Bearer x",
    ]) {
      const res = await request.delete(callback, { headers: authorization ? { authorization } : {}, data: body });
      expect(res.status()).toBe(401);
    }
    for (const bad of ["not json", "{}", '{"company_id":"abc","user_id":1}']) {
      const res = await request.delete(callback, {
        headers: { authorization: basic(gw.clientId, "Guarded-secret") },
        data: bad,
      });
      expect(res.status(), bad).toBe(400);
      expect((await res.json()).error.code).toBe("BAD_REQUEST");
    }
    expect(installState(gw.appId).events["UNINSTALL/GATEWAY"]).toBeUndefined();
    expect(
      (
        await request.delete("/callback/no-such-app-key-here", {
          headers: { authorization: basic("a", "b") },
          data: body,
        })
      ).status(),
    ).toBe(404);

    // The backend is down for the relay: retried until delivered; the settings page shows it waiting with a retry button.
    backend.failNextDeliveries(1);
    const ok = await request.delete(callback, {
      headers: { authorization: basic(gw.clientId, "Guarded-secret") },
      data: JSON.stringify({
        company_id: String(customer.companyId),
        user_id: customer.id,
        timestamp: "2026-11-28T09:00:00Z",
      }),
    });
    expect(ok.status()).toBe(200);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery-row")).toContainText("last: answered HTTP 503");
    }).toPass({ timeout: 15_000 });
    await page.getByRole("button", { name: "Retry now" }).click();
    await expect.poll(() => backend.received.length, { timeout: 15_000 }).toBe(1);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("delivery-counts")).toHaveText("1 delivered · 0 waiting · 0 failed");
    }).toPass({ timeout: 15_000 });
  } finally {
    backend.close();
  }
});
