import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

test("the preview shows every listing field where the Marketplace does, and loads the video only on click", async ({
  page,
}) => {
  const [owner] = await createCompany("Spec Preview", [{ name: "Pat Preview", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "ShowCase");
  const upload = async (kind: string, buffer: Buffer) =>
    (
      await (
        await page.request.post(`/api/apps/${appId}/assets?kind=${kind}`, {
          multipart: { file: { name: "x.png", mimeType: "image/png", buffer } },
        })
      ).json()
    ).id as string;
  const icon = await upload("icon", await makeImage(256, 256, "png", "#d6336c"));
  const one = await upload("image", await makeImage(1280, 800, "png", "#1c7ed6"));
  const two = await upload("image", await makeImage(1280, 800, "png", "#37b24d"));
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  const listing = {
    ...current.data,
    summary: "Show every deal's story at a glance.",
    description: "ShowCase tells the **story** of a deal.\n\n- Timeline view\n- Shareable snapshots",
    categories: ["Analytics & reporting", "Productivity"],
    iconAssetId: icon,
    images: [
      { assetId: one, alt: "The timeline" },
      { assetId: two, alt: "A snapshot" },
    ],
    videoUrl: "https://youtu.be/dQw4w9WgXcQ",
    features: [{ id: "f1", type: "custom_panel", name: "Story panel", description: "The story beside the deal." }],
    setupInstructions: "1. Install ShowCase\n2. Open a deal",
    websiteUrl: "https://showcase.example.com",
    pricingUrl: "https://showcase.example.com/pricing",
    termsUrl: "https://showcase.example.com/terms",
    privacyUrl: "https://showcase.example.com/privacy",
    supportUrl: "https://showcase.example.com/help",
    supportEmail: "help@showcase.example.com",
    documentationUrl: "https://docs.showcase.example.com",
    issueTrackerUrl: "https://issues.showcase.example.com",
  };
  expect(
    (
      await page.request.put(`/api/apps/${appId}/listing`, { data: { revision: current.revision, data: listing } })
    ).status(),
  ).toBe(200);

  const youtube: string[] = [];
  page.on("request", (r) => /youtube|ytimg/.test(r.url()) && youtube.push(r.url()));
  await page.route(/youtube-nocookie\.com/, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<p>video</p>" }),
  );
  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  const preview = page.getByTestId("marketplace-page");

  for (const width of ["Desktop", "Mobile"]) {
    await page.getByRole("button", { name: width }).click();
    await expect(preview.getByRole("heading", { level: 1, name: "ShowCase" })).toBeVisible();
    await expect(preview.getByText(`Built by ${owner!.companyName}`)).toBeVisible();
    await expect(preview.getByText("Show every deal's story at a glance.")).toBeVisible();
    await expect(preview.getByText("Install now")).toBeVisible();
    await expect(preview.getByText("No reviews yet")).toBeVisible();
    await expect(preview.getByRole("img", { name: "ShowCase icon" })).toBeVisible();
    await expect(preview.getByRole("button", { name: "The timeline" })).toBeVisible();
    await expect(preview.locator("[data-section=description] strong")).toHaveText("story");
    await expect(preview.locator("[data-section=features]")).toContainText("Story panel");
    await expect(preview.locator("[data-section=setup] ol li")).toHaveCount(2);
    for (const link of [
      "Website",
      "Pricing",
      "Support",
      "help@showcase.example.com",
      "Documentation",
      "Report an issue",
      "Terms of Service",
      "Privacy Policy",
    ]) {
      await expect(preview.getByRole("link", { name: link, exact: true })).toHaveAttribute(
        "rel",
        "noopener nofollow ugc",
      );
    }
    await expect(preview.locator("[data-section=categories] li")).toHaveText(["Analytics & reporting", "Productivity"]);
    await expect(preview.locator("[data-section=reviews]")).toBeVisible();
  }
  await expect(page.getByRole("img", { name: "ShowCase icon on dark background" })).toBeVisible();
  await expect(page.getByRole("img", { name: "ShowCase icon on light background" })).toBeVisible();

  expect(youtube).toEqual([]);
  await expect(preview.locator("iframe")).toHaveCount(0);
  await preview.getByRole("button", { name: /Play video/ }).click();
  await expect(preview.locator("iframe")).toHaveAttribute(
    "src",
    /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/,
  );

  await preview.getByRole("button", { name: "The timeline" }).click();
  const lightbox = page.getByRole("dialog");
  await expect(lightbox.getByRole("img", { name: "The timeline" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(lightbox.getByRole("img", { name: "A snapshot" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
    [],
  );
});
