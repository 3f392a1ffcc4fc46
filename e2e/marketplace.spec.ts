import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./config";
import { rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

const REVIEWS = [
  {
    id: "mk-1",
    author: "Hana Sato",
    stars: 5,
    date: "2026-11-10T09:00:00Z",
    text: "Every call lands on the deal by itself.",
    upvotes: 3,
    reply: "Thank you, Hana!",
  },
  {
    id: "mk-2",
    author: "Ivan Petrov",
    stars: 4,
    date: "2026-11-12T09:00:00Z",
    text: "Good, though the setup needs an admin.",
    upvotes: 0,
    reply: null,
  },
];

/** Through the review tab, as a partner records what Pipedrive did: submitted, approved, published. */
async function publish(page: Page, appId: string) {
  await page.goto(`/apps/${appId}/submission`);
  await hydrated(page);
  for (const button of ["Record submission", "Record approval", "Record publication"]) {
    await page.getByRole("button", { name: button, exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId("app-status")).toHaveText("Published");
}

/** Pipedrive lists the app: its public page, in the shape given. */
async function list(clientId: string, name: string, shape: string) {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ clientId, name, builtBy: "Spec Partner", installBand: "50+", reviews: REVIEWS, shape }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

async function syncNow(page: Page) {
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
}

test("a new app with case changes in its name: the default Marketplace URL is right, Check shows what would be read, Sync now stores it; an old URL is followed; a listing gone gives a linked error", async ({
  page,
}) => {
  test.setTimeout(150_000); // a new app, Check, Sync now and a wrong URL: about 60 s on a slow machine here
  const [owner] = await createCompany("Spec Marketplace", [{ name: "Mara Market", isAdmin: true }]);
  await signIn(page, owner!);
  const name = "RingCentral App Connect";
  const appId = await createAppInUi(page, name);
  await writeCompleteListing(page, appId, name);
  await publish(page, appId);
  const clientId = String(rawAppRow(appId).clientId);
  const url = await list(clientId, name, "flight");
  expect(url).toBe(`${E2E.emulatorUrl}/en/marketplace/app/ring-central-app-connect/${clientId}`);

  // The settings show the address the sync reads: Pipedrive's slug of the name.
  await page.goto(`/apps/${appId}/settings#listing-url`);
  await hydrated(page);
  const section = page.getByRole("region", { name: "Marketplace page" });
  await expect(section.getByRole("link", { name: url })).toBeVisible();
  await section.getByRole("button", { name: "Check" }).click();
  await expect(section.getByTestId("listing-check")).toContainText("This is what a sync would store");
  await expect(section.getByTestId("check-rating")).toHaveText("4.5");
  await expect(section.getByTestId("check-reviews")).toHaveText("2");
  await expect(section.getByRole("list", { name: "First reviews read" })).toContainText("Hana Sato · 5★");
  await section.getByText("Where it was read").click();
  await expect(
    section.getByText(/Next\.js App Router data \(flight\): rating 4\.5, 2 reviews counted, 2 reviews read/),
  ).toBeVisible();

  // Check stored nothing; Sync now stores the two reviews, each linked to the listing's reviews.
  await syncNow(page);
  await expect(page.getByText("Sync finished: 2 new, 0 updated, 0 removed")).toBeVisible({ timeout: 20_000 });
  await page.goto("/reviews?status=all");
  const hana = page.getByRole("article", { name: "Review by Hana Sato" });
  await expect(hana.getByRole("link", { name: /On the Marketplace/ })).toHaveAttribute("href", `${url}#user-reviews`);
  await expect(page.getByTestId("rating-card")).toContainText("2 reviews · 50+ installs");

  // The page changes to markup only: the same reviews, now linked to their own anchors.
  await list(clientId, name, "dom");
  await syncNow(page);
  await expect(page.getByText("Sync finished: 0 new, 0 updated, 0 removed")).toBeVisible({ timeout: 20_000 });
  await page.goto("/reviews?status=all");
  await expect(
    page.getByRole("article", { name: "Review by Hana Sato" }).getByRole("link", { name: /On the Marketplace/ }),
  ).toHaveAttribute("href", `${url}#review-mk-1`);
  await page.goto("/reviews/sync");
  const latest = page.getByTestId("sync-run").first().getByTestId("synced-app");
  await latest.getByText("Parse report").click();
  await expect(latest).toContainText("The visible page (");
  await expect(latest).toContainText("2 reviews read");

  // Another app's page is refused in the field.
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  const field = section.getByLabel("Marketplace page URL");
  await field.fill(`${E2E.emulatorUrl}/en/marketplace/app/ring-central-app-connect/someone-else`);
  await section.getByRole("button", { name: "Save URL" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    `This address is for client ID someone-else, and this app's client ID is ${clientId}: its page address ends in /${clientId}`,
  );
  // An old address of the listing: Check finds where it is now, by the app's client id, and offers it.
  const wrong = `${E2E.emulatorUrl}/en/marketplace/app/ringcentral-app-connect/${clientId}`;
  await field.fill(wrong);
  await section.getByRole("button", { name: "Check" }).click();
  await expect(section.getByTestId("listing-moved")).toContainText(
    `The listing moved to ${url} (the old address answers 404; found by the app's client id)`,
  );
  await section.getByRole("button", { name: "Use the new address" }).click();
  await expect(field).toHaveValue(url);

  // Saved anyway, the old address is followed by the next sync, which stores the new one.
  await field.fill(wrong);
  await section.getByRole("button", { name: "Save URL" }).click();
  await expect(page.getByText("Marketplace page URL saved")).toBeVisible();
  await expect(section.getByRole("link", { name: wrong })).toBeVisible();
  await syncNow(page);
  await expect(page.getByText("Sync finished: 0 new, 0 updated, 0 removed")).toBeVisible({ timeout: 20_000 });
  await page.goto(`/apps/${appId}/settings#listing-url`);
  await hydrated(page);
  await expect(section.getByLabel("Marketplace page URL")).toHaveValue(url);

  // The app leaves the Marketplace: the sync fails, linked to the field.
  await fetch(`${E2E.emulatorUrl}/__emulator/listings/${clientId}`, { method: "DELETE" });
  await syncNow(page);
  await expect(page.getByText("Sync failed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Fix the URL" })).toBeVisible();
  await page.reload();
  const failure = page.getByTestId("rating-card").getByTestId("sync-failure");
  await expect(failure).toContainText(
    "The listing page answered HTTP 404: there is no Marketplace page at this address, and the Marketplace lists none for this app's client id",
  );
  await failure.getByRole("link", { name: "Check the Marketplace page URL" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/settings#listing-url$`));
  await hydrated(page);
  await expect(page.getByLabel("Marketplace page URL")).toHaveValue(url);

  // Listed again, and the field emptied back to the default address: the sync works again.
  await list(clientId, name, "dom");
  await page.getByLabel("Marketplace page URL").fill("");
  await page.getByRole("button", { name: "Save URL" }).click();
  await expect(page.getByText("The default Marketplace page URL is used again")).toBeVisible();
  await syncNow(page);
  await expect(page.getByText("Sync finished: 0 new, 0 updated, 0 removed")).toBeVisible({ timeout: 20_000 });
});
