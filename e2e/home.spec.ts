import { expect, test, type Page } from "@playwright/test";
import { publishApp, rawAppRow } from "./db";
import { createApiToken, createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";
import { placeIn, putListing, REVIEWS } from "./reviews";

const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
const install = (company: number, daysAgo: number, type = "install") => ({
  id: `${type}-${company}-${daysAgo}`,
  type,
  company_id: company,
  user_id: 1,
  occurred_at: at(daysAgo),
  scopes: "base",
});

async function syncNow(page: Page) {
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Sync finished/)).toBeVisible({ timeout: 20_000 });
}

const figure = (page: Page, app: string, id: string) =>
  page.getByTestId("app-card").filter({ hasText: app }).getByTestId(`figure-${id}-value`);

test("the home's figures are the ones each app's own pages show", async ({ page }) => {
  test.setTimeout(150_000);
  const [owner] = await createCompany("Home Figures", [{ name: "Hal Home", isAdmin: true }]);
  await signIn(page, owner!);
  const name = `Gauge ${Date.now().toString(36)}`;
  const appId = await createAppInUi(page, name);
  // Letters only: a list's key is its name in kebab case, which splits digits off.
  const category = `Home spec ${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
  await writeCompleteListing(page, appId, name, { categories: [category] });
  publishApp(appId);
  const clientId = String(rawAppRow(appId).clientId);
  await putListing(clientId, name, REVIEWS);
  await placeIn(
    { kind: "category", key: category.toLowerCase().replaceAll(" ", "-"), name: category, shape: "dom" },
    clientId,
    3,
    12,
  );

  // Installs through the events API: five in the last 30 days (one uninstalled since), two before.
  const token = await createApiToken(page, "Home backend");
  const events = [
    ...[2, 3, 4, 5, 6].map((d, i) => install(901 + i, d)),
    install(901, 1, "uninstall"),
    install(906, 40),
    install(907, 45),
  ];
  const sent = await page.request.post(`/api/v1/apps/${appId}/events`, {
    data: { events },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(sent.status()).toBe(202);
  await syncNow(page);

  await page.goto("/apps");
  const card = page.getByTestId("app-card").filter({ hasText: name });
  await expect(figure(page, name, "installs")).toHaveText("5");
  await expect(figure(page, name, "uninstalls")).toHaveText("1");
  await expect(card.getByTestId("figure-installs")).toContainText("+3 (+150.0%)");
  await expect(figure(page, name, "active")).toHaveText("6");
  await expect(figure(page, name, "rating")).toHaveText("3.0");
  await expect(card.getByTestId("figure-reviews")).toHaveText("4 reviews");
  await expect(figure(page, name, "position")).toHaveText("#3");
  await expect(card.getByTestId("figure-position")).toContainText(`in ${category}`);
  // Three reviews are new and unanswered: the card says so and links to them.
  await expect(card.getByTestId("attention")).toContainText("reviews wait for a reply");
  const home = {
    installs: await figure(page, name, "installs").innerText(),
    uninstalls: await figure(page, name, "uninstalls").innerText(),
    active: await figure(page, name, "active").innerText(),
    rating: await figure(page, name, "rating").innerText(),
    position: await figure(page, name, "position").innerText(),
    totalInstalls: await page.getByTestId("total-installs-value").innerText(),
  };

  // Each figure opens the page that explains it, and that page shows the same number.
  await card.getByTestId("figure-installs").click();
  await expect(page).toHaveURL(new RegExp(`/analytics\\?app=${appId}&range=30d$`));
  await expect(page.getByTestId("kpi-installs-value")).toHaveText(home.installs);
  await expect(page.getByTestId("kpi-uninstalls-value")).toHaveText(home.uninstalls);
  await page.goto("/analytics?range=30d");
  await expect(page.getByTestId("kpi-installs-value")).toHaveText(home.totalInstalls);

  await page.goto("/apps");
  await card.getByTestId("figure-active").click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/installs$`));
  await expect(page.getByTestId("active-installs")).toHaveText(home.active);

  await page.goto("/apps");
  await card.getByTestId("figure-rating").click();
  await expect(page).toHaveURL(new RegExp(`/reviews\\?app=${appId}$`));
  const rated = page.getByTestId("rating-card").filter({ hasText: name });
  await expect(rated.getByTestId("rating-average")).toHaveText(home.rating);
  await expect(rated).toContainText("4 reviews");

  await page.goto("/apps");
  await card.getByTestId("figure-position").click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/positions$`));
  await expect(page.getByTestId("position-card").filter({ hasText: category })).toContainText(
    new RegExp(`${home.position}\\s*of 12 apps`),
  );
});

test("a new workspace's checklist ticks each step as it is done, and can be put away", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const [owner] = await createCompany("Home Checklist", [{ name: "Cleo Checklist", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/apps");
  const checklist = page.getByTestId("first-run-checklist");
  const step = (key: string) => checklist.getByTestId(`step-${key}`);
  await expect(checklist.getByTestId("checklist-progress")).toHaveText("0 of 6 done");
  for (const key of ["app", "listing", "share", "team", "installs", "sync"])
    await expect(step(key)).toHaveAttribute("data-done", "false");

  const name = `Starter ${Date.now().toString(36)}`;
  const appId = await createAppInUi(page, name);
  await page.goto("/apps");
  await expect(step("app")).toHaveAttribute("data-done", "true");
  await expect(step("listing")).toHaveAttribute("data-done", "false");

  await writeCompleteListing(page, appId, name);
  await page.goto("/apps");
  await expect(step("listing")).toHaveAttribute("data-done", "true");

  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  await page.getByLabel("Label").fill("For the team");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByRole("textbox", { name: "New share link" })).toBeVisible();
  await page.goto("/apps");
  await expect(step("share")).toHaveAttribute("data-done", "true");

  await page.goto("/team");
  await hydrated(page);
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("textbox", { name: "Invite link" })).toBeVisible();
  await page.goto("/apps");
  await expect(step("team")).toHaveAttribute("data-done", "true");

  await createApiToken(page, "Backend");
  await page.goto("/apps");
  await expect(step("installs")).toHaveAttribute("data-done", "true");
  await expect(checklist.getByTestId("checklist-progress")).toHaveText("5 of 6 done");

  // Put away by one person, it stays away for them only.
  const [colleague] = await createCompany("Home Checklist Other", [{ name: "Nia New", isAdmin: true }]);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, colleague!);
  await other.goto("/apps");
  await hydrated(other);
  await other.getByRole("button", { name: "Hide the setup checklist" }).click();
  await expect(other.getByTestId("first-run-checklist")).toHaveCount(0);
  await other.reload();
  await expect(other.getByTestId("first-run-checklist")).toHaveCount(0);
  await page.goto("/apps");
  await expect(checklist).toBeVisible();

  // The first sync is the last step: the checklist is done and goes.
  publishApp(appId);
  await putListing(String(rawAppRow(appId).clientId), name, REVIEWS);
  await syncNow(page);
  await page.goto("/apps");
  await expect(page.getByRole("heading", { name: "Apps", level: 1 })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});
