import { expect, test, type Page } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

const png = async (name: string, color: string) => ({
  name,
  mimeType: "image/png",
  buffer: await makeImage(1280, 800, "png", color),
});
const status = (page: Page) => page.getByTestId("save-status");
const draftOf = async (page: Page, appId: string) =>
  (await (await page.request.get(`/api/apps/${appId}/listing`)).json()).data;
const failSaves = (page: Page) =>
  page.route("**/api/apps/*/listing", (route) =>
    route.request().method() === "PUT" ? route.abort() : route.continue(),
  );

test("an invalid field never stops the others from being saved, and leaving by a tab saves first", async ({ page }) => {
  const [owner] = await createCompany("Spec Safe", [{ name: "Sia Safe", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "KeepAll");
  await page.getByRole("tab", { name: /General info/ }).click();
  await page.getByLabel("Short summary").fill("A summary that is far too long for the Marketplace. ".repeat(4));
  await expect(page.locator("#field-summary-error")).toHaveText("Short summary must be at most 150 characters");
  await page.getByLabel("Add images").setInputFiles([await png("one.png", "#1c7ed6"), await png("two.png", "#37b24d")]);
  await expect(page.getByTestId("listing-image")).toHaveCount(2);
  await page.getByLabel("YouTube link").fill("https://youtu.be/dQw4w9WgXcQ");
  await expect(page.getByTestId("readiness-items")).toBeVisible();
  // Straight to another tab of the app, well within the autosave's pause.
  await page.getByRole("textbox", { name: "Full description" }).fill("Typed just before leaving.\n\n- Kept");
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Versions" }).click();
  await expect(page).toHaveURL(/\/versions$/);

  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Listing" }).click();
  await hydrated(page);
  await page.getByRole("tab", { name: /General info/ }).click();
  await expect(page.getByLabel("Short summary")).toHaveValue(
    "A summary that is far too long for the Marketplace. ".repeat(4),
  );
  await expect(page.getByTestId("listing-image")).toHaveCount(2);
  await expect(page.getByLabel("YouTube link")).toHaveValue("https://youtu.be/dQw4w9WgXcQ");
  await expect(page.getByRole("textbox", { name: "Full description" })).toHaveValue(
    "Typed just before leaving.\n\n- Kept",
  );
  await expect(page.getByTestId("readiness-items")).toContainText("Short summary must be at most 150 characters");

  // The browser's back button saves first too.
  await page.getByLabel("Short summary").fill("Saved before going back.");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Save the current draft as a version" })).toBeVisible();
  await expect(page).toHaveURL(/\/versions$/);
  expect((await draftOf(page, appId)).summary).toBe("Saved before going back.");
});

test("a save that fails is retried and kept in the browser; after a reload the editor offers it back", async ({
  page,
}) => {
  const [owner] = await createCompany("Spec Restore", [{ name: "Rae Restore", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Phoenix");
  await failSaves(page);
  await page.getByRole("tab", { name: /General info/ }).click();
  await page.getByLabel("Short summary").fill("Written while the network was down.");
  await expect(status(page)).toHaveText("Not saved — retrying…");
  await expect(page.getByTestId("save-error")).toContainText("kept in this browser");

  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await hydrated(page);
  const banner = page.getByTestId("restore-banner");
  await expect(banner).toContainText("1 field differs from the saved draft");
  await expect(banner.getByTestId("diff-summary")).toContainText("Written while the network was down.");
  expect((await draftOf(page, appId)).summary).toBe("");

  await page.unroute("**/api/apps/*/listing");
  await banner.getByRole("button", { name: "Restore my changes" }).click();
  await expect(banner).toHaveCount(0);
  await expect(status(page)).toHaveAttribute("data-status", "saved", { timeout: 10_000 });
  expect((await draftOf(page, appId)).summary).toBe("Written while the network was down.");
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("restore-banner")).toHaveCount(0);
});

test("back online, a retrying save goes through; leaving while it fails asks in a dialog", async ({ page }) => {
  const [owner] = await createCompany("Spec Offline", [{ name: "Otto Offline", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "Offliner");
  await failSaves(page);
  await page.getByRole("tab", { name: /General info/ }).click();
  await page.getByLabel("Short summary").fill("Not yet on the server.");
  await expect(status(page)).toHaveText("Not saved — retrying…");

  const versions = page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Versions" });
  await versions.click();
  const dialog = page.getByRole("alertdialog", { name: "Your latest changes are not saved" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(page).toHaveURL(/\/listing$/);
  await expect(page.getByLabel("Short summary")).toHaveValue("Not yet on the server.");
  // The back button is held the same way.
  await page.evaluate(() => history.back());
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(page).toHaveURL(/\/listing$/);

  await page.unroute("**/api/apps/*/listing");
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(status(page)).toHaveAttribute("data-status", "saved", { timeout: 10_000 });

  await failSaves(page);
  await page.getByLabel("Short summary").fill("Lost cause, kept locally.");
  await expect(status(page)).toHaveText("Not saved — retrying…");
  await versions.click();
  await dialog.getByRole("button", { name: "Leave anyway" }).click();
  await expect(page).toHaveURL(/\/versions$/);
});

test("the uploader refuses a sixth image before uploading it", async ({ page }) => {
  const [owner] = await createCompany("Spec Sixth", [{ name: "Sid Sixth", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "FullHouse");
  await page.getByRole("tab", { name: /General info/ }).click();
  let uploads = 0;
  page.on(
    "request",
    (request) => void (request.method() === "POST" && request.url().includes("/assets?kind=image") && uploads++),
  );
  await page
    .getByLabel("Add images")
    .setInputFiles([
      await png("a.png", "#111111"),
      await png("b.png", "#222222"),
      await png("c.png", "#333333"),
      await png("d.png", "#444444"),
    ]);
  await expect(page.getByTestId("listing-image")).toHaveCount(4);
  await page.getByLabel("Add images").setInputFiles([await png("e.png", "#555555"), await png("f.png", "#666666")]);
  await expect(
    page.getByText("f.png was not uploaded: a listing has at most 5 images. Remove one to add another."),
  ).toBeVisible();
  await expect(page.getByTestId("listing-image")).toHaveCount(5);
  await expect(page.getByTestId("images-full")).toBeVisible();
  await expect(page.getByLabel("Add images")).toHaveCount(0);
  expect(uploads).toBe(5);
});

test("an import shows what changes, asks, and can be undone from Versions", async ({ page }) => {
  const [owner] = await createCompany("Spec Undo", [{ name: "Una Undo", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Undoable");
  await writeCompleteListing(page, appId, "Undoable");
  const exported = await (await page.request.get(`/api/apps/${appId}/export?format=json`)).json();
  const changed = {
    ...exported,
    listing: { ...exported.listing, summary: "Imported summary.", categories: ["Productivity"] },
  };

  await page.goto(`/apps/${appId}/versions`);
  await hydrated(page);
  await page.getByLabel("Exported listing (.zip or .json)").setInputFiles({
    name: "listing.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(changed)),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import listing.json?" });
  await expect(dialog.getByTestId("import-changes").getByRole("listitem")).toHaveCount(2);
  await expect(dialog).toContainText("Short summary");
  await expect(dialog).toContainText("Imported summary.");
  await expect(dialog).toContainText("Categories");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await draftOf(page, appId)).summary).toBe("Show every deal's story at a glance.");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await dialog.getByRole("button", { name: "Replace the draft" }).click();
  await expect(page.getByText(/The draft before it is version 1/)).toBeVisible();
  expect((await draftOf(page, appId)).summary).toBe("Imported summary.");
  const rows = page.getByTestId("version-row");
  await expect(rows.filter({ hasText: "Version 1: Before import" })).toContainText("Kept before an import");
  await rows.filter({ hasText: "Version 1: Before import" }).getByRole("button", { name: "Restore" }).click();
  await page.getByRole("button", { name: "Restore version" }).click();
  await expect(rows.getByText("Version 3: Restored version 1")).toBeVisible();
  const restored = await draftOf(page, appId);
  expect([restored.summary, restored.categories]).toEqual([
    "Show every deal's story at a glance.",
    ["Analytics & reporting", "Productivity"],
  ]);
});
