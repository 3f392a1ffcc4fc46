import { expect, test, type Page } from "@playwright/test";
import { createCompany, hydrated, signIn } from "./fixtures";

const tabsOf = async (page: Page) =>
  (await page.getByRole("navigation", { name: "App sections" }).getByRole("link").allTextContents()).map((t) =>
    t.trim(),
  );

async function create(page: Page, name: string, type: RegExp, oauth = true) {
  await page.goto("/apps/new");
  await hydrated(page);
  await page.getByLabel("App name").fill(name);
  await page.getByLabel(type).check();
  if (oauth) {
    await page.getByLabel("Client ID").fill(`${name.toLowerCase().replace(/\W/g, "-")}-${Date.now()}`);
    await page.getByLabel("Callback URL").fill("https://types.example.com/oauth/callback");
  }
  await page.getByRole("button", { name: "Create app" }).click();
}

test("creating an app compares the three types side by side and asks only what the chosen one needs", async ({
  page,
}) => {
  const [owner] = await createCompany("Spec Types Form", [{ name: "Tia Types", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/apps/new");
  await hydrated(page);
  const card = (type: string) => page.getByTestId(`type-${type}`);
  await expect(card("PUBLIC")).toContainText("Listing page on the Marketplace");
  await expect(card("PUBLIC")).toContainText("How a company installs it: One click on the Marketplace");
  await expect(card("PRIVATE")).toContainText("How a company installs it: An unlisted install link");
  await expect(card("API_TOKEN")).toContainText("Install tracking here: Events API and imports only");
  // What a type does not get is marked so for screen readers too.
  await expect(card("API_TOKEN").getByText("No:")).toHaveCount(4);
  await expect(card("PRIVATE").getByText("No:")).toHaveCount(4);
  await expect(card("PUBLIC").getByText("No:")).toHaveCount(0);

  await expect(page.getByLabel("Client ID")).toBeVisible();
  await page.getByLabel(/^API-token integration/).check();
  await expect(page.getByLabel("Client ID")).toHaveCount(0);
  await expect(page.getByLabel("Callback URL")).toHaveCount(0);
  await expect(page.getByTestId("api-token-note")).toBeVisible();
  await page.getByLabel(/^Private app/).check();
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByText("Callback URL is required")).toBeVisible();
});

/** A member of a new company, signed in, with the apps of `types` created through the form: their URLs. */
async function withApps(page: Page, label: string, types: ("public" | "private" | "token")[]) {
  const [owner] = await createCompany(label, [{ name: `${label} Owner`, isAdmin: true }]);
  await signIn(page, owner!);
  const urls: Record<string, string> = {};
  const made = {
    public: ["Listed One", /^Public app/, true, /\/listing$/],
    private: ["Unlisted One", /^Private app/, true, /\/listing$/],
    token: ["Headless One", /^API-token integration/, false, /\/installs$/],
  } as const;
  for (const type of types) {
    const [name, label_, oauth, landing] = made[type];
    await create(page, name, label_, oauth);
    await expect(page).toHaveURL(landing);
    urls[type] = page.url().replace(landing, "");
  }
  return urls as Record<(typeof types)[number], string>;
}

test("public and private apps show what applies to each: tabs, editor, settings, and the pages a private app lacks", async ({
  page,
}) => {
  const { public: publicUrl, private: privateUrl } = await withApps(page, "Spec Types", ["public", "private"]);
  await page.goto(`${publicUrl}/listing`);
  await hydrated(page);
  expect(await tabsOf(page)).toEqual([
    "Listing",
    "Preview",
    "Submission",
    "Developer Hub",
    "Installs",
    "Customers",
    "Reviews & reasons",
    "Positions",
    "Competitors",
    "Versions",
    "Settings",
  ]);
  await expect(page.getByRole("tab", { name: "Review info" })).toBeVisible();
  await page.goto(`${publicUrl}/settings`);
  await expect(page.getByRole("heading", { name: "Marketplace page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Client secret" })).toBeVisible();
  await expect(page.getByText("Public app (fixed at creation)")).toBeVisible();

  await page.goto(`${privateUrl}/listing`);
  await hydrated(page);
  expect(await tabsOf(page)).toEqual([
    "Listing",
    "Preview",
    "Status",
    "Developer Hub",
    "Installs",
    "Customers",
    "Reviews & reasons",
    "Versions",
    "Settings",
  ]);
  await expect(page.getByRole("tab", { name: "Review info" })).toHaveCount(0);
  await page.goto(`${privateUrl}/settings`);
  await expect(page.getByRole("heading", { name: "Client secret" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Marketplace page" })).toHaveCount(0);
  await page.goto(`${privateUrl}/competitors`);
  await expect(page.getByRole("heading", { name: "Competitors are for public apps" })).toBeVisible();
  await expect(page.getByText("A private app has no Marketplace page")).toBeVisible();
});

test("an API-token integration shows only installs and settings; every other page and its API say why", async ({
  page,
}) => {
  const { token: tokenUrl } = await withApps(page, "Spec Tokens", ["token"]);
  await expect(page.getByText("API-token integration", { exact: true })).toBeVisible();
  expect(await tabsOf(page)).toEqual(["Installs", "Customers", "Reviews & reasons", "Settings"]);
  await page.goto(`${tokenUrl}/settings`);
  await expect(page.getByRole("heading", { name: "Install tracking" })).toBeVisible();
  await expect(page.getByText(`/api/v1/apps/${tokenUrl.split("/").pop()}/events`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Client secret" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Install gateway" })).toHaveCount(0);
  for (const [section, title] of [
    ["listing", "No listing to draft"],
    ["preview", "No Marketplace page to preview"],
    ["review", "No review or status to follow"],
    ["developer-hub", "Nothing to copy to Developer Hub"],
    ["versions", "No listing versions"],
    ["positions", "Positions are for public apps"],
  ]) {
    await page.goto(`${tokenUrl}/${section}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to installs" })).toBeVisible();
  }
  // The listing API refuses it too, with the reason.
  const res = await page.request.get(`/api/apps/${tokenUrl.split("/").pop()}/listing`);
  expect(res.status()).toBe(409);
  expect((await res.json()).error.message).toMatch(/^An API-token integration has no listing to draft/);
});

test("analytics and the Apps grid show each type only what it has", async ({ page }) => {
  const urls = await withApps(page, "Spec Type Figures", ["public", "private", "token"]);
  const id = (url: string) => url.split("/").pop();
  // Analytics of the integration: installs, not a consent funnel, share views or ratings.
  await page.goto(`/analytics?app=${id(urls.token)}`);
  await expect(page.getByTestId("kpi-installs")).toBeVisible();
  for (const kpi of ["denied", "rating", "views"]) await expect(page.getByTestId(`kpi-${kpi}`)).toHaveCount(0);
  await expect(page.locator("#funnel-title")).toHaveCount(0);
  await page.goto(`/analytics?app=${id(urls.public)}`);
  for (const kpi of ["installs", "denied", "rating", "views"])
    await expect(page.getByTestId(`kpi-${kpi}`)).toBeVisible();
  await expect(page.locator("#funnel-title")).toBeVisible();
  await page.goto(`/analytics?app=${id(urls.private)}`);
  await expect(page.getByTestId("kpi-denied")).toBeVisible();
  await expect(page.getByTestId("kpi-rating")).toHaveCount(0);

  // The Apps grid: each card says what it is and opens where the app's work is.
  await page.goto("/apps");
  const cards = page.getByTestId("app-card");
  await expect(cards.filter({ hasText: "Headless One" })).toContainText("Installs are tracked through the events API.");
  await expect(cards.filter({ hasText: "Headless One" })).not.toContainText("readiness");
  await expect(cards.filter({ hasText: "Unlisted One" })).toContainText("Setup readiness");
  await cards.filter({ hasText: "Headless One" }).getByRole("link", { name: "Headless One" }).click();
  await expect(page).toHaveURL(/\/installs$/);
});
