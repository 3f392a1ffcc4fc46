import { expect, test } from "@playwright/test";
import { addMembership, publishApp } from "./db";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

test("a link to an app of another of my workspaces offers to switch; the switch lands on the page", async ({
  browser,
}) => {
  const [agency] = await createCompany("Spec Agency", [{ name: "Aga Agency", isAdmin: true }]);
  const [client] = await createCompany("Spec Client", [{ name: "Cleo Client", isAdmin: true }]);
  const clientPage = await (await browser.newContext()).newPage();
  await signIn(clientPage, client!);
  const appId = await createAppInUi(clientPage, "ClientApp");

  const page = await (await browser.newContext()).newPage();
  await signIn(page, agency!);
  addMembership(agency!.id, client!.companyId, "EDITOR");
  // The agency's own workspace is open.
  await page.goto("/apps");
  await hydrated(page);
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("menuitem", { name: agency!.companyName }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText(agency!.companyName);

  await page.goto(`/apps/${appId}/versions`);
  await expect(page).toHaveURL(/\/switch\?/);
  await expect(page.getByRole("heading", { name: `This page is in ${client!.companyName}` })).toBeVisible();
  await expect(page.getByText(`You are working in ${agency!.companyName}`)).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: `Switch to ${client!.companyName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/versions$`));
  await expect(page.getByTestId("workspace-name")).toHaveText(client!.companyName);

  // The offer cannot be turned into a redirect elsewhere, nor into a look at a workspace one is not in.
  await page.goto(`/switch?workspace=nope&next=/apps`);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("owners see access requests waiting: a badge on Team and a notice on Apps; the access page has no sign-in button", async ({
  browser,
}) => {
  const [owner, asker] = await createCompany("Spec Badge", [
    { name: "Bea Badge", isAdmin: true },
    { name: "Ash Asker" },
  ]);
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner!);
  await expect(ownerPage.getByTestId("nav-badge-team")).toHaveCount(0);

  const askerPage = await (await browser.newContext()).newPage();
  await signIn(askerPage, asker!);
  await expect(askerPage).toHaveURL(/\/access$/);
  await expect(askerPage.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(askerPage.getByRole("button", { name: "Sign out" })).toBeVisible();
  await hydrated(askerPage);
  await askerPage.getByRole("button", { name: "Request access" }).click();
  await expect(askerPage.getByText("Your request is waiting for an owner")).toBeVisible();

  await ownerPage.goto("/apps");
  const badge = ownerPage.getByRole("navigation", { name: "Workspace" }).getByTestId("nav-badge-team");
  await expect(badge).toHaveText("1, 1 access request waiting");
  await expect(ownerPage.getByTestId("access-requests-notice")).toContainText("1 person asks to join");
  await ownerPage.getByTestId("access-requests-notice").getByRole("link", { name: "Review requests" }).click();
  await hydrated(ownerPage);
  await ownerPage.getByRole("button", { name: "Approve" }).click();
  await expect(ownerPage.getByRole("navigation", { name: "Workspace" }).getByTestId("nav-badge-team")).toHaveCount(0);
  await ownerPage.goto("/apps");
  await expect(ownerPage.getByTestId("access-requests-notice")).toHaveCount(0);
});

test("a private app is judged by private-app rules: no listing requirements, no reviewers' tab", async ({ page }) => {
  const [owner] = await createCompany("Spec Private", [{ name: "Pia Private", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/apps/new");
  await hydrated(page);
  await page.getByLabel("App name").fill("Inhouse Sync");
  await page.getByLabel(/^Private/).check();
  await page.getByLabel("Client ID").fill(`private-${Date.now()}`);
  await page.getByLabel("Callback URL").fill("https://inhouse.example.com/oauth/callback");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/listing$/);
  await hydrated(page);
  await expect(page.getByTestId("readiness-score")).toHaveText("100/100");
  await expect(page.getByText("Nothing blocks this private app.")).toBeVisible();
  await expect(page.getByRole("tab", { name: "Review info" })).toHaveCount(0);
  const tabs = page.getByRole("navigation", { name: "App sections" });
  await expect(tabs.getByRole("link", { name: "Submission", exact: true })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Status", exact: true }).click();
  await expect(page.getByText("Private app: Draft → Live, without Marketplace review")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reviewer feedback" })).toHaveCount(0);
  // Rules still apply to what it does have.
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Listing" }).click();
  await hydrated(page);
  await page.getByLabel("Callback URL").fill("http://inhouse.example.com/cb");
  await expect(page.getByTestId("readiness-items")).toContainText("Callback URL must use https");
  await page.goto("/apps");
  const card = page.getByRole("listitem").filter({ hasText: "Inhouse Sync" });
  // The card names the type once, under the name, and shows the app's own summary rather than the type's blurb.
  await expect(card).toContainText("Private app");
  await expect(card).not.toContainText("OAuth app installed by an unlisted link");
  await expect(card).toContainText("Setup readiness");
});

test("a published app's preview and share page show its stored rating and latest reviews", async ({
  page,
  browser,
}) => {
  const [owner] = await createCompany("Spec Rated", [{ name: "Rita Rated", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "RatedApp");
  await writeCompleteListing(page, appId, "RatedApp");
  await page.goto(`/apps/${appId}/preview`);
  await expect(page.getByTestId("marketplace-page")).toContainText("No reviews yet");

  publishApp(appId);
  const reviews = [
    { author: "Older Olga", stars: 4, date: "2026-10-01", text: "Solid app." },
    { author: "Newer Nils", stars: 5, date: "2026-11-20", text: "Saves us hours.", reply: "Thank you, Nils!" },
  ];
  const imported = await page.request.post(`/api/reviews/import?appId=${appId}`, {
    headers: { "content-type": "application/json" },
    data: Buffer.from(JSON.stringify(reviews)),
  });
  expect(imported.status()).toBe(201);

  await page.goto(`/apps/${appId}/preview`);
  const preview = page.getByTestId("marketplace-page");
  await expect(preview.getByTestId("rating-summary")).toHaveText("4.5 · 2 reviews");
  await expect(preview.getByTestId("preview-review")).toHaveCount(2);
  await expect(preview.getByTestId("preview-review").first()).toContainText("Newer Nils");
  await expect(preview.getByTestId("preview-review").first()).toContainText("Thank you, Nils!");
  await expect(preview).not.toContainText("No reviews yet");

  await hydrated(page);
  await page.getByLabel("Label").fill("Rated link");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "New share link" }).inputValue();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(url).pathname);
  await expect(visitor.getByTestId("rating-summary")).toHaveText("4.5 · 2 reviews");
  await expect(visitor.getByTestId("preview-review").first()).toContainText("Saves us hours.");
});
