import { expect, test, type Page } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { addMembership } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

async function editDraft(
  page: Page,
  appId: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
) {
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  const res = await page.request.put(`/api/apps/${appId}/listing`, {
    data: { revision: current.revision, data: change(current.data) },
  });
  expect(res.status()).toBe(200);
}

test("save a version, diff it against the draft, restore it", async ({ page }) => {
  const [owner] = await createCompany("Spec Versions", [{ name: "Val Versions", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Timeline");
  await editDraft(page, appId, (d) => ({ ...d, summary: "Plan every deal on a timeline." }));

  await page.goto(`/apps/${appId}/versions`);
  await hydrated(page);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText("Give the version a label")).toBeVisible();
  await page.getByLabel("Version label").fill("First draft");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("version-row").getByText("Version 1: First draft")).toBeVisible();

  await editDraft(page, appId, (d) => ({
    ...d,
    summary: "Plan every Pipedrive deal on a shared timeline.",
    scopes: [...(d.scopes as object[]), { id: "deals:read", justification: "Reads deal dates" }],
  }));
  await page.reload();
  await page.getByRole("link", { name: "Compare with draft" }).click();
  const summary = page.getByTestId("diff-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator(".bg-green-100")).toContainText(["Pipedrive"]);
  await expect(page.getByTestId("diff-scopes")).toContainText("Critical: needs Pipedrive's re-review");
  await expect(page.getByTestId("diff-summary")).not.toContainText("Critical");

  await hydrated(page);
  await page.getByRole("button", { name: "Restore" }).first().click();
  await page.getByRole("button", { name: "Restore version" }).click();
  await expect(page.getByTestId("version-row").getByText(/Restored version 1/)).toBeVisible();
  // The draft it replaced is kept, with what was typed since version 1.
  await expect(page.getByTestId("version-row").getByText("Version 2: Before restoring version 1")).toBeVisible();
  const draft = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  expect(draft.data.summary).toBe("Plan every deal on a timeline.");
  expect(draft.data.scopes).toEqual([{ id: "base", justification: "" }]);
  await page.goto(`/apps/${appId}/listing`);
  await page.getByRole("tab", { name: /General info/ }).click();
  await expect(page.getByLabel("Short summary")).toHaveValue("Plan every deal on a timeline.");
});

test("export a listing with images, import it into a new app: the listings are identical", async ({ page }) => {
  const [owner] = await createCompany("Spec Export", [{ name: "Exa Export", isAdmin: true }]);
  await signIn(page, owner!);
  const source = await createAppInUi(page, "Exporter");
  const upload = async (appId: string, kind: string, buffer: Buffer) =>
    (
      await (
        await page.request.post(`/api/apps/${appId}/assets?kind=${kind}`, {
          multipart: { file: { name: "x.png", mimeType: "image/png", buffer } },
        })
      ).json()
    ).id as string;
  const icon = await upload(source, "icon", await makeImage(256, 256, "png", "#e8590c"));
  const one = await upload(source, "image", await makeImage(1280, 800, "png", "#1098ad"));
  const two = await upload(source, "image", await makeImage(2560, 1600, "jpeg", "#7048e8"));
  const step = await upload(source, "onboarding", await makeImage(720, 400, "png", "#2b8a3e"));
  await editDraft(page, source, (d) => ({
    ...d,
    summary: "Exports nicely.",
    description: "**Bold** claims, _italic_ doubts.\n\n1. One\n2. Two",
    categories: ["Productivity"],
    features: [{ id: "f1", type: "json_panel", name: "Panel", description: "A panel" }],
    iconAssetId: icon,
    images: [
      { assetId: one, alt: "First" },
      { assetId: two, alt: "Second" },
    ],
    websiteUrl: "https://exporter.example.com",
    onboarding: {
      blocks: [{ id: "b1", title: "Step one", description: "Do this", imageAssetId: step }],
      videoUrl: "https://vimeo.com/1",
      videoTitle: "Tour",
      videoDescription: "",
    },
  }));

  await page.goto(`/apps/${source}/versions`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export .zip" }).click();
  const zipPath = await (await download).path();

  const target = await createAppInUi(page, "Importer");
  await page.goto(`/apps/${target}/versions`);
  await hydrated(page);
  await page.getByLabel("Exported listing (.zip or .json)").setInputFiles(zipPath);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Replace the draft" }).click();
  await expect(page.getByTestId("version-row").getByText("Version 2: Imported listing")).toBeVisible();

  const exported = async (appId: string) =>
    (await (await page.request.get(`/api/apps/${appId}/export?format=json`)).json()).listing;
  expect(await exported(target)).toEqual(await exported(source));
  const targetDraft = await (await page.request.get(`/api/apps/${target}/listing`)).json();
  expect(targetDraft.data.appName).toBe("Exporter");
  expect(targetDraft.data.iconAssetId).not.toBe(icon);
  expect(targetDraft.data.onboarding.blocks[0].imageAssetId).not.toBe(step);
  expect((await page.request.get(`/api/assets/${targetDraft.data.images[1].assetId}`)).headers()["content-type"]).toBe(
    "image/jpeg",
  );
});

test("import refuses unknown fields, wrong types and a wrong schema version, per field", async ({ page }) => {
  const [owner] = await createCompany("Spec Import", [{ name: "Ivo Import", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Strict");
  const good = await (await page.request.get(`/api/apps/${appId}/export?format=json`)).json();
  const post = (doc: unknown) =>
    page.request.post(`/api/apps/${appId}/import`, {
      data: Buffer.from(JSON.stringify(doc)),
      headers: { "content-type": "application/json" },
    });

  const bad = await post({
    ...good,
    version: 2,
    extra: true,
    listing: { ...good.listing, summary: 7, favouriteColour: "green", description: "d".repeat(15_001) },
  });
  expect(bad.status()).toBe(422);
  const { fields } = (await bad.json()).error;
  expect(fields.version).toMatch(/Unsupported schema version/);
  expect(fields._).toBe("Unknown field: extra");
  expect(fields.listing).toBe("Unknown field: favouriteColour");
  expect(fields["listing.summary"]).toBe("Short summary must be text");
  expect(fields["listing.description"]).toBe(
    "Full description is too long to keep: at most 15,000 characters are saved",
  );

  const missingFile = await post({
    ...good,
    listing: { ...good.listing, icon: { file: `images/${"a".repeat(64)}.png`, sha256: "a".repeat(64) } },
  });
  expect(missingFile.status()).toBe(422);
  expect((await missingFile.json()).error.fields["listing.icon"]).toMatch(/is not in the zip/);

  expect(
    (await page.request.post(`/api/apps/${appId}/import`, { data: Buffer.from("PK\u0003\u0004garbage") })).status(),
  ).toBe(400);
  expect((await page.request.post(`/api/apps/${appId}/import`, { data: Buffer.from("not json") })).status()).toBe(422);
  expect((await post(good)).status()).toBe(200);

  await page.goto(`/apps/${appId}/versions`);
  await hydrated(page);
  await page.getByLabel("Exported listing (.zip or .json)").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...good, version: 9 })),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-problems")).toContainText("Unsupported schema version");
});

test("a viewer cannot upload, import, save versions through the routes", async ({ browser }) => {
  const [owner, viewer] = await createCompany("Spec Viewer Routes", [
    { name: "Owen Routes", isAdmin: true },
    { name: "Vera Routes" },
  ]);
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner!);
  const appId = await createAppInUi(ownerPage, "Guarded");
  const exportJson = await (await ownerPage.request.get(`/api/apps/${appId}/export?format=json`)).json();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, viewer!);
  addMembership(viewer!.id, owner!.companyId, "VIEWER");
  const upload = await page.request.post(`/api/apps/${appId}/assets?kind=icon`, {
    multipart: { file: { name: "i.png", mimeType: "image/png", buffer: await makeImage(256, 256) } },
  });
  expect(upload.status()).toBe(403);
  const imported = await page.request.post(`/api/apps/${appId}/import`, {
    data: Buffer.from(JSON.stringify(exportJson)),
  });
  expect(imported.status()).toBe(403);
  expect((await page.request.get(`/api/apps/${appId}/export?format=json`)).status()).toBe(200);
  await page.goto(`/apps/${appId}/versions`);
  await expect(page.getByRole("button", { name: "Save version" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
});
