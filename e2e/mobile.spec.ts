import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { consent, createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

/** A phone: every page fits its width (tables scroll inside their own box) and passes axe. */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function fitsThePhone(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(client);
  await expectNoViolations(page);
}

async function signInAsAlice(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await consent(page, { id: 101, name: "Alice Novak", companyId: 7001, companyName: "Acme Sales Tools" });
  await expect(page).toHaveURL(/\/apps$/);
}

test("the workspace's pages fit a phone, and the menu reaches every section", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAlice(page);
  for (const path of [
    "/apps",
    "/apps/new",
    "/reviews",
    "/reviews/sync",
    "/reviews/alerts",
    "/reviews/templates",
    "/analytics",
    "/analytics?range=12m",
    "/team",
    "/team/audit",
    "/settings",
  ]) {
    await fitsThePhone(page, path);
  }
  await page.goto("/apps");
  await hydrated(page);
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  for (const [section, heading] of [
    ["Team", "Team"],
    ["Settings", "Settings"],
    ["Reviews", "Reviews"],
  ] as const) {
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    const menu = page.getByRole("dialog", { name: "Menu", exact: true });
    await menu.getByRole("link", { name: section }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(menu).toBeHidden();
  }
});

test("an app's pages fit a phone, the editor's sections included", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAlice(page);
  const href = await page.getByRole("link", { name: "QuoteFlow" }).getAttribute("href");
  const app = href!.split("/")[2]!;
  for (const tab of ["listing", "preview", "review", "developer-hub", "installs", "versions", "settings"])
    await fitsThePhone(page, `/apps/${app}/${tab}`);
  await page.goto(`/apps/${app}/listing`);
  await hydrated(page);
  for (const section of ["Support & legal", "Review info", "Basic info"]) {
    await page.getByRole("tab", { name: section }).click();
    await expect(page.getByRole("tab", { name: section })).toHaveAttribute("aria-selected", "true");
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
  }
});

test("public pages fit a phone: landing, sign-in, access, a share link", async ({ page, browser }) => {
  test.setTimeout(120_000);
  for (const path of ["/", "/signin"]) await fitsThePhone(page, path);
  const [owner, outsider] = await createCompany("Spec Phone", [
    { name: "Pho Phone", isAdmin: true },
    { name: "Out Sider" },
  ]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "PocketApp");
  await writeCompleteListing(page, appId, "PocketApp");
  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  await page.getByLabel("Label").fill("Phone link");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "New share link" }).inputValue();
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await fitsThePhone(visitor, new URL(url).pathname);

  const other = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(other, outsider!);
  await expect(other).toHaveURL(/\/access$/);
  await fitsThePhone(other, "/access");
});
