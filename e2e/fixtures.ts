import { expect, type Page } from "@playwright/test";
import { E2E } from "./config";

export type EmulatorUser = { id: number; name: string; companyId: number; companyName: string };

let counter = 0;

/** A fresh Pipedrive company in the emulator, so every spec starts from its own data. */
export async function createCompany(
  label: string,
  people: { name: string; isAdmin?: boolean }[],
): Promise<EmulatorUser[]> {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/companies`, {
    method: "POST",
    body: JSON.stringify({
      name: `${label} ${suffix}`,
      users: people.map((p) => ({ ...p, name: `${p.name} ${suffix}` })),
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { users: EmulatorUser[] }).users;
}

/** On Pipedrive's consent page: pick the user and press a button. */
export async function consent(
  page: Page,
  user: EmulatorUser,
  decision: "Allow and install" | "Cancel" = "Allow and install",
  appName = "Listing Studio",
) {
  await expect(page.getByRole("heading", { name: appName })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(user.name) }).check();
  await page.getByRole("button", { name: decision }).click();
}

/** Signs in from the landing page through the emulator. */
export async function signIn(page: Page, user: EmulatorUser) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await consent(page, user);
}

/** Waits until the page is interactive (React hydrated). */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name.endsWith("authjs.session-token"));
}

/** Creates an app through the "New app" form and returns its id, with the editor open and interactive. */
export async function createAppInUi(page: Page, name: string, { clientSecret }: { clientSecret?: string } = {}) {
  await page.goto("/apps/new");
  await hydrated(page);
  await page.getByLabel("App name").fill(name);
  await page.getByLabel("Client ID").fill(`client-${Date.now()}`);
  if (clientSecret) await page.getByLabel("Client secret").fill(clientSecret);
  await page
    .getByLabel("Callback URL")
    .fill(`https://${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example.com/oauth/callback`);
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/apps\/[^/]+\/listing$/);
  await hydrated(page);
  return page.url().split("/").at(-2)!;
}

/**
 * Gives the app a listing with no readiness error: an icon, three images and every field
 * reviewers need (through the same API the editor saves with). Returns the listing saved.
 */
export async function writeCompleteListing(
  page: Page,
  appId: string,
  name: string,
  overrides: Record<string, unknown> = {},
) {
  const { makeImage } = await import("../lib/media/fixtures");
  const upload = async (kind: string, buffer: Buffer) => {
    const res = await page.request.post(`/api/apps/${appId}/assets?kind=${kind}`, {
      multipart: { file: { name: "x.png", mimeType: "image/png", buffer } },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const host = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example.com`;
  const icon = await upload("icon", await makeImage(256, 256, "png", "#d6336c"));
  const images = [];
  for (const [i, color] of ["#1c7ed6", "#37b24d", "#f59f00"].entries())
    images.push({ assetId: await upload("image", await makeImage(1280, 800, "png", color)), alt: `Screen ${i + 1}` });
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  const listing = {
    ...current.data,
    summary: "Show every deal's story at a glance.",
    description: "Tells the **story** of a deal.\n\n- Timeline view\n- Shareable snapshots",
    categories: ["Analytics & reporting", "Productivity"],
    iconAssetId: icon,
    images,
    scopes: [{ id: "deals:read", justification: "Reads deals to draw their timeline." }],
    features: [{ id: "f1", type: "custom_panel", name: "Story panel", description: "The story beside the deal." }],
    setupInstructions: "1. Install the app\n2. Open a deal",
    websiteUrl: `https://${host}`,
    pricingUrl: `https://${host}/pricing`,
    termsUrl: `https://${host}/terms`,
    privacyUrl: `https://${host}/privacy`,
    supportUrl: `https://${host}/help`,
    supportEmail: `help@${host}`,
    contactEmail: `partners@${host}`,
    ...overrides,
  };
  const res = await page.request.put(`/api/apps/${appId}/listing`, {
    data: { revision: current.revision, data: listing },
  });
  expect(res.status()).toBe(200);
  return listing as Record<string, unknown> & { iconAssetId: string; images: { assetId: string; alt: string }[] };
}

/** Creates a workspace API token in Settings (as an owner) and returns it, as shown once. */
export async function createApiToken(page: Page, name: string) {
  await page.goto("/settings");
  await hydrated(page);
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("textbox", { name: "New API token" }).inputValue();
  expect(token).toMatch(/^lst_[A-Za-z0-9_-]{43}$/);
  return token;
}

/** An app whose installs come through the gateway, known to the emulator as a Pipedrive app. */
export async function gatewayApp(page: Page, name: string) {
  const appId = await createAppInUi(page, name, { clientSecret: `${name}-secret` });
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  const installUrl = await page.getByLabel("Installation URL", { exact: true }).inputValue();
  const callbackUrl = await page.getByLabel("Callback URL", { exact: true }).inputValue();
  const detail = page.locator("dt", { hasText: "Client ID" }).locator("xpath=following-sibling::dd[1]");
  const clientId = (await detail.textContent())!.trim();
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/clients`, {
    method: "POST",
    body: JSON.stringify({
      clientId,
      clientSecret: `${name}-secret`,
      redirectUris: [callbackUrl],
      name,
      builtBy: "Partner",
      scopes: ["base", "deals:read"],
    }),
  });
  expect(res.status).toBe(201);
  return { appId, installUrl, clientId };
}
