import { expect, test } from "@playwright/test";
import { makeBombHeader, makeImage } from "../lib/media/fixtures";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

const png = (name: string, buffer: Buffer) => ({ name, mimeType: "image/png", buffer });

test("upload an icon and three images, reorder them, add alt text; all of it is saved", async ({ page }) => {
  const [owner] = await createCompany("Spec Media", [{ name: "Mia Media", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "PixelPush");
  await page.getByRole("tab", { name: /General info/ }).click();

  await page.getByLabel("Choose icon").setInputFiles(png("icon.png", await makeImage(512, 512, "png", "#0c8599")));
  await expect(page.getByTestId("icon-preview")).toBeVisible();

  await page
    .getByLabel("Choose icon")
    .or(page.getByLabel("Replace icon"))
    .setInputFiles(png("wrong.png", await makeImage(300, 200)));
  await expect(page.getByText("The icon must be square; wrong.png is 300×200.")).toBeVisible();

  await page
    .getByLabel("Add images")
    .setInputFiles([
      png("one.png", await makeImage(1280, 800, "png", "#c2255c")),
      png("two.png", await makeImage(1440, 900, "png", "#e8590c")),
      png("three.png", await makeImage(1280, 800, "png", "#6741d9")),
    ]);
  await expect(page.getByTestId("listing-image")).toHaveCount(3);
  const order = async () =>
    page
      .getByTestId("listing-image")
      .locator("img")
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute("data-asset")));
  const before = await order();

  await page.getByRole("button", { name: "Move image 3 up" }).click();
  await page.getByTestId("listing-image").nth(0).dragTo(page.getByTestId("listing-image").nth(2));
  const after = await order();
  expect(after).not.toEqual(before);
  expect([...after].sort()).toEqual([...before].sort());
  await page.getByLabel("Alt text for image 1").fill("The forecast board");

  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 10_000 });
  await page.reload();
  await hydrated(page);
  await page.getByRole("tab", { name: /General info/ }).click();
  expect(await order()).toEqual(after);
  await expect(page.getByLabel("Alt text for image 1")).toHaveValue("The forecast board");
  await expect(page.getByTestId("icon-preview")).toBeVisible();
});

test("the upload route refuses bad files with field-level reasons, never a 500", async ({ page, browser }) => {
  const [owner] = await createCompany("Spec Upload", [{ name: "Uma Upload", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "UploadGuard");
  const upload = (kind: string, file: { name: string; mimeType: string; buffer: Buffer }) =>
    page.request.post(`/api/apps/${appId}/assets?kind=${kind}`, { multipart: { file } });

  const cases: [string, { name: string; mimeType: string; buffer: Buffer }, number, RegExp][] = [
    [
      "GIF",
      { name: "a.gif", mimeType: "image/gif", buffer: await makeImage(1280, 800, "gif") },
      415,
      /GIF; only PNG or JPEG/,
    ],
    [
      "SVG",
      {
        name: "a.svg",
        mimeType: "image/svg+xml",
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"/>'),
      },
      415,
      /SVG; only PNG or JPEG/,
    ],
    ["text named .png", png("fake.png", Buffer.from("just text")), 415, /not an image we can read/],
    ["12 MB", png("big.png", Buffer.alloc(12 * 1024 * 1024, 7)), 413, /12\.0 MB; images may be at most 10 MB/],
    ["1280×799", png("short.png", await makeImage(1280, 799)), 422, /is 1280×799/],
    ["20000×20000", png("bomb.png", await makeBombHeader(20000, 20000)), 422, /20000×20000 pixels/],
  ];
  for (const [label, file, status, message] of cases) {
    const res = await upload("image", file);
    expect(res.status(), label).toBe(status);
    const body = await res.json();
    expect(body.error.message, label).toMatch(message);
    expect(body.error.fields.images, label).toMatch(message);
  }

  const bad = await upload("banner", png("x.png", await makeImage(1280, 800)));
  expect(bad.status()).toBe(422);
  const missing = await page.request.post(`/api/apps/${appId}/assets?kind=image`, { data: { nope: 1 } });
  expect(missing.status()).toBe(415);
  expect((await missing.json()).error.message).toBe("Send multipart/form-data, not application/json");

  // The editor says how many images it holds, unsaved ones included: a sixth is refused before it is read.
  const claimed = await page.request.post(`/api/apps/${appId}/assets?kind=image&images=5`, {
    multipart: { file: png("claimed.png", await makeImage(1280, 800)) },
  });
  expect(claimed.status()).toBe(422);
  expect((await claimed.json()).error.fields.images).toMatch(/at most 5 images/);
  const nonsense = await page.request.post(`/api/apps/${appId}/assets?kind=image&images=lots`, {
    multipart: { file: png("n.png", await makeImage(1280, 800)) },
  });
  expect(nonsense.status()).toBe(422);
  expect((await nonsense.json()).error.fields.images).toBe("images must be the number of images the listing holds");

  // Five images fill the listing; the sixth is refused.
  const listing = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  const images = [];
  for (let i = 0; i < 5; i++) {
    const res = await upload("image", png(`ok${i}.png`, await makeImage(1280, 800, "png", `#10${i}0${i}0`)));
    expect(res.status()).toBe(201);
    images.push({ assetId: (await res.json()).id, alt: "" });
  }
  const saved = await page.request.put(`/api/apps/${appId}/listing`, {
    data: { revision: listing.revision, data: { ...listing.data, images } },
  });
  expect(saved.status()).toBe(200);
  const sixth = await upload("image", png("six.png", await makeImage(1280, 800, "png", "#123456")));
  expect(sixth.status()).toBe(422);
  expect((await sixth.json()).error.fields.images).toMatch(/at most 5 images/);

  const asset = await page.request.get(`/api/assets/${images[0]!.assetId}`);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["content-type"]).toBe("image/png");
  expect(asset.headers()["cache-control"]).toContain("immutable");
  const [stranger] = await createCompany("Spec Peek", [{ name: "Pete Peek", isAdmin: true }]);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, stranger!);
  expect((await other.request.get(`/api/assets/${images[0]!.assetId}`)).status()).toBe(404);
  expect((await (await browser.newContext()).request.get(`/api/assets/${images[0]!.assetId}`)).status()).toBe(401);
});
