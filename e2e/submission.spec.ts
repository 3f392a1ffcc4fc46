import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

async function openEditorTab(page: Page, appId: string, tab: string) {
  await page.goto(`/apps/${appId}/listing`);
  await hydrated(page);
  await page.getByRole("tab", { name: tab }).click();
}

async function record(page: Page, appId: string, button: string) {
  await page.goto(`/apps/${appId}/submission`);
  await hydrated(page);
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

test("while in review, the editor says the submission is frozen and shows edits against it; Copy to Developer Hub gives each field and the media in Pipedrive's sizes", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const [owner] = await createCompany("Spec Handoff", [{ name: "Hana Handoff", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Handover");
  await writeCompleteListing(page, appId, "Handover", {
    description: "Handover turns deals into **quotes**.\n\n- Branded\n- Tracked on the deal",
  });
  await record(page, appId, "Record submission");

  // The editor: frozen, nothing edited yet.
  await openEditorTab(page, appId, "General info");
  const banner = page.getByTestId("in-review-banner");
  await expect(banner).toContainText("In review at Pipedrive since");
  await expect(banner).toContainText("What was submitted is frozen as version 1");
  await expect(banner).toContainText("No edit since the submission.");
  await page.getByLabel("Short summary").fill("A sharper summary, for the next submission.");
  await expect(
    banner.getByRole("list", { name: "Fields edited since the submission" }).getByRole("listitem"),
  ).toHaveText(["Short summary"]);
  await page.getByRole("tab", { name: "Basic info" }).click();
  await page.getByLabel("Callback URL").fill("https://handover.example.com/oauth/v2");
  await expect(
    banner.getByRole("list", { name: "Fields edited since the submission" }).getByRole("listitem"),
  ).toHaveText(["Callback URL · critical", "Short summary"]);
  await expect(banner).toContainText("2 fields, 1 of them critical (Pipedrive reviews it again)");
  await banner.getByText("Changes against the submitted version").click();
  await expect(banner.getByTestId("diff-summary")).toContainText("[added] A sharper summary, for the next submission.");
  await expect(banner.getByTestId("diff-callbackUrl")).toContainText("Critical");
  await saved(page);

  // The hand-off view.
  await page.goto(`/apps/${appId}/developer-hub`);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Copy to Developer Hub",
    "Basic info",
    "OAuth & access scopes",
    "App extensions",
    "General info",
    "Installation",
    "Support & legal",
    "Review info",
  ]);
  await expect(page.getByTestId("handoff-submission")).toContainText("(version 1): 2 fields changed since.");
  const summary = page.getByTestId("handoff-summary");
  await expect(summary).toContainText("Changed since the submission");
  await expect(summary.getByTestId("handoff-count")).toHaveText("43 / 150");
  await expect(page.getByTestId("handoff-appName")).toContainText("As submitted");
  await summary.getByRole("button", { name: "Copy Short summary" }).click();
  await expect(summary.getByRole("button", { name: "Copy Short summary" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("A sharper summary, for the next submission.");
  // Each copy is written when its button says so: read the clipboard after that, not at the click.
  const description = page.getByTestId("handoff-description").getByRole("button", { name: "Copy Full description" });
  await description.click();
  await expect(description).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "Handover turns deals into quotes.\n\n• Branded\n• Tracked on the deal",
  );
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item!.types.includes("text/html") ? await (await item!.getType("text/html")).text() : null;
  });
  expect(html).toContain("<strong>quotes</strong>");
  await page.getByTestId("handoff-scopes").getByRole("button").click();
  await expect(page.getByTestId("handoff-scopes").getByRole("button")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "Access to basic information\nDeals: Read only",
  );

  // The media: one zip with every picture in the size and format Developer Hub takes.
  const media = page.getByTestId("handoff-media");
  await expect(media).toHaveCount(4);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all (zip)" }).click();
  const zip = unzipSync(readFileSync((await (await download).path())!));
  const sizes = await Promise.all(
    Object.entries(zip)
      .filter(([name]) => name.endsWith(".png") || name.endsWith(".jpg"))
      .map(async ([name, bytes]) => {
        const meta = await sharp(Buffer.from(bytes)).metadata();
        return `${name} ${meta.width}×${meta.height} ${meta.format}`;
      }),
  );
  expect(sizes.sort()).toEqual([
    "icon-256x256.png 256×256 png",
    "listing-image-1-1280x800.png 1280×800 png",
    "listing-image-2-1280x800.png 1280×800 png",
    "listing-image-3-1280x800.png 1280×800 png",
  ]);
  expect(Object.keys(zip)).toContain("where-each-goes.txt");
});

test("Use Listing Studio's gateway: one click in the listing, and settings shows the same URLs", async ({ page }) => {
  const [owner] = await createCompany("Spec Gateway Listing", [{ name: "Gil Gateway", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Routed");
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  const gatewayCallback = await page.getByLabel("Callback URL", { exact: true }).inputValue();
  const gatewayInstall = await page.getByLabel("Installation URL", { exact: true }).inputValue();
  await expect(page.getByTestId("gateway-in-listing")).toContainText(
    "The listing still has your app's own Callback and Installation URLs.",
  );

  await openEditorTab(page, appId, "Basic info");
  const choice = page.getByTestId("gateway-choice");
  await expect(choice).toContainText("In use: your app's own URLs");
  await expect(choice).toContainText("The Callback URL is a critical field");
  await choice.getByRole("button", { name: "Use Listing Studio's gateway" }).click();
  await expect(page.getByLabel("Callback URL")).toHaveValue(gatewayCallback);
  await expect(page.getByLabel("Installation URL")).toHaveValue(gatewayInstall);
  await expect(choice).toContainText("In use: Listing Studio's install gateway");
  await saved(page);

  await page.goto(`/apps/${appId}/settings`);
  await expect(page.getByTestId("gateway-in-listing")).toContainText("The listing uses these two URLs.");
  const details = page.getByRole("region", { name: "Pipedrive app" });
  await expect(details.locator("dt", { hasText: "Callback URL" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    `${gatewayCallback}install gateway`,
  );
  await expect(
    details.locator("dt", { hasText: "Installation URL" }).locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(`${gatewayInstall}install gateway`);

  // Typed over in the listing: settings says so, and offers the gateway again from there.
  await openEditorTab(page, appId, "Basic info");
  await page.getByLabel("Callback URL").fill("https://routed.example.com/oauth/callback");
  await expect(page.getByTestId("gateway-choice")).toContainText(
    "In use: the gateway's Installation URL, your app's own Callback URL",
  );
  await saved(page);
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  await expect(page.getByTestId("gateway-in-listing")).toContainText(
    "The listing uses the gateway's Installation URL only.",
  );
  await page.getByRole("button", { name: "Use them in the listing" }).click();
  await expect(page.getByTestId("gateway-in-listing")).toContainText("The listing uses these two URLs.");
  await openEditorTab(page, appId, "Basic info");
  await expect(page.getByLabel("Callback URL")).toHaveValue(gatewayCallback);
});

test("Copy says Copied only when the clipboard took it; a refused clipboard selects the address to copy by hand", async ({
  page,
  context,
}) => {
  const [owner] = await createCompany("Spec Copy", [{ name: "Cory Copy", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Copied Right");
  // A browser that refuses clipboard writes (no permission, an insecure page, a policy).
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException("Write permission denied", "NotAllowedError"));
  });
  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  const field = page.getByLabel("Callback URL", { exact: true });
  const button = page.getByRole("button", { name: "Copy Callback URL" });
  await button.click();
  await expect(button).toContainText("Select and copy");
  await expect(button).not.toContainText("Copied");
  const value = await field.inputValue();
  expect(await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!))).toBe(
    value,
  );

  // A browser that allows it: Copied, and the clipboard holds the address.
  const allowed = await context.newPage();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await allowed.goto(`/apps/${appId}/settings`);
  await hydrated(allowed);
  const copy = allowed.getByRole("button", { name: "Copy Callback URL" });
  await copy.click();
  await expect(copy).toContainText("Copied");
  expect(await allowed.evaluate(() => navigator.clipboard.readText())).toBe(value);
});

test("a category entered by the name Developer Hub shows: kept, shown in the preview and exported", async ({
  page,
}) => {
  const [owner] = await createCompany("Spec Category", [{ name: "Cat Egory", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Sorted");
  await openEditorTab(page, appId, "General info");
  const name = page.getByLabel("Category name, as Developer Hub shows it");
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Type the category's name" })).toBeVisible();
  await name.fill("  task and workflow MANAGEMENT ");
  await name.press("Enter");
  await name.fill("Field Service Tools");
  await page.getByRole("button", { name: "Add category" }).click();
  await name.fill("field service tools");
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Field Service Tools” is already chosen" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Task and workflow management" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Field Service Tools/ })).toBeChecked();
  await saved(page);

  await page.goto(`/apps/${appId}/preview`);
  await expect(page.getByTestId("marketplace-page").locator("[data-section=categories] li")).toHaveText([
    "Task and workflow management",
    "Field Service Tools",
  ]);
  const exported = await (await page.request.get(`/api/apps/${appId}/export?format=json`)).json();
  expect(exported.listing.categories).toEqual(["Task and workflow management", "Field Service Tools"]);
  await page.goto(`/apps/${appId}/developer-hub`);
  await expect(page.getByTestId("handoff-categories")).toContainText(
    "Task and workflow management\nField Service Tools",
  );
});
