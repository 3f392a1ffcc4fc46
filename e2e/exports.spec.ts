import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { createAppInUi, createCompany, signIn } from "./fixtures";

/** Text that spreadsheets run as formulas: names outsiders control (an app, a company, a person) can carry it. */
const HOSTILE = [
  '=HYPERLINK("https://evil.example","Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+2",
  "-2+3",
  "\tindented",
];
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell);

/** Every CSV export route of the product, with hostile names in the data it exports. */
test("CSV exports are safe to open in a spreadsheet: no cell is a live formula", async ({ page }) => {
  const [owner] = await createCompany("Spec Csv", [{ name: "Cass Csv", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "CsvApp");
  // The app's name, through the listing (the audit log names it).
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  expect(
    (
      await page.request.put(`/api/apps/${appId}/listing`, {
        data: { revision: current.revision, data: { ...current.data, appName: HOSTILE[0] } },
      })
    ).status(),
  ).toBe(200);
  // Companies and people, through an install import.
  const rows = HOSTILE.map((name, i) => ({
    type: "install",
    company_id: 900 + i,
    user_id: 1,
    occurred_at: "2026-01-0" + (i + 1) + "T10:00:00Z",
    company_name: name,
    user_name: HOSTILE[HOSTILE.length - 1 - i],
  }));
  const imported = await page.request.post(`/api/apps/${appId}/installations/import`, { data: { firstRow: 1, rows } });
  expect(imported.status()).toBe(200);
  expect((await page.request.post(`/api/apps/${appId}/installations/import?finish=1`)).status()).toBe(200);

  const exports = {
    audit: `/api/audit`,
    installations: `/api/apps/${appId}/installations?format=csv`,
    customers: `/api/customers?format=csv&app=${appId}`,
  };
  for (const [name, path] of Object.entries(exports)) {
    const res = await page.request.get(path);
    expect(res.status(), name).toBe(200);
    expect(res.headers()["content-type"], name).toContain("text/csv");
    const cells = Papa.parse<string[]>(await res.text(), { skipEmptyLines: true }).data.flat();
    expect(cells.filter(isFormula), name).toEqual([]);
    // The names are there, readable, behind the quote mark.
    expect(
      cells.some((c) => c.startsWith("'=HYPERLINK(") || c.startsWith("'@SUM(")),
      name,
    ).toBe(true);
  }
});
