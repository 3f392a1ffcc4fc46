import { expect, test } from "@playwright/test";
import { consent, createCompany, hydrated, signIn } from "./fixtures";

test("an invite link: the invitee signs in with Pipedrive, joins with the role, and switches between workspaces", async ({
  page,
  browser,
}) => {
  const [owner] = await createCompany("Inviting", [{ name: "Ola Owner", isAdmin: true }]);
  const [guest] = await createCompany("Agency", [{ name: "Gil Guest", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/team");
  await hydrated(page);
  await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await page.getByLabel("Note (optional)").fill("for the agency");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const guestPage = await (await browser.newContext()).newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { name: `Join ${owner!.companyName}` })).toBeVisible();
  await guestPage.getByRole("link", { name: "Sign in with Pipedrive to join" }).click();
  await guestPage.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await consent(guestPage, guest!);
  await expect(guestPage).toHaveURL(/\/invite\//);
  await hydrated(guestPage);
  await guestPage.getByRole("button", { name: `Join ${owner!.companyName}` }).click();
  await expect(guestPage).toHaveURL(/\/apps$/);
  await hydrated(guestPage);
  // The guest now has two workspaces: their own company's and the one that invited them.
  const switcher = guestPage.getByRole("button", { name: /^Workspace: / });
  await expect(switcher).toHaveAccessibleName(`Workspace: ${owner!.companyName}. Switch workspace`);
  await expect(guestPage.getByText("Editor", { exact: true })).toBeVisible();
  await switcher.click();
  await guestPage.getByRole("menuitem", { name: new RegExp(guest!.companyName) }).click();
  await expect(guestPage.getByRole("button", { name: /^Workspace: / })).toHaveAccessibleName(
    `Workspace: ${guest!.companyName}. Switch workspace`,
  );

  // The link is spent.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(
    again.getByRole("heading", { name: `This invitation to ${owner!.companyName} cannot be used` }),
  ).toBeVisible();

  await page.goto("/team");
  await expect(page.getByTestId("member-row").filter({ hasText: guest!.name }).getByRole("combobox")).toHaveValue(
    "EDITOR",
  );
  await page.goto("/team/audit");
  // In words, with names: never codes or ids.
  await expect(page.locator('[data-testid="audit-row"][data-action="member.join"]')).toContainText(
    `${guest!.name}Joined the workspace`,
  );
  await expect(page.locator('[data-testid="audit-row"][data-action="member.join"]')).toContainText("Role: Editor");
  await expect(page.locator('[data-testid="audit-row"][data-action="invitation.create"]')).toContainText(
    "Created the invite link",
  );
  await expect(page.locator('[data-testid="audit-row"][data-action="invitation.create"]')).toContainText(
    "Role: Editor",
  );
  await expect(page.getByTestId("audit-row").first()).not.toContainText(".create");
});

test("access request → approval; a removed member's open session is refused at the next request", async ({
  page,
  browser,
}) => {
  const [owner, asker] = await createCompany("Asking", [{ name: "Oda Owner", isAdmin: true }, { name: "Rik Asker" }]);
  await signIn(page, owner!);

  const askerPage = await (await browser.newContext()).newPage();
  await signIn(askerPage, asker!);
  await expect(askerPage).toHaveURL(/\/access$/);
  await hydrated(askerPage);
  await askerPage.getByRole("button", { name: "Request access" }).click();
  await expect(askerPage.getByText("Your request is waiting for an owner.")).toBeVisible();

  await page.goto("/notifications?show=unread");
  await expect(page.getByText(`${asker!.name} asks to join the workspace`)).toBeVisible();
  await page.goto("/team");
  await hydrated(page);
  const request = page.getByTestId("access-request").filter({ hasText: asker!.name });
  await request.getByLabel(`Role for ${asker!.name}`).selectOption("VIEWER");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`${asker!.name} joined`)).toBeVisible();
  // Decided: the owner's "asks to join" notice is no longer waiting.
  await page.goto("/notifications?show=unread");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(`${asker!.name} asks to join the workspace`)).toHaveCount(0);

  // The waiting page opens the dashboard by itself, as it promised (no reload).
  await expect(askerPage.getByRole("heading", { level: 1, name: "Apps" })).toBeVisible({ timeout: 20_000 });
  await expect(askerPage.getByText("Viewer", { exact: true })).toBeVisible();

  await page.goto("/team");
  await hydrated(page);
  await page.getByRole("button", { name: `Remove ${asker!.name}` }).click();
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText(`${asker!.name} was removed`)).toBeVisible();

  await askerPage.goto("/apps");
  await expect(askerPage).toHaveURL(/\/signin/);
  // The last owner can neither be demoted nor leave.
  await page.getByLabel(`Role of ${owner!.name}`).selectOption("EDITOR");
  await expect(page.getByText("A workspace keeps at least one owner: make someone else an owner first")).toBeVisible();
});
