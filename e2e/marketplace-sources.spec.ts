import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./config";
import { publishApp, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

/**
 * Where a sync's figures come from: the Marketplace's API first, the page when the API is gone (Sync
 * history says which, and why), a renamed listing followed to its new address, and what the site served
 * for a read that failed, downloadable to attach to a bug report.
 */
const REVIEWS = [1, 2, 3, 4].map((n) => ({
  id: `src-${n}`,
  author: `Reviewer ${n}`,
  stars: n === 2 ? 3 : 5,
  date: `2026-11-1${n}T09:00:00Z`,
  text: `Review number ${n}`,
  upvotes: 0,
  reply: null,
}));

/** The app's listing on the emulator's Marketplace, with its own API behaviour and rename. */
async function list(clientId: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ clientId, name, builtBy: "Source Partner", reviews: REVIEWS, ...extra }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

async function syncNow(page: Page, says: string | RegExp) {
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(says).first()).toBeVisible({ timeout: 30_000 });
}

/** The app's result in the latest run of Sync history. */
async function latestResult(page: Page) {
  await page.goto("/reviews/sync");
  return page.getByTestId("sync-run").first().getByTestId("synced-app");
}

async function publishedApp(page: Page, label: string, name: string) {
  const [owner] = await createCompany(label, [{ name: "Sol Source", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, name);
  publishApp(appId);
  return { appId, clientId: String(rawAppRow(appId).clientId) };
}

test("the sync reads the Marketplace's API first and says so; without the API it reads the page and says why", async ({
  page,
}) => {
  test.setTimeout(120_000); // two syncs and Sync history: about 40 s on a slow machine here
  const { clientId } = await publishedApp(page, "Spec Sources", "Source Radar");
  await list(clientId, "Source Radar");

  await syncNow(page, "Sync finished: 4 new, 0 updated, 0 removed");
  let result = await latestResult(page);
  await expect(result.getByTestId("api-source")).toHaveText("The Marketplace's API answered and was read first.");
  await expect(result.getByTestId("figure-sources")).toHaveText(
    "Rating from the Marketplace's API · review count from the Marketplace's API · reviews from the page's JSON-LD and the Marketplace's API",
  );
  await expect(result).toContainText(
    "Read a rating of 4.5 (the Marketplace's API) and 4 reviews (the Marketplace's API)",
  );

  // The API stops answering for this app: the page alone, the same figures, and the reason.
  await list(clientId, "Source Radar", { api: "off" });
  await syncNow(page, "Sync finished: 0 new, 0 updated, 0 removed");
  result = await latestResult(page);
  await expect(result.getByTestId("api-source")).toContainText(
    "The Marketplace's API was not used (The Marketplace's API answered HTTP 404: there is no Marketplace page at this address): the page was read instead.",
  );
  await expect(result.getByTestId("figure-sources")).toHaveText(
    "Rating from the page's JSON-LD · review count from the page's JSON-LD · reviews from the page's JSON-LD",
  );
  await page.goto("/reviews");
  await expect(page.getByTestId("rating-card")).toContainText("4 reviews");
});

test("a renamed listing is followed: its old address redirects or answers 404, and the new one is stored", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { appId, clientId } = await publishedApp(page, "Spec Rename", "Rename Radar");
  // Renamed by Pipedrive's Marketplace team: the old slug answers 404, the API is gone too.
  const now = await list(clientId, "Rename Radar", {
    slug: "rename-radar-for-pipedrive",
    previousSlugs: ["rename-radar"],
    api: "off",
  });
  await syncNow(page, "Sync finished: 4 new, 0 updated, 0 removed");
  const result = await latestResult(page);
  await expect(result.getByTestId("listing-moved")).toHaveText(
    `The listing moved to ${now} (the old address answers 404; found by the app's client id). Its new address is stored, and read from now on.`,
  );
  await page.goto(`/apps/${appId}/settings#listing-url`);
  await hydrated(page);
  await expect(page.getByLabel("Marketplace page URL")).toHaveValue(now);
  await page.goto("/team/audit");
  await expect(page.getByText("Marketplace sync").first()).toBeVisible();

  // Renamed again, with a redirect this time.
  const again = await list(clientId, "Rename Radar", {
    slug: "rename-radar-crm",
    previousSlugs: ["rename-radar-for-pipedrive"],
    renamed: "redirect",
    api: "off",
  });
  await syncNow(page, "Sync finished: 0 new, 0 updated, 0 removed");
  await expect((await latestResult(page)).getByTestId("listing-moved")).toContainText(
    `The listing moved to ${again} (the old address redirects there).`,
  );
  await page.goto(`/apps/${appId}/settings#listing-url`);
  await hydrated(page);
  await expect(page.getByLabel("Marketplace page URL")).toHaveValue(again);
});

test("a failed read keeps what the Marketplace served: Sync history offers it as a download", async ({ page }) => {
  test.setTimeout(120_000);
  const { clientId } = await publishedApp(page, "Spec Evidence", "Evidence Radar");
  await list(clientId, "Evidence Radar", { api: "off" });
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listing-faults`, {
    method: "POST",
    body: JSON.stringify({ clientId, faults: [{ mode: "garbage" }] }),
  });
  expect(res.status).toBe(200);
  await syncNow(page, "Sync failed");

  const result = await latestResult(page);
  await expect(result).toContainText("The page is not a Marketplace listing Listing Studio can read");
  const link = result.getByRole("link", { name: /Download what the Marketplace served/ });
  await expect(link).toContainText("(the page, HTTP 200, zip)");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/-en-marketplace-app-evidence-radar-.+\.zip$/);
  const files = Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(readFileSync(await download.path())))).map(([name, bytes]) => [
      name.split("/").at(-1)!,
      strFromU8(bytes),
    ]),
  );
  expect(Object.keys(files).sort()).toEqual(["body.html", "response.json"]);
  expect(files["body.html"]).toContain("Something went wrong");
  expect(JSON.parse(files["response.json"]!)).toMatchObject({
    status: 200,
    kind: "LISTING",
    clientId,
    reason: expect.stringContaining("not a Marketplace listing"),
  });
  expect(files["response.json"]).not.toMatch(/cookie/i);

  // Another workspace's member cannot download it.
  const href = (await link.getAttribute("href"))!;
  const [stranger] = await createCompany("Spec Evidence Other", [{ name: "Otto Other", isAdmin: true }]);
  const other = await (await page.context().browser()!.newContext()).newPage();
  await signIn(other, stranger!);
  expect((await other.request.get(href)).status()).toBe(404);
});
