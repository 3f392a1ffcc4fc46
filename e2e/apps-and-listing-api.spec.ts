import { expect, test } from "@playwright/test";
import { addMembership, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

test("create an app, keep its secret out of the browser, archive and delete it", async ({ page }) => {
  const [owner] = await createCompany("Spec Apps", [{ name: "Ada Apps", isAdmin: true }]);
  await signIn(page, owner!);
  await page.getByRole("link", { name: "Create your first app" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByText("App name is required")).toBeVisible();
  // The client ID may come later: a listing is drafted before the app exists in Developer Hub.
  await expect(page.getByText("Client ID is required")).toHaveCount(0);
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
