import { expect, test } from "@playwright/test";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

test("a CSV import shows a dry run with the bad row, progress while it runs, and importing it again changes nothing", async ({
  page,
}) => {
  const [owner] = await createCompany("Spec Import", [{ name: "Ivy Import", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Imported");
  const lines = ["type,company_id,user_id,occurred_at,scopes,company_name,user_name,id"];
  for (let i = 0; i < 1100; i++)
    lines.push(`install,${5000 + i},${i + 1},2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z,base,Company ${i},User ${i},`);
  lines.splice(3, 0, "install,not-a-number,7,2025-01-01T00:00:00Z,,,,");
  lines.push(`uninstall,5000,1,2025-12-01T10:00:00Z,,,,`);
  const file = { name: "history.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) };

  await page.goto(`/apps/${appId}/installs`);
  await hydrated(page);
  await page.getByText("Import history from a file").click();
  await page.getByLabel("Import file").setInputFiles(file);
  const dryRun = page.getByTestId("import-dry-run");
  await expect(dryRun).toContainText("history.csv: 1,102 rows, 1,101 valid, 1 with errors.");
  await expect(page.getByRole("list", { name: "Rows with errors" })).toHaveText(
    "Line 4: company_id must be a positive whole number",
  );

  // Hold the second batch until the progress bar between batches has been seen.
  let batches = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/apps/${appId}/installations/import`, async (route) => {
    if (++batches === 2) await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Import 1,101 valid rows" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "500");
  release();
  await expect(page.getByTestId("import-outcome")).toHaveText(
    "Imported: 1,101 new, 0 already there, 1 with errors (of 1,102 rows).",
  );
  await expect(page.getByTestId("active-installs")).toHaveText("1099");

  await page.getByLabel("Import file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 1,101 valid rows" }).click();
  await expect(page.getByTestId("import-outcome")).toHaveText(
    "Imported: 0 new, 1,101 already there, 1 with errors (of 1,102 rows).",
  );
  await expect(page.getByTestId("active-installs")).toHaveText("1099");
  // After a file was read, one the import cannot read says why, in view (the panel stays open).
  await page
    .getByLabel("Import file")
    .setInputFiles({ name: "other.csv", mimeType: "text/csv", buffer: Buffer.from("company,when\n1,today\n") });
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toHaveText(
    "The file could not be read: The CSV has no type, company_id, user_id, occurred_at columns (expected: type, company_id, user_id, occurred_at, scopes, company_name, user_name, id)",
  );
});
