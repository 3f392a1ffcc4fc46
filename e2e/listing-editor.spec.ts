import { expect, test, type Page } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

const saved = (page: Page) =>
  expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 10_000 });

test("fill the listing: counters, inline errors, scopes, features, video; everything is saved", async ({ page }) => {
  test.setTimeout(150_000); // every section of the form, then a reload: about 70 s on a slow machine here
  const [owner] = await createCompany("Spec Editor", [{ name: "Eve Editor", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "DealPilot");

  await page.getByRole("tab", { name: /OAuth & scopes/ }).click();
  await page.getByLabel(/Deals: Read only/).check();
  await page.getByLabel("Why does the app need this?").fill("Reads open deals to build the forecast.");
  await page.getByLabel(/Contacts: Full access/).check();
  await expect(page.getByText(/Full access lets the app change or delete data/)).toBeVisible();
  // Read-only and full access of one object are one choice: ticking one switches from the other.
  await page.getByLabel(/Contacts: Read only/).check();
  await expect(page.getByLabel(/Contacts: Full access/)).not.toBeChecked();
  await page.getByLabel(/Contacts: Full access/).check();
  await expect(page.getByLabel(/Contacts: Read only/)).not.toBeChecked();
  // Full access without a reason is what Pipedrive refuses: an error in the checklist, not advice.
  await expect(page.getByTestId("readiness-items")).toContainText(
    "Say why the app needs Contacts: Full access: Pipedrive refuses full access without a reason",
  );

  await page.getByRole("tab", { name: /Features/ }).click();
  await page.getByRole("button", { name: "Add feature" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Forecast panel");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("See the forecast beside each deal.");
  await page.getByRole("button", { name: "Add feature" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).nth(1).fill("Settings page");
  await page.getByRole("button", { name: "Move feature 2 up" }).click();
  await expect(page.getByRole("textbox", { name: "Name", exact: true }).first()).toHaveValue("Settings page");

  await page.getByRole("tab", { name: /General info/ }).click();
  const summary = page.getByLabel("Short summary");
  await summary.fill("x".repeat(151));
  await expect(page.getByTestId("field-summary-counter")).toHaveText("151 / 150");
  await expect(page.getByTestId("field-summary-counter")).toHaveClass(/text-red-600/);
  await expect(page.locator("#field-summary-error")).toHaveText("Short summary must be at most 150 characters");
  // A draft keeps what was typed: the rule shows inline and in the checklist, and saving goes on.
  await saved(page);
  await expect(page.getByTestId("readiness-items")).toContainText("Short summary must be at most 150 characters");
  await summary.fill("Forecast every Pipedrive deal with one click.");
  await page
    .getByRole("textbox", { name: "Full description" })
    .fill("DealPilot forecasts your pipeline.\n\n- Weekly forecast\n- Risk alerts");
  await page.getByRole("button", { name: "Preview", exact: true }).first().click();
  await expect(page.getByRole("listitem").filter({ hasText: "Risk alerts" })).toBeVisible();
  await page.getByRole("button", { name: "Edit", exact: true }).first().click();
  await page.getByLabel("Analytics & reporting").check();
  await page.getByLabel("YouTube link").fill("https://vimeo.com/1234");
  await expect(page.locator("#field-videoUrl-error")).toHaveText(/Only YouTube videos can be shown/);
  await page.getByLabel("YouTube link").fill("https://youtu.be/dQw4w9WgXcQ?t=4");
  await expect(page.getByTestId("video-id")).toHaveText("dQw4w9WgXcQ");

  await page.getByRole("tab", { name: /^Setup/ }).click();
  const setup = page.getByRole("textbox", { name: "Setup instructions" });
  await setup.fill("Install DealPilot");
  await setup.selectText();
  await page.getByRole("button", { name: "Numbered list" }).last().click();
  await expect(setup).toHaveValue("1. Install DealPilot");
  await page.getByRole("button", { name: "Add onboarding block" }).click();
  await page.getByLabel("Block 1 title").fill("Connect your pipeline");
  await page.getByLabel("Block 1 description").fill("Pick the pipeline DealPilot forecasts.");
  await page
    .getByLabel("Choose image 1")
    .setInputFiles({ name: "step.png", mimeType: "image/png", buffer: await makeImage(720, 400) });
  await expect(page.getByRole("img", { name: "Onboarding block 1" })).toBeVisible();
  await page.getByLabel("Onboarding video link").fill("https://example.com/video");
  await expect(page.locator("#field-onboarding-videoUrl-error")).toHaveText(
    "Use a YouTube, Vimeo, Vidyard or Wistia link",
  );
  await page.getByLabel("Onboarding video link").fill("https://vimeo.com/76979871");

  await page.getByRole("tab", { name: /Support & legal/ }).click();
  for (const [label, value] of [
    ["Website URL", "https://dealpilot.example.com"],
    ["Pricing page URL", "https://dealpilot.example.com/pricing"],
    ["Terms of Service URL", "https://dealpilot.example.com/terms"],
    ["Privacy Policy URL", "https://dealpilot.example.com/privacy"],
    ["Support URL", "https://dealpilot.example.com/help"],
    ["Documentation URL", "https://docs.dealpilot.example.com"],
    ["Issue tracker URL", "https://github.com/dealpilot/issues"],
  ] as const) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByLabel("Support email").fill("help@dealpilot.example.com");
  await page.getByRole("tab", { name: /Review info/ }).click();
  await page.getByLabel("Main contact email").fill("team@dealpilot.example.com");
  await page.getByLabel("Use case").fill("Forecasts for sales managers.");
  await page.getByLabel("Installation flow recording URL").fill("https://youtu.be/dQw4w9WgXcQ");
  await saved(page);

  await page.reload();
  await hydrated(page);
  await page.getByRole("tab", { name: /General info/ }).click();
  await expect(page.getByLabel("Short summary")).toHaveValue("Forecast every Pipedrive deal with one click.");
  await expect(page.getByLabel("Analytics & reporting")).toBeChecked();
  await expect(page.getByLabel("YouTube link")).toHaveValue("https://youtu.be/dQw4w9WgXcQ?t=4");
  await page.getByRole("tab", { name: /OAuth & scopes/ }).click();
  await expect(page.getByLabel(/Deals: Read only/)).toBeChecked();
  await expect(page.getByLabel("Why does the app need this?").first()).toHaveValue(
    "Reads open deals to build the forecast.",
  );
  await page.getByRole("tab", { name: /Features/ }).click();
  await expect(page.getByRole("textbox", { name: "Name", exact: true }).first()).toHaveValue("Settings page");
  await page.getByRole("tab", { name: /Review info/ }).click();
  await expect(page.getByLabel("Main contact email")).toHaveValue("team@dealpilot.example.com");

  await page.getByRole("tab", { name: /^Setup/ }).click();
  await expect(page.getByLabel("Block 1 title")).toHaveValue("Connect your pipeline");
  await expect(page.getByRole("img", { name: "Onboarding block 1" })).toBeVisible();

  const draft = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  expect(draft.data.scopes.map((s: { id: string }) => s.id)).toEqual(["base", "deals:read", "contacts:full"]);
  expect(draft.data.onboarding).toMatchObject({
    videoUrl: "https://vimeo.com/76979871",
    blocks: [{ title: "Connect your pipeline" }],
  });
  expect(draft.data.setupInstructions).toBe("1. Install DealPilot");
  expect(draft.data.termsUrl).toBe("https://dealpilot.example.com/terms");
});

test("closing the tab asks only when saving is known to fail", async ({ page }) => {
  const [owner] = await createCompany("Spec Leave", [{ name: "Lou Leave", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "Leaver");
  await page.route("**/api/apps/*/listing", (route) =>
    route.request().method() === "PUT" ? route.abort() : route.continue(),
  );
  await page.getByRole("tab", { name: /General info/ }).click();
  await page.getByLabel("Short summary").fill("Kept even offline");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved — retrying…");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
});

test("someone typing without a pause is still saved every few seconds", async ({ page }) => {
  const [owner] = await createCompany("Spec Typist", [{ name: "Tia Typist", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "Typer");
  await page.getByRole("tab", { name: /General info/ }).click();
  let saves = 0;
  page.on("request", (request) => void (request.method() === "PUT" && saves++));
  const started = Date.now();
  await page
    .getByLabel("Short summary")
    .pressSequentially("Typed steadily with no pause for a debounce", { delay: 120 });
  expect(Date.now() - started).toBeGreaterThan(5_500); // longer than the longest wait between saves
  expect(saves).toBeGreaterThan(0); // each key came within the 800 ms debounce, yet it was saved
});

test("two editors: the second save shows the conflict view and no text is lost", async ({ browser }) => {
  const [owner] = await createCompany("Spec Conflict", [{ name: "Cora Conflict", isAdmin: true }]);
  const a = await (await browser.newContext()).newPage();
  await signIn(a, owner!);
  const appId = await createAppInUi(a, "SyncBoard");
  const b = await (await browser.newContext()).newPage();
  await signIn(b, owner!);
  await b.goto(`/apps/${appId}/listing`);
  await hydrated(b);
  await hydrated(a);

  await a.getByRole("tab", { name: /General info/ }).click();
  await a.getByLabel("Short summary").fill("Summary from A");
  await saved(a);

  await b.getByRole("tab", { name: /General info/ }).click();
  await b.getByLabel("Short summary").fill("Summary from B");
  const dialog = b.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("conflict-summary")).toContainText("Summary from B");
  await expect(dialog.getByTestId("conflict-summary")).toContainText("Summary from A");
  await dialog.getByRole("button", { name: "Keep mine" }).click();
  await saved(b);

  await a.reload();
  await a.getByRole("tab", { name: /General info/ }).click();
  await expect(a.getByLabel("Short summary")).toHaveValue("Summary from B");
});
