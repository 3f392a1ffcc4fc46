import { expect, test, type Page } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { addMembership, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

const saved = (page: Page) =>
  expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 10_000 });

test("create an app, keep its secret out of the browser, archive and delete it", async ({ page }) => {
  const [owner] = await createCompany("Spec Apps", [{ name: "Ada Apps", isAdmin: true }]);
  await signIn(page, owner!);
  await page.getByRole("link", { name: "Create your first app" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByText("App name is required")).toBeVisible();
  await expect(page.getByText("Client ID is required")).toBeVisible();
  await page.getByLabel("Callback URL").fill("not a url");
  await page.getByLabel("App name").click();
  await expect(page.getByText("Callback URL must be a full URL starting with https://")).toBeVisible();

  const appId = await createAppInUi(page, "QuoteFlow", { clientSecret: "super-secret-value-123" });
  expect(String(rawAppRow(appId).clientSecret)).toMatch(/^v1\./);
  expect(String(rawAppRow(appId).clientSecret)).not.toContain("super-secret-value-123");

  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("client-secret-state")).toHaveText("set");
  expect(await page.content()).not.toContain("super-secret-value-123");

  await page.goto("/apps");
  await expect(page.getByRole("link", { name: "QuoteFlow" })).toBeVisible();

  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("button", { name: "Archive app" }).click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("link", { name: "QuoteFlow" })).toHaveCount(0);
  await page.getByRole("link", { name: "Archived" }).click();
  await expect(page.getByRole("link", { name: "QuoteFlow" })).toBeVisible();

  await page.goto(`/apps/${appId}/settings`);
  await hydrated(page);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("button", { name: "Delete app" })).toBeDisabled();
  await page.getByLabel(/Type QuoteFlow to confirm/).fill("QuoteFlow");
  await page.getByRole("button", { name: "Delete app" }).click();
  await expect(page).toHaveURL(/\/apps$/);
  expect((await page.request.get(`/api/apps/${appId}/listing`)).status()).toBe(404);
});

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

test("the listing API: bad input gets field errors, stale saves 409, viewers and strangers are refused", async ({
  browser,
}) => {
  test.setTimeout(150_000); // three people and six pages checked for injected markup: about 65 s on a slow machine here
  const [owner, viewer] = await createCompany("Spec Api", [
    { name: "Olga Api", isAdmin: true },
    { name: "Vic Viewer" },
  ]);
  const [stranger] = await createCompany("Spec Stranger", [{ name: "Sam Stranger", isAdmin: true }]);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "ApiApp");
  const url = `/api/apps/${appId}/listing`;
  const current = await (await page.request.get(url)).json();
  const put = (body: unknown) => page.request.put(url, { data: body });

  // A draft stores what was typed, valid or not; only what cannot be stored is refused, field by field.
  let revision = current.revision;
  const saveOk = async (data: Record<string, unknown>) => {
    const res = await put({ revision, data: { ...current.data, ...data } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    revision = body.revision;
    return body;
  };
  const long = await saveOk({ description: "a".repeat(1501), summary: "Kept" });
  expect([long.data.description.length, long.skipped]).toEqual([1501, {}]);
  const huge = await saveOk({ description: "a".repeat(15_001), summary: "Also kept" });
  expect(huge.data.description.length).toBe(1501);
  expect(huge.data.summary).toBe("Also kept");
  expect(huge.skipped.description).toBe("Full description is too long to keep: at most 15,000 characters are saved");
  const wrongType = await saveOk({ summary: 5 });
  expect([wrongType.data.summary, wrongType.skipped.summary]).toEqual(["Also kept", "Short summary must be text"]);

  const unknown = await put({ revision, data: { ...current.data, hacker: 1, summary: 5 } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fields._).toBe("Unknown field: hacker");
  const notAListing = await put({ revision, data: ["nope"] });
  expect(notAListing.status()).toBe(422);

  const notJson = await page.request.put(url, {
    data: Buffer.from("{nope"),
    headers: { "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe("BAD_REQUEST");

  const noRevision = await put({ data: current.data });
  expect(noRevision.status()).toBe(422);

  // Stored as typed, but never shown as a video or a link.
  expect(
    (
      await saveOk({
        videoUrl: "https://vimeo.com/123",
        websiteUrl: "javascript:alert(1)",
        supportEmail: "x@y.z?bcc=all",
      })
    ).skipped,
  ).toEqual({});

  const payload = '<script>alert(1)</script><img src=x onerror="alert(1)">[x](javascript:alert(1))';
  const fields = {
    appName: payload.slice(0, 50),
    summary: payload.slice(0, 150),
    description: payload,
    setupInstructions: payload,
    useCase: payload,
    scopes: [
      { id: "base", justification: "" },
      { id: "deals:read", justification: payload },
    ],
    features: [{ id: "f1", type: "custom_panel", name: payload.slice(0, 30), description: payload }],
    onboarding: {
      blocks: [{ id: "b1", title: payload.slice(0, 70), description: payload, imageAssetId: null }],
      videoUrl: "",
      videoTitle: payload.slice(0, 80),
      videoDescription: payload.slice(0, 120),
    },
  };
  const before = revision;
  const stored = await saveOk({ ...fields, videoUrl: "https://vimeo.com/123", websiteUrl: "javascript:alert(1)" });
  expect(stored.data.description).toBe(payload);
  expect(stored.data.features[0].description).toBe(payload);
  expect(stored.data.scopes[1].justification).toBe(payload);
  expect(stored.revision).toBe(before + 1);

  const stale = await put({ revision: current.revision, data: current.data });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current.revision).toBe(before + 1);

  let dialogs = 0;
  page.on("dialog", () => void dialogs++);
  for (const path of [
    `/apps/${appId}/listing`,
    "/apps",
    `/apps/${appId}/versions`,
    `/apps/${appId}/settings`,
    `/apps/${appId}/preview`,
    `/apps/${appId}/submission`,
  ]) {
    await page.goto(path);
    await hydrated(page);
    for (const preview of await page.getByRole("button", { name: "Preview", exact: true }).all()) await preview.click();
    await expect(page.locator("main script:not([src])").filter({ hasText: "alert(1)" })).toHaveCount(0);
    await expect(page.locator('main a[href^="javascript:"], main img[src="x"], main [onerror]')).toHaveCount(0);
  }
  await page.goto(`/apps/${appId}/listing`);
  await page.getByRole("tab", { name: /General info/ }).click();
  await expect(page.getByLabel("Short summary")).toHaveValue(payload.slice(0, 150));
  expect(dialogs).toBe(0);

  const strangerPage = await (await browser.newContext()).newPage();
  await signIn(strangerPage, stranger!);
  expect((await strangerPage.request.get(url)).status()).toBe(404);
  expect((await strangerPage.request.put(url, { data: { revision: 2, data: current.data } })).status()).toBe(404);
  expect((await strangerPage.goto(`/apps/${appId}/listing`))?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  expect((await strangerPage.goto(`/apps/${appId}/settings`))?.status()).toBe(404);
  expect((await strangerPage.goto(`/apps/${appId}/submission`))?.status()).toBe(404);
  // The submission's old address (bookmarks, notifications sent before it moved) leads to the same page.
  await page.goto(`/apps/${appId}/review`);
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/submission$`));
  expect((await strangerPage.request.get(`/api/apps/${appId}/link-checks`)).status()).toBe(404);
  expect((await strangerPage.request.post(`/api/apps/${appId}/link-checks`)).status()).toBe(404);
  expect((await (await browser.newContext()).request.post(`/api/apps/${appId}/link-checks`)).status()).toBe(401);

  const viewerPage = await (await browser.newContext()).newPage();
  await signIn(viewerPage, viewer!);
  await expect(viewerPage).toHaveURL(/\/access$/);
  addMembership(viewer!.id, owner!.companyId, "VIEWER");
  expect((await viewerPage.request.get(url)).status()).toBe(200);
  expect((await viewerPage.request.get(`/api/apps/${appId}/link-checks`)).status()).toBe(200);
  expect((await viewerPage.request.post(`/api/apps/${appId}/link-checks`)).status()).toBe(403);
  const refused = await viewerPage.request.put(url, { data: { revision: 2, data: current.data } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("FORBIDDEN");
  await viewerPage.goto(`/apps/${appId}/listing`);
  await expect(viewerPage.getByText("Read only", { exact: true })).toBeVisible();

  const anonymous = await (await browser.newContext()).request.put(`${url}`, { data: {} });
  expect(anonymous.status()).toBe(401);
});
