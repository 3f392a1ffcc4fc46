import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createAppInUi, createCompany, signIn } from "./fixtures";

test("the readiness checklist follows the draft, links to its fields and measures the icon", async ({ page }) => {
  const [owner] = await createCompany("Spec Ready", [{ name: "Rae Ready", isAdmin: true }]);
  await signIn(page, owner!);
  await createAppInUi(page, "Readyly");
  const items = page.getByTestId("readiness-items");
  const score = page.getByTestId("readiness-score");
  await expect(items).toContainText("Short summary is required");
  const before = Number((await score.innerText()).replace("/100", ""));

  await items.getByRole("button", { name: "Short summary is required" }).click();
  await expect(page.getByRole("tab", { name: /General info/ })).toHaveAttribute("data-state", "active");
  await expect(page.getByLabel("Short summary")).toBeFocused();

  await page.getByLabel("Short summary").fill("Readyly for Pipedrive keeps deals moving.");
  await expect(items).toContainText("The short summary repeats the app's name or Pipedrive");
  await page.getByLabel("Short summary").fill("Keeps every deal moving with daily nudges.");
  await expect(items).not.toContainText("Short summary");
  expect(Number((await score.innerText()).replace("/100", ""))).toBeGreaterThan(before);

  await page.getByRole("textbox", { name: "Full description" }).fill("One paragraph. TODO: write more");
  await expect(items).toContainText("Lay the description out in paragraphs or a list");
  await expect(items).toContainText("Full description contains placeholder text (“TODO”)");

  const whiteLogo = await sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><circle cx="128" cy="128" r="90" fill="#fff"/></svg>',
    ),
  )
    .png()
    .toBuffer();
  await page.getByLabel("Choose icon").setInputFiles({ name: "white.png", mimeType: "image/png", buffer: whiteLogo });
  await expect(items).toContainText("The icon almost disappears on a light background");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 10_000 });
  await page.reload();
  await expect(page.getByTestId("readiness-items")).toContainText("The icon almost disappears on a light background");
});
