import { expect, test } from "@playwright/test";
import { createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

test("a listing is drafted before the app exists in Developer Hub; the pages that need the client ID say so until it is added", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [owner] = await createCompany("Spec Early", [{ name: "Eli Early", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/apps/new");
  await hydrated(page);
  await page.getByLabel("App name").fill("Early Bird");
  await page.getByLabel("Callback URL").fill("https://earlybird.example.com/oauth/callback");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/apps\/[^/]+\/listing$/);
  const appId = page.url().split("/").at(-2)!;
  await writeCompleteListing(page, appId, "Early Bird");

  // The hand-off and the submission say what the client ID is for; submitting is refused until it is there.
  await page.goto(`/apps/${appId}/developer-hub`);
  await expect(page.getByTestId("no-client-id")).toContainText("Create the app in Developer Hub first");
  await page.goto(`/apps/${appId}/submission`);
  await hydrated(page);
  await expect(page.getByTestId("no-client-id")).toContainText("needed before the listing is submitted");
  await page.getByRole("button", { name: "Record submission", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Record submission", exact: true }).click();
  await expect(
    page.getByText(/Add the app's client ID from Developer Hub in its settings before submitting/),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Settings: the ID is added, checked first.
  await page.getByTestId("no-client-id").getByRole("link", { name: "Add the client ID" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/settings#client$`));
  await hydrated(page);
  await expect(page.getByTestId("client-id")).toHaveText("not added yet");
  await page.getByRole("button", { name: "Add client ID" }).click();
  await page.getByLabel("New client ID").fill("has spaces in it");
  await page.getByRole("button", { name: "Save client ID" }).click();
  await expect(page.getByText("A client ID has no spaces or special characters")).toBeVisible();
  await page.getByLabel("New client ID").fill("early-bird-4f2a");
  await page.getByRole("button", { name: "Save client ID" }).click();
  await expect(page.getByText("Client ID saved")).toBeVisible();
  await expect(page.getByTestId("client-id")).toHaveText("early-bird-4f2a");
  await expect(page.getByTestId("no-client-id")).toHaveCount(0);

  // Now the submission goes through, and the audit log says who added it.
  await page.goto(`/apps/${appId}/submission`);
  await hydrated(page);
  await expect(page.getByTestId("no-client-id")).toHaveCount(0);
  await page.getByRole("button", { name: "Record submission", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Record submission", exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.goto("/team/audit");
  await expect(page.locator('[data-testid="audit-row"][data-action="app.client-id"]')).toContainText(
    "Set the client ID of",
  );
});
