import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { publishApp, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

test("add a competitor by its Marketplace address and compare with it; bad addresses are refused on the field", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Rivals", [{ name: "Rhea Rival", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Compare Me");
  publishApp(appId);
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({
      clientId: "spec-rival-client",
      name: "Spec Rival CRM Sync",
      installBand: "1,000+",
      votes: { up: 40, down: 3 },
      shape: "next-data",
      reviews: [
        { id: "r1", author: "Ola", stars: 5, date: "2026-10-02T09:00:00Z", text: "Great" },
        { id: "r2", author: "Per", stars: 3, date: "2026-11-02T09:00:00Z", text: "Fine" },
      ],
    }),
  });
  const { url } = (await res.json()) as { url: string };

  await page.goto(`/apps/${appId}/competitors`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No competitor yet" })).toBeVisible();
  const field = page.getByLabel("Marketplace page of a competitor");
  await field.fill(`${E2E.emulatorUrl}/en/marketplace/app/gone-app/no-such-client`);
  await page.getByRole("button", { name: "Add competitor" }).click();
  await expect(page.getByText("There is no public Marketplace page at this address")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(url);
  await page.getByRole("button", { name: "Add competitor" }).click();
  const row = page.getByTestId("competitor-row");
  await expect(row).toContainText("Spec Rival CRM Sync");
  await expect(row).toContainText("4.00");
  await expect(row).toContainText("1,000+");
  await expect(field).toHaveValue("");
  // The app itself heads the table, with the same columns (not read yet: nothing is made up).
  const first = page
    .getByRole("table", { name: /Your app and its competitors/ })
    .locator("tbody tr")
    .first();
  await expect(first).toHaveAttribute("data-testid", "own-row");
  await expect(first).toContainText("Your app");
  await expect(first.locator("td")).toHaveCount(7);
  await expect(first.locator("td").nth(1)).toHaveText("—");

  const chart = page.getByTestId("chart-compare-rating");
  await chart.getByRole("button", { name: "Show table" }).click();
  await expect(chart.getByRole("columnheader", { name: "Spec Rival CRM Sync" })).toBeVisible();
  await expect(chart.getByRole("table")).toContainText("4.00");
});

test("a competitor's listing changes are logged with before and after, and raise an alert", async ({ page }) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Rival Changes", [{ name: "Cora Change", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Watch Them");
  publishApp(appId);
  const put = async (listing: object) =>
    (
      (await (
        await fetch(`${E2E.emulatorUrl}/__emulator/listings`, { method: "POST", body: JSON.stringify(listing) })
      ).json()) as { url: string }
    ).url;
  await put({ clientId: String(rawAppRow(appId).clientId), name: "Watch Them", reviews: [] });
  const rival = {
    clientId: "spec-rival-changes",
    name: "Changing Rival",
    summary: "Sync contacts both ways.",
    description: "Changing Rival syncs contacts.\n\nBoth ways, every minute.",
    screenshots: ["changing-1", "changing-2"],
    categories: ["Contact management"],
    shape: "flight",
    reviews: [{ id: "r1", author: "Ola", stars: 4, date: "2026-10-02T09:00:00Z", text: "Good" }],
  };
  const url = await put(rival);
  await page.goto(`/apps/${appId}/competitors`);
  await hydrated(page);
  await page.getByLabel("Marketplace page of a competitor").fill(url);
  await page.getByRole("button", { name: "Add competitor" }).click();
  await expect(page.getByTestId("competitor-row")).toContainText("Changing Rival");
  await expect(page.getByText("No change seen yet.")).toBeVisible();

  await put({
    ...rival,
    summary: "Two-way contact sync with dedupe.",
    screenshots: [{ name: "changing-1", content: "a new picture" }, "changing-2"],
    pricingUrl: "https://rival.example.com/pricing",
  });
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/^Sync finished/)).toBeVisible({ timeout: 20_000 });

  await page.goto(`/apps/${appId}/competitors`);
  const changes = page.getByTestId("listing-change");
  await expect(changes).toHaveCount(3);
  const summary = changes.filter({ hasText: "changed its summary" });
  await expect(summary).toContainText("BeforeSync contacts both ways.");
  await expect(summary).toContainText("AfterTwo-way contact sync with dedupe.");
  await expect(changes.filter({ hasText: "changed its screenshots" })).toContainText("2 screenshots (1 replaced)");
  await expect(changes.filter({ hasText: "changed its pricing link" })).toContainText(
    "https://rival.example.com/pricing",
  );

  // The default rule puts it in the bell; its link shows that competitor's changes.
  await page.getByTestId("notification-bell").click();
  const note = page.getByTestId("notification").filter({
    hasText: "Changing Rival (a competitor of Watch Them) changed its summary, screenshots and pricing link",
  });
  await expect(note).toHaveCount(1);
  await note.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Listing changes of Changing Rival" })).toBeVisible();
});

test("competitors suggested from the app's categories are followed in one click", async ({ page }) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Suggestions", [{ name: "Sid Suggest", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Suggest Me");
  await writeCompleteListing(page, appId, "Suggest Me", { categories: ["Suggestion spec tools"] });
  publishApp(appId);
  const clientId = String(rawAppRow(appId).clientId);
  const post = (path: string, body: object) =>
    fetch(`${E2E.emulatorUrl}/__emulator/${path}`, { method: "POST", body: JSON.stringify(body) });
  await post("listings", { clientId, name: "Suggest Me", reviews: [] });
  await post("listings", { clientId: "spec-suggested-1", name: "Leading Rival", reviews: [], installBand: "10,000+" });
  await post("collections", {
    kind: "category",
    key: "suggestion-spec-tools",
    name: "Suggestion spec tools",
    shape: "json-ld",
    apps: [{ clientId: "spec-suggested-1", name: "Leading Rival" }, { clientId }],
  });

  await page.goto(`/apps/${appId}/competitors`);
  await expect(page.getByText("None yet: suggestions are the first apps")).toBeVisible();
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/^Sync finished/)).toBeVisible({ timeout: 20_000 });

  await page.goto(`/apps/${appId}/competitors`);
  await hydrated(page);
  // The hint shows the shape of an address, not a made-up page; a refused address is forgotten once a
  // suggestion is followed, and what was typed stays.
  await expect(page.getByText(/its address looks like .*\/marketplace\/app\/<app-name>\/<client-id>/)).toBeVisible();
  const field = page.getByLabel("Marketplace page of a competitor");
  await field.fill(`${E2E.emulatorUrl}/en/marketplace/app/gone-app/no-such-client`);
  await page.getByRole("button", { name: "Add competitor" }).click();
  await expect(page.getByText("There is no public Marketplace page at this address")).toBeVisible();
  const suggestion = page.getByTestId("competitor-suggestion");
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toContainText("Leading Rival");
  await expect(suggestion).toContainText("#1 in Suggestion spec tools");
  await suggestion.getByRole("button", { name: "Follow Leading Rival" }).click();
  await expect(page.getByText("Now following Leading Rival")).toBeVisible();
  await expect(page.getByTestId("competitor-row")).toContainText("10,000+");
  await expect(page.getByText("There is no public Marketplace page at this address")).toHaveCount(0);
  await expect(field).toHaveValue(`${E2E.emulatorUrl}/en/marketplace/app/gone-app/no-such-client`);
  // Followed: no longer suggested.
  await expect(suggestion).toHaveCount(0);
});
