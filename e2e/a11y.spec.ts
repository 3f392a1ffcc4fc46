import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { consent, createCompany, hydrated, signIn } from "./fixtures";

test("public pages have no accessibility violations", async ({ page }) => {
  for (const path of ["/", "/signin", "/signin?error=denied"]) {
    await page.goto(path);
    await expectNoViolations(page);
  }
});

test("dashboard pages have no accessibility violations", async ({ page }) => {
  const [user] = await createCompany("Spec A11y", [{ name: "Ada Access", isAdmin: true }]);
  await signIn(page, user!);
  for (const path of ["/apps", "/reviews", "/analytics", "/team", "/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  }
});

test("the app pages and the listing editor have no accessibility violations", async ({ page }) => {
  test.setTimeout(180_000); // thirteen full-page audits: about 85 s on a slow machine here
  const [user] = await createCompany("Spec A11y Editor", [{ name: "Ari Access", isAdmin: true }]);
  await signIn(page, user!);
  await page.goto("/apps/new");
  await expectNoViolations(page);
  await hydrated(page);
  await page.getByLabel("App name").fill("Accessible App");
  await page.getByLabel("Client ID").fill("a11y-client");
  await page.getByLabel("Callback URL").fill("https://a11y.example.com/cb");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/listing$/);
  await hydrated(page);
  for (const tab of [
    "Basic info",
    "OAuth & scopes",
    "Features",
    "General info",
    "Setup",
    "Support & legal",
    "Review info",
  ]) {
    await page.getByRole("tab", { name: tab }).click();
    await expectNoViolations(page);
  }
  await page.getByRole("button", { name: "Live preview" }).click();
  await expect(page.getByTestId("live-preview")).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Client secret" })).toBeVisible();
  await expectNoViolations(page);
  await page
    .getByRole("navigation", { name: "App sections" })
    .getByRole("link", { name: "Submission", exact: true })
    .click();
  await expect(page.getByTestId("app-status")).toBeVisible();
  await expectNoViolations(page);
  await page
    .getByRole("navigation", { name: "App sections" })
    .getByRole("link", { name: "Developer Hub", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Copy to Developer Hub" })).toBeVisible();
  await expectNoViolations(page);
  await page
    .getByRole("navigation", { name: "App sections" })
    .getByRole("link", { name: "Preview", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Share this preview" })).toBeVisible();
  await expectNoViolations(page);
  await page
    .getByRole("navigation", { name: "App sections" })
    .getByRole("link", { name: "Installs", exact: true })
    .click();
  await expect(page.getByTestId("active-installs")).toBeVisible();
  await page.getByText("Import history from a file").click();
  await expectNoViolations(page);
});

test("sign-in and the user menu work with the keyboard alone", async ({ page }) => {
  const [user] = await createCompany("Spec Keys", [{ name: "Kim Keys", isAdmin: true }]);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Pipedrive" }).focus();
  await page.keyboard.press("Enter");
  await consent(page, user!);
  await expect(page).toHaveURL(/\/apps$/);
  await hydrated(page);

  await page.getByRole("button", { name: /Account menu/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
});

test("the keyboard's place is always visible: an app card's links show an outline when they have focus", async ({
  page,
}) => {
  const [user] = await createCompany("Spec Focus", [{ name: "Fay Focus", isAdmin: true }]);
  await signIn(page, user!);
  await page.goto("/apps/new");
  await hydrated(page);
  await page.getByLabel("App name").fill("Focusable");
  await page.getByLabel("Client ID").fill("focus-client");
  await page.getByLabel("Callback URL").fill("https://focus.example.com/cb");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/listing$/);
  await page.goto("/apps");
  await hydrated(page);
  const card = page.getByTestId("app-card").filter({ hasText: "Focusable" });
  const name = card.getByRole("link", { name: "Focusable" });
  const outline = (link: typeof name) =>
    link.evaluate((a) => `${getComputedStyle(a).outlineStyle} ${getComputedStyle(a).outlineColor}`);
  expect(await outline(name)).toMatch(/^none/);
  for (let i = 0; i < 40 && !(await name.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(name).toBeFocused();
  await expect.poll(() => outline(name)).toMatch(/^solid rgba?\(1, 119, 55/);
  // Every figure of the card is a link of its own, and shows its outline too.
  await page.keyboard.press("Tab");
  await expect(card.getByTestId("figure-installs")).toBeFocused();
  await expect.poll(() => outline(card.getByTestId("figure-installs"))).toMatch(/^solid rgba?\(1, 119, 55/);
});
