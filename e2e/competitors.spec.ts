import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { publishApp } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

test("add a competitor by its Marketplace address and compare with it; bad addresses are refused on the field", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Rivals", [{ name: "Rhea Rival", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Compare Me");
  publishApp(appId);
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({
      clientId: "spec-rival-client",
      name: "Spec Rival CRM Sync",
      installBand: "1,000+",
      votes: { up: 40, down: 3 },
      shape: "next-data",
      reviews: [
        { id: "r1", author: "Ola", stars: 5, date: "2026-10-02T09:00:00Z", text: "Great" },
        { id: "r2", author: "Per", stars: 3, date: "2026-11-02T09:00:00Z", text: "Fine" },
      ],
    }),
  });
  const { url } = (await res.json()) as { url: string };

  await page.goto(`/apps/${appId}/competitors`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "No competitor yet" })).toBeVisible();
  const field = page.getByLabel("Marketplace page of a competitor");
  await field.fill(`${E2E.emulatorUrl}/en/marketplace/app/gone-app/no-such-client`);
  await page.getByRole("button", { name: "Add competitor" }).click();
  await expect(page.getByText("There is no public Marketplace page at this address")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(url);
  await page.getByRole("button", { name: "Add competitor" }).click();
  const row = page.getByTestId("competitor-row");
  await expect(row).toContainText("Spec Rival CRM Sync");
  await expect(row).toContainText("4.00");
  await expect(row).toContainText("1,000+");
  await expect(field).toHaveValue("");

  const chart = page.getByTestId("chart-compare-rating");
  await chart.getByRole("button", { name: "Show table" }).click();
  await expect(chart.getByRole("columnheader", { name: "Spec Rival CRM Sync" })).toBeVisible();
  await expect(chart.getByRole("table")).toContainText("4.00");
});
