import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectNoViolations } from "./axe";
import { consent, createApiToken, createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

const DAY = 86_400_000;

/** Install history through the events API: two installs a day for 20 days, an uninstall every 5th day. */
async function seedHistory(page: Page, appId: string) {
  const token = await createApiToken(page, "History");
  const noon = Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000;
  const events = [];
  for (let d = 1; d <= 20; d++) {
    const at = new Date(noon - d * DAY);
    events.push({
      id: `s-${d}`,
      type: "install_started",
      company_id: 900 + d,
      user_id: 1,
      occurred_at: at.toISOString(),
    });
    events.push({ id: `a-${d}`, type: "install", company_id: 900 + d, user_id: 1, occurred_at: at.toISOString() });
    events.push({ id: `b-${d}`, type: "install", company_id: 900 + d, user_id: 2, occurred_at: at.toISOString() });
    if (d % 5 === 0)
      events.push({
        id: `u-${d}`,
        type: "uninstall",
        company_id: 900 + d,
        user_id: 2,
        occurred_at: new Date(at.getTime() + 3_600_000).toISOString(),
      });
  }
  const res = await page.request.post(`/api/v1/apps/${appId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    data: { events },
  });
  expect(res.status()).toBe(202);
  expect((await res.json()).accepted).toBe(events.length);
}

test("charts show the app's history; the range lives in the URL; the CSV holds the chart's numbers", async ({
  page,
}) => {
  const [owner] = await createCompany("Analytics", [{ name: "Ana Owner", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, `Gauge ${Date.now().toString(36)}`);
  await seedHistory(page, appId);

  await page.goto(`/analytics?app=${appId}&range=30d`);
  await hydrated(page);
  await expect(page.getByTestId("kpi-installs-value")).toHaveText("40");
  await expect(page.getByTestId("kpi-uninstalls-value")).toHaveText("4");
  await expect(page.getByTestId("kpi-active-value")).toHaveText("36");
  await expect(page.getByTestId("funnel-install-started")).toHaveText("20");
  await expect(page.getByTestId("chart-installs").locator("svg[data-plot]").first()).toBeVisible();
  await expect(page.getByTestId("chart-active").locator("[data-line]")).toHaveCount(1);
  await expectNoViolations(page);

  // 7 days: the URL changes and the figures follow (days 1 to 6 ago: 12 installs, 1 uninstall).
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId("kpi-installs-value")).toHaveText("12");
  await expect(page.getByTestId("kpi-uninstalls-value")).toHaveText("1");
  // The previous 7 days had 14 installs.
  await expect(page.getByTestId("kpi-installs")).toContainText("−2 (−14.3%) vs previous period");

  // Weekly buckets, then the table and the CSV of the same chart.
  await page.getByLabel("Bucket").selectOption("week");
  await expect(page).toHaveURL(/bucket=week/);
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(page).toHaveURL(/range=30d&bucket=week|bucket=week.*range=30d/);
  const chart = page.getByTestId("chart-installs");
  await chart.getByRole("button", { name: "Show table" }).click();
  const cells = await chart
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
  expect(cells.length).toBeGreaterThanOrEqual(5);
  expect(cells.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(40);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    chart.getByRole("button", { name: "Download Installs and uninstalls as CSV" }).click(),
  ]);
  const csv = Papa.parse<string[]>(readFileSync((await download.path())!, "utf8").trim()).data;
  expect(csv[0]).toEqual(["period", "Installs", "Uninstalls"]);
  expect(csv.slice(1)).toEqual(cells);

  const churn = page.getByTestId("chart-churn");
  await churn.getByRole("button", { name: "Show table" }).click();
  const churnCells = await churn
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
  const [churnCsv] = await Promise.all([
    page.waitForEvent("download"),
    churn.getByRole("button", { name: "Download Churn rate as CSV" }).click(),
  ]);
  const churnRows = Papa.parse<string[]>(readFileSync((await churnCsv.path())!, "utf8").trim()).data;
  expect(churnRows[0]).toEqual(["period", "Churn rate (%)"]);
  expect(churnRows.slice(1)).toEqual(
    churnCells.map(([period, value]) => [period, value === "—" ? "" : value!.replace("%", "")]),
  );

  // A custom range through the date fields.
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
  // Exact labels: an app's generated name can hold "to" (the app picker is labelled with it).
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${from}&to=${today}`));
  await expect(page.getByTestId("kpi-installs-value")).toHaveText("20");
});

test("the workspace overview compares this month with last, and another workspace's app is not found", async ({
  page,
}) => {
  const [owner] = await createCompany("Overview", [{ name: "Olli Owner", isAdmin: true }]);
  await signIn(page, owner!);
  const name = `Meter ${Date.now().toString(36)}`;
  await createAppInUi(page, name);
  await page.goto("/analytics");
  await hydrated(page);
  await expect(page.getByTestId("month-overview").getByRole("link", { name })).toBeVisible();
  // The page streams behind its loading state, so the answer is the not-found page, not a status.
  await page.goto("/analytics?app=someone-elses-app");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await expect(page.getByTestId("kpi-installs")).toHaveCount(0);
});

test("the demo workspace's analytics render: a year of QuoteFlow installs, its funnel, cohorts and ratings", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await consent(page, { id: 101, name: "Alice Novak", companyId: 7001, companyName: "Acme Sales Tools" });
  await page.goto("/analytics?range=12m");
  await hydrated(page);
  const overview = page.getByTestId("month-overview");
  await expect(overview.getByRole("link", { name: "QuoteFlow" })).toBeVisible();
  await expect
    .poll(async () => Number((await page.getByTestId("kpi-installs-value").textContent())!.replace(/,/g, "")))
    .toBeGreaterThan(500);
  for (const chart of ["installs", "active", "net", "churn", "denied", "rating", "reviews", "stars"]) {
    await expect(page.getByTestId(`chart-${chart}`).locator("svg[data-plot]").first()).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Cohort retention" }).locator("tbody tr")).toHaveCount(12);
  // Apps compared in one chart, one line per app, with the same numbers as a table.
  const compare = page.getByTestId("chart-compare");
  await expect(compare.locator("[data-legend-item]")).toHaveText(["CallSprout", "Ledgerly Sync", "QuoteFlow"]);
  await expect(compare.locator("[data-line]")).toHaveCount(3);
  await compare.getByRole("link", { name: "Active installs" }).click();
  await expect(page).toHaveURL(/compare=active/);
  await expect(page.getByTestId("chart-compare").getByRole("heading")).toContainText("Apps compared: active installs");
  await page.getByTestId("chart-compare").getByRole("button", { name: "Show table" }).click();
  await expect(page.getByTestId("chart-compare").getByRole("columnheader")).toHaveText([
    "Period",
    "CallSprout",
    "Ledgerly Sync",
    "QuoteFlow",
  ]);
  // Ratings and reviews are compared too, among the apps with a Marketplace page, as the Reviews page counts them.
  await page.getByTestId("chart-compare").getByRole("link", { name: "Reviews" }).click();
  await expect(page).toHaveURL(/compare=reviewCount/);
  await expect(page.getByTestId("chart-compare").getByRole("heading")).toContainText("Apps compared: reviews");
  await page.getByTestId("chart-compare").getByRole("button", { name: "Show table" }).click();
  const reviewRows = page.getByTestId("chart-compare").locator("tbody tr");
  const lastReviews = (await reviewRows.last().locator("td").allTextContents()).at(-1);
  await page.getByTestId("chart-compare").getByRole("link", { name: "Rating" }).click();
  await expect(page.getByTestId("chart-compare").getByRole("heading")).toContainText("Apps compared: rating");
  await page.goto("/reviews");
  await expect(page.getByTestId("rating-card").filter({ hasText: "QuoteFlow" })).toContainText(
    `${lastReviews} reviews`,
  );
  await page.goto("/analytics?range=12m&compare=active");
  // Value axes read distinctly (no "0%, 0%, 1%, 1%").
  for (const chart of ["churn", "denied", "rating"]) {
    const ticks = await page.getByTestId(`chart-${chart}`).locator('[data-axis="value"] [data-tick]').allTextContents();
    expect(new Set(ticks).size, chart).toBe(ticks.length);
  }
  await overview.getByRole("link", { name: "QuoteFlow" }).click();
  await expect(page).toHaveURL(/app=/);
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  // The overview links to the app's last 30 days.
  await expect(page.getByText(/^QuoteFlow · .* \(30 days\)/)).toBeVisible();
  await expect
    .poll(async () => Number((await page.getByTestId("funnel-install-started").textContent())!.replace(/,/g, "")))
    .toBeGreaterThan(50);
  await expect(page.getByTestId("kpi-rating-value")).toHaveText(/^[1-5]\.\d\d$/);
});
