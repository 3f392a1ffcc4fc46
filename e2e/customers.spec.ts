import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { consent, createAppInUi, createCompany, gatewayApp, hydrated, signIn, type EmulatorUser } from "./fixtures";

type Held = {
  organizations: { id: number; name: string }[];
  persons: { id: number; name: string; emails: { value: string }[] }[];
  deals: { id: number; title: string; status: string; lost_reason: string | null; stage_id: number }[];
  deprecatedCalls: number;
};

/** What the partner's own (emulated) Pipedrive holds. */
const held = async (companyId: number) =>
  (await (await fetch(`${E2E.emulatorUrl}/__emulator/crm/${companyId}`)).json()) as Held;

test("the CRM: connected, an install appears in the partner's Pipedrive through a 429 storm, an uninstall marks the deal lost, nothing twice", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const [owner] = (await createCompany("Crm Partner", [{ name: "Cleo Crm", isAdmin: true }])) as [EmulatorUser];
  const [buyer] = (await createCompany("Buyer Corp", [{ name: "Bea Buyer" }])) as [EmulatorUser];
  await signIn(page, owner);
  const app = await gatewayApp(page, "CrmPushed");

  // Connect the partner's own Pipedrive: a second consent, owners only.
  await page.goto("/settings#crm");
  await hydrated(page);
  await page.getByRole("button", { name: "Connect Pipedrive CRM" }).click();
  await consent(page, owner, "Allow and install", "Listing Studio CRM sync");
  await expect(page.getByText("Your Pipedrive is connected.")).toBeVisible();
  await expect(page.getByTestId("crm-connected")).toContainText("Crm Partner");
  await hydrated(page);
  const form = page.getByRole("form", { name: "What installs do in your Pipedrive" });
  await form.getByLabel("Pipeline", { exact: true }).selectOption({ label: "Pipeline" });
  await form.getByLabel("Stage", { exact: true }).selectOption({ label: "Qualified" });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: the next installs follow these settings")).toBeVisible();

  // Pipedrive is over its limit for a while: the pushes wait as it asks.
  await fetch(`${E2E.emulatorUrl}/__emulator/crm/faults`, {
    method: "POST",
    body: JSON.stringify({ companyId: owner.companyId, statuses: [429, 429, 429], retryAfter: 1 }),
  });

  // A company installs through the gateway.
  const installer = await (await browser.newContext()).newPage();
  await installer.goto(app.installUrl);
  await consent(installer, buyer, "Allow and install", "CrmPushed");

  await expect
    .poll(async () => (await held(owner.companyId)).deals.map((d) => `${d.title}|${d.status}`), { timeout: 30_000 })
    .toEqual([`CrmPushed: ${buyer.companyName}|open`]);
  let crm = await held(owner.companyId);
  expect(crm.organizations.map((o) => o.name)).toEqual([buyer.companyName]);
  expect(crm.persons.map((p) => p.name)).toEqual([buyer.name]);
  expect(crm.persons[0]!.emails[0]!.value).toMatch(/^bea\.buyer.*@buyer-corp.*\.test$/);

  // Pipedrive's uninstall: the deal is lost with the reason, still one of each.
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/uninstall`, {
    method: "POST",
    body: JSON.stringify({ clientId: app.clientId, userId: buyer.id }),
  });
  expect(await res.json()).toEqual({ status: 200 });
  await expect
    .poll(async () => (await held(owner.companyId)).deals.map((d) => `${d.status}|${d.lost_reason}`), {
      timeout: 30_000,
    })
    .toEqual(["lost|Uninstalled CrmPushed"]);
  crm = await held(owner.companyId);
  expect([crm.organizations.length, crm.persons.length, crm.deals.length, crm.deprecatedCalls]).toEqual([1, 1, 1, 0]);

  // The emulator's own page lists what the account holds.
  const listing = await page.request.get(`${E2E.emulatorUrl}/crm/${owner.companyId}`);
  expect(await listing.text()).toContain(buyer.companyName);

  // The customer's page links to what was made, and shows the pushes done.
  await page.goto("/customers?q=Buyer");
  await page.getByRole("link", { name: buyer.companyName }).click();
  await expect(page.getByRole("heading", { level: 1, name: buyer.companyName })).toBeVisible();
  await expect(page.getByTestId("crm-links")).toContainText("Deal for CrmPushed");
  await expect(page.getByTestId("customer-timeline")).toContainText("Uninstalled");
});

test("a customer is found, tagged, noted and erased, and the export is formula-safe", async ({ page }) => {
  test.setTimeout(90_000);
  const [owner] = (await createCompany("Customer Keeper", [{ name: "Kim Keeper", isAdmin: true }])) as [EmulatorUser];
  await signIn(page, owner);
  const appId = await createAppInUi(page, "Kept");
  // History from a file: one company left and came back, one name is hostile, one company sent no name.
  const rows = [
    { type: "install", company_id: 61001, user_id: 1, company_name: "Delta Dental", user_name: "Dora Delta" },
    { type: "install", company_id: 61002, user_id: 2, company_name: '=HYPERLINK("http://evil")', user_name: "Eve" },
    { type: "install", company_id: 61003, user_id: 3 },
    { type: "uninstall", company_id: 61001, user_id: 1 },
    { type: "install", company_id: 61001, user_id: 1 },
  ].map((e, i) => ({ ...e, occurred_at: new Date(Date.now() - (10 - i) * 86_400_000).toISOString() }));
  const imported = await page.request.post(`/api/apps/${appId}/installations/import`, { data: { firstRow: 1, rows } });
  expect(imported.status(), await imported.text()).toBe(200);
  expect((await page.request.post(`/api/apps/${appId}/installations/import?finish=1`)).status()).toBe(200);

  await page.goto(`/apps/${appId}/customers`);
  await expect(page.getByTestId("customer-row")).toHaveCount(3);
  await expect(page.getByTestId("figure-reinstalls")).toHaveText("1");
  await expect(page.getByText("Company 61003")).toBeVisible();
  await expect(page.getByText("No name sent").first()).toBeVisible();

  await page.goto("/customers?status=reinstalled");
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  const csv = await page.request.get(`/api/customers?format=csv&app=${appId}`);
  expect(await csv.text()).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect((await page.request.get(`/api/customers?format=csv&app=nope`)).status()).toBe(404);

  await page.goto("/customers?q=Delta");
  await page.getByRole("link", { name: "Delta Dental" }).click();
  await hydrated(page);
  await expect(page.getByTestId("customer-status")).toHaveText("Reinstalled");
  await page.getByLabel("Tags", { exact: true }).fill("vip, dental");
  await page.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByText("Tags saved")).toBeVisible();
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Write the note first")).toBeVisible();
  await page.getByLabel("Add a note", { exact: true }).fill("<img src=x onerror=alert(1)> asked about pricing");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("customer-notes")).toContainText("<img src=x onerror=alert(1)> asked about pricing");

  await page.getByRole("button", { name: "Erase personal data" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("textbox").fill("61001");
  await dialog.getByRole("button", { name: "Erase" }).click();
  await expect(page.getByText(/Personal data erased on/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Company 61001" })).toBeVisible();
  await expect(page.getByTestId("customer-notes")).toBeEmpty();
  await expect(page.getByTestId("customer-status")).toHaveText("Reinstalled");
  await page.goto("/team/audit");
  await expect(page.getByRole("cell", { name: "Erased the personal data of Company 61001" })).toBeVisible();
});
