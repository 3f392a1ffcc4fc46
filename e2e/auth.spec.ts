import { expect, test } from "@playwright/test";
import { consent, createCompany, hydrated, sessionCookie, signIn } from "./fixtures";

test("a new user signs in and becomes the owner of a new workspace", async ({ page }) => {
  const [owner] = await createCompany("Spec Owners", [{ name: "Olive Owner", isAdmin: true }]);
  await signIn(page, owner!);

  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByTestId("workspace-name")).toHaveText(owner!.companyName);
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No apps yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create your first app" })).toBeVisible();
  for (const item of ["Apps", "Reviews", "Analytics", "Team", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: item })).toBeVisible();
  }

  // A new workspace starts with its setup checklist.
  await expect(page.getByTestId("first-run-checklist")).toContainText("0 of 6 done");

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(owner!.name) })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Owner", exact: true })).toBeVisible();
});

test("a second user of the same company is asked to get access and sees no workspace data", async ({ browser }) => {
  const [first, second] = await createCompany("Spec Shared", [
    { name: "First Person", isAdmin: true },
    { name: "Second Person" },
  ]);
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, first!);
  await expect(ownerPage).toHaveURL(/\/apps$/);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, second!);
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole("heading", { name: "Ask your workspace owner for access" })).toBeVisible();
  await expect(page.getByText(first!.name)).toHaveCount(0);

  for (const path of ["/apps", "/team", "/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/access$/);
  }
});

test("cancel on the consent page returns to the sign-in page with a message", async ({ page }) => {
  const [user] = await createCompany("Spec Cancel", [{ name: "Cautious Carl" }]);
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await consent(page, user!, "Cancel");

  await expect(page).toHaveURL(/\/signin\?error=denied$/);
  await expect(page.getByText("Access was not granted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Pipedrive" }).first()).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();
});

test("a deep link while signed out returns to that page after sign-in", async ({ page }) => {
  const [user] = await createCompany("Spec Deep", [{ name: "Deep Diver", isAdmin: true }]);
  await page.goto("/settings?tab=workspace");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%3Ftab%3Dworkspace$/);
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).click();
  await consent(page, user!);
  await expect(page).toHaveURL(/\/settings\?tab=workspace$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});

test("sign out ends the session on the server: the old cookie no longer works", async ({ page, context }) => {
  const [user] = await createCompany("Spec Signout", [{ name: "Leaving Lee", isAdmin: true }]);
  await signIn(page, user!);
  await expect(page).toHaveURL(/\/apps$/);
  const cookie = await sessionCookie(page);
  expect(cookie).toBeDefined();

  await hydrated(page);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await sessionCookie(page)).toBeUndefined();

  await context.addCookies([cookie!]);
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fapps$/);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  const [user] = await createCompany("Spec Cookie", [{ name: "Cookie Cora", isAdmin: true }]);
  await signIn(page, user!);
  await expect(page).toHaveURL(/\/apps$/);
  const cookie = await sessionCookie(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Served over plain http on localhost here; over https (required in production) it is Secure.
  expect(cookie!.secure).toBe(false);
});

test("the landing page is the same for everyone; signed in, its sign-in button goes straight to the dashboard", async ({
  page,
}) => {
  const [user] = await createCompany("Spec Landing", [{ name: "Lena Landing", isAdmin: true }]);
  await signIn(page, user!);
  await expect(page).toHaveURL(/\/apps$/);
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).first().click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/signin");
  await expect(page).toHaveURL(/\/apps$/);
});
