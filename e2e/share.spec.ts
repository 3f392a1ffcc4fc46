import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { expireShareLinks, shareLinkHashes } from "./db";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

async function createLink(page: Page, appId: string, label: string, expiry = "7 days") {
  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  await page.getByLabel("Label").fill(label);
  await page.getByLabel("Expires after").selectOption({ label: expiry });
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "New share link" }).inputValue();
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}

test("a share link shows the preview to anyone, takes comments for the editor, follows edits and stops when revoked", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Share", [{ name: "Sharon Share", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Sharable");
  const listing = await writeCompleteListing(page, appId, "Sharable");
  const path = await createLink(page, appId, "For the design review");
  await expect(page.getByTestId("share-link-row").filter({ hasText: "For the design review" })).toContainText("active");

  // A visitor without an account.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const res = await visitor.goto(path);
  expect(res!.status()).toBe(200);
  expect(res!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(res!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(visitor.getByText("Preview — not published")).toBeVisible();
  // Only what the Marketplace shows: not the OAuth callback, not the reviewers' contact.
  const html = await res!.text();
  expect(html).not.toContain("partners@sharable.example.com");
  expect(html).not.toContain("oauth/callback");
  const shared = visitor.getByTestId("marketplace-page");
  await expect(shared.getByRole("heading", { level: 1, name: "Sharable" })).toBeVisible();
  await expect(shared.getByText("Show every deal's story at a glance.")).toBeVisible();
  // Images come through the token, and they really load.
  const icon = shared.getByRole("img", { name: "Sharable icon" });
  await expect(icon).toHaveAttribute("src", `?asset=${listing.iconAssetId}`);
  await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  // Nothing of the dashboard: no session, no navigation, no API data.
  await expect(visitor.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
  expect((await visitor.request.get(`/api/apps/${appId}/listing`)).status()).toBe(401);
  expect((await visitor.request.get(`/api/assets/${listing.iconAssetId}`)).status()).toBe(401);

  // A comment pinned to a section, with a confirmation and no script needed.
  await visitor.getByLabel("Your name").fill("Robin Reviewer");
  await visitor.getByRole("combobox", { name: "About" }).selectOption({ label: "Description" });
  await visitor.getByRole("textbox", { name: "Comment" }).fill("Say which markets the app serves.");
  await visitor.getByRole("button", { name: "Send comment" }).click();
  await expect(visitor.getByText("Thank you — your comment was sent to the team.")).toBeVisible();

  // The team sees it beside the description in the editor, and resolves it.
  await page.goto(`/apps/${appId}/listing`);
  await hydrated(page);
  await page.getByRole("tab", { name: "General info" }).click();
  const beside = page.getByTestId("notes-description");
  await expect(beside).toContainText("Say which markets the app serves.");
  await expect(beside).toContainText("Comment from Robin Reviewer via “For the design review”");
  await expect(page.getByTestId("notes-count")).toHaveText("1");
  await beside.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("notes-count")).toHaveText("0");
  await expect(page.getByTestId("notes-description")).toHaveCount(0);

  // An edit shows on the visitor's next load.
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  await page.request.put(`/api/apps/${appId}/listing`, {
    data: { revision: current.revision, data: { ...current.data, summary: "A sharper summary for the second look." } },
  });
  await visitor.reload();
  await expect(shared.getByText("A sharper summary for the second look.")).toBeVisible();

  // Views are counted (written in batches every two seconds).
  await expect(async () => {
    await page.goto(`/apps/${appId}/preview`);
    const views = await page
      .getByTestId("share-link-row")
      .filter({ hasText: "For the design review" })
      .locator("td")
      .nth(4)
      .textContent();
    expect(Number(views)).toBeGreaterThanOrEqual(3);
  }).toPass({ timeout: 15_000 });

  // Revoked: the page and its images answer 410 at once.
  await hydrated(page);
  await page.getByRole("button", { name: "Revoke For the design review" }).click();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByTestId("share-link-row").filter({ hasText: "For the design review" })).toContainText(
    "revoked",
  );
  // A revoked link no longer counts down to its expiry.
  await expect(
    page.getByTestId("share-link-row").filter({ hasText: "For the design review" }).getByTestId("share-link-expiry"),
  ).toHaveText("Revoked");
  const gone = await visitor.reload();
  expect(gone!.status()).toBe(410);
  await expect(visitor.getByRole("heading", { name: "This preview link no longer works" })).toBeVisible();
  expect((await visitor.request.get(`${path}?asset=${listing.iconAssetId}`)).status()).toBe(410);
  expect(
    (
      await visitor.request.post(`${path}?comment=1`, { form: { name: "Late", body: "Hi", section: "general" } })
    ).status(),
  ).toBe(410);
  await visitorContext.close();
});

test("an expired link answers 410; unknown, malformed and internal paths answer 404", async ({ page, request }) => {
  const [owner] = await createCompany("Spec Expire", [{ name: "Ezra Expire", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Expiring");
  const path = await createLink(page, appId, "One day", "1 day");
  expireShareLinks(appId);
  const expired = await request.get(path);
  expect(expired.status()).toBe(410);
  expect(expired.headers()["x-robots-tag"]).toBe("noindex, nofollow");

  for (const unknown of [
    `/p/${randomBytes(32).toString("base64url")}`,
    "/p/short",
    `/p/${"a".repeat(44)}`,
    "/p/%3Cscript%3E",
    `/api/share/${randomBytes(32).toString("base64url")}`,
  ]) {
    const res = await request.get(unknown);
    expect(res.status(), unknown).toBe(404);
  }
  // The internal render path never answers from outside, even with the link's hash.
  const [hash] = shareLinkHashes(appId);
  expect((await request.get(`/shared/${hash}`)).status()).toBe(404);
});

test("the comment form refuses bad input with a clear page, and the share page passes axe", async ({
  page,
  browser,
}) => {
  const [owner] = await createCompany("Spec Comment", [{ name: "Cora Comment", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Commentable");
  await writeCompleteListing(page, appId, "Commentable");
  const path = await createLink(page, appId, "Checks");

  const visitor = await (await browser.newContext()).newPage();
  for (const [form, status, message] of [
    [{ name: "", body: "x", section: "general" }, 422, "Enter your name"],
    [{ name: "Sam", body: "x", section: "pricing-table" }, 422, "Choose the part of the page your comment is about"],
    [{ name: "Sam", body: "x".repeat(2001), section: "general" }, 422, "at most 2,000 characters"],
  ] as const) {
    const res = await visitor.request.post(`${path}?comment=1`, { form: { ...form } });
    expect(res.status()).toBe(status);
    expect(await res.text()).toContain(message);
  }
  await visitor.goto(path);
  await hydrated(visitor);
  const results = await new AxeBuilder({ page: visitor }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
