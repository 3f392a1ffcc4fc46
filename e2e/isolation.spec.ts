import { expect, test, type Page } from "@playwright/test";
import { addCapture, addMembership, latestSyncRun, workspaceIdOf, addCustomer } from "./db";
import { PAGES, ROUTES, type Ids } from "./entry-points";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

/**
 * Tenant isolation: a member of workspace B, holding workspace A's ids, gets the not-found page or
 * 404 from every page and route handler listed in e2e/entry-points.ts (which a unit test keeps
 * equal to the files), and never sees A's data on the pages of their own workspace. A viewer of A
 * gets 403 from every write route.
 */
async function workspaceWithData(page: Page): Promise<Ids & { companyId: number }> {
  const [owner] = await createCompany("Tenant A", [{ name: "Ann A", isAdmin: true }]);
  await signIn(page, owner!);
  const appName = `Secret Plan ${Date.now().toString(36)}`;
  const appId = await createAppInUi(page, appName);
  const { makeImage } = await import("../lib/media/fixtures");
  const upload = await page.request.post(`/api/apps/${appId}/assets?kind=icon`, {
    multipart: { file: { name: "i.png", mimeType: "image/png", buffer: await makeImage(256, 256, "png", "#123456") } },
  });
  expect(upload.status()).toBe(201);
  const assetId = ((await upload.json()) as { id: string }).id;
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/No published app to sync|Sync finished/)).toBeVisible({ timeout: 20_000 });
  const runId = latestSyncRun(owner!.companyId);
  return {
    appId,
    assetId,
    runId,
    // What the Marketplace served for a failed read of A's app, as a sync keeps it.
    captureId: addCapture(workspaceIdOf(owner!.companyId), runId, appId),
    appName,
    customerId: addCustomer(workspaceIdOf(owner!.companyId), appId),
    companyId: owner!.companyId,
    workspaceId: workspaceIdOf(owner!.companyId),
  };
}

test("a member of another workspace gets 404 for every page and route with foreign ids, and sees none of its data", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000); // every page and route of the app as another workspace: about 60 s on a slow machine here
  const a = await workspaceWithData(page);
  const [b] = await createCompany("Tenant B", [{ name: "Bob B", isAdmin: true }]);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, b!);

  let checked = 0;
  for (const [name, check] of Object.entries(PAGES)) {
    if (check.kind === "foreign-id") {
      await other.goto(check.url(a));
      await expect(other.getByRole("heading", { name: "This page does not exist" }), name).toBeVisible();
      checked++;
    } else if (check.kind === "own-data") {
      await other.goto(check.url);
      await expect(other.getByRole("heading", { level: 1 }), name).toBeVisible();
      expect(await other.content(), name).not.toContain(a.appName);
      expect(await other.content(), name).not.toContain(a.appId);
      checked++;
    }
  }
  for (const [name, check] of Object.entries(ROUTES)) {
    const [method] = name.split(" ");
    if (check.kind === "foreign-id") {
      const res = await other.request.fetch(check.url(a), {
        method,
        headers: check.body ? { "content-type": check.body.type } : {},
        data: check.body ? Buffer.from(check.body.data) : undefined,
      });
      expect(res.status(), name).toBe(404);
      expect(await res.text(), name).not.toContain(a.appName);
      checked++;
    } else if (check.kind === "own-data") {
      const res = await other.request.get(check.url);
      expect(res.status(), name).toBe(200);
      expect(await res.text(), name).not.toContain(a.appName);
      checked++;
    }
  }
  const checkable = [...Object.values(PAGES), ...Object.values(ROUTES)].filter(
    (c) => c.kind === "foreign-id" || c.kind === "own-data",
  ).length;
  expect(checked).toBe(checkable);
});

test("a viewer of the workspace gets 403 from every write route", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const a = await workspaceWithData(page);
  const [viewer] = await createCompany("Viewer home", [{ name: "Vic Viewer", isAdmin: true }]);
  const viewerPage = await (await browser.newContext()).newPage();
  await signIn(viewerPage, viewer!);
  // Vic also joins workspace A as a viewer, and opens it.
  addMembership(viewer!.id, a.companyId, "VIEWER");
  await viewerPage.goto("/apps");
  await hydrated(viewerPage);
  await viewerPage.getByRole("button", { name: /^Workspace: / }).click();
  await viewerPage.getByRole("menuitem", { name: /Tenant A/ }).click();
  await expect(viewerPage.getByRole("button", { name: /^Workspace: / })).toHaveAccessibleName(/Tenant A/);

  let checked = 0;
  for (const [name, check] of Object.entries(ROUTES)) {
    const [method] = name.split(" ");
    if (check.kind !== "foreign-id" || method === "GET") continue;
    const res = await viewerPage.request.fetch(check.url(a), {
      method,
      headers: check.body ? { "content-type": check.body.type } : {},
      data: check.body ? Buffer.from(check.body.data) : undefined,
    });
    expect(res.status(), name).toBe(403);
    checked++;
  }
  expect(checked).toBe(
    Object.entries(ROUTES).filter(([n, c]) => c.kind === "foreign-id" && !n.startsWith("GET")).length,
  );
  // Reading is allowed.
  expect((await viewerPage.request.get(`/api/apps/${a.appId}/listing`)).status()).toBe(200);
});
