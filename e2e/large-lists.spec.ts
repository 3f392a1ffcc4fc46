import { expect, test } from "@playwright/test";
import { growWorkspace } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

/**
 * A large partner's lists come in pages, with finders, whatever the workspace holds (their
 * queries and page sizes: lib/lists.test.ts; their cost at scale: npm run bench).
 */
test("a large partner works through apps, members, ratings, sync runs and share links a page at a time", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Large", [{ name: "Lara Large", isAdmin: true }]);
  await signIn(page, owner!);
  const flagship = await createAppInUi(page, "Flagship");
  growWorkspace(owner!.companyId, { apps: 14, members: 55, runs: 12, linksOn: flagship, links: 23 });

  // Apps: 12 a page, the rest on the next, and a finder by name.
  await page.goto("/apps");
  await expect(page.getByTestId("app-card")).toHaveCount(12);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText("Page 1 of 2 · 15 apps");
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("app-card")).toHaveCount(3);
  await page.getByRole("searchbox", { name: "App name" }).fill("Grown App 07");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/\/apps\?q=Grown\+App\+07$/);
  await expect(page.getByTestId("app-card")).toHaveCount(1);
  await expect(page.getByTestId("app-card")).toContainText("Grown App 07");
  await page.getByRole("searchbox", { name: "App name" }).fill("Nothing like it");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("No app is named like “Nothing like it”.")).toBeVisible();

  // Team: 25 members a page, found by name or role.
  await page.goto("/team");
  await expect(page.getByTestId("member-row")).toHaveCount(25);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1 of 3");
  await expect(page.getByRole("heading", { name: /56 members: 1 owner, 36 editors, 19 viewers/ })).toBeVisible();
  await page.getByRole("searchbox", { name: "Name or email" }).fill("member7@grown");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("member-row")).toContainText("Member 007");
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(25);
  const finder = page.getByRole("search", { name: "Find members" });
  await finder.getByRole("combobox", { name: /^Role/ }).selectOption("VIEWER");
  await finder.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(19);
  await expect(page.getByRole("navigation", { name: "Pages" })).toHaveCount(0);

  // Reviews: three rating cards, all of them on demand.
  await page.goto("/reviews");
  await expect(page.getByTestId("rating-card")).toHaveCount(3);
  await page.getByTestId("ratings-toggle").click();
  await expect(page.getByTestId("rating-card")).toHaveCount(14);
  await page.getByTestId("ratings-toggle").click();
  await expect(page.getByTestId("rating-card")).toHaveCount(3);

  // Sync history: 10 runs a page, each with its first results and a way to all of them.
  await page.goto("/reviews/sync");
  await expect(page.getByTestId("sync-run")).toHaveCount(10);
  const latest = page.getByTestId("sync-run").first();
  await expect(latest.getByTestId("synced-app")).toHaveCount(5);
  await latest.getByRole("link", { name: /All 14 listings of this run/ }).click();
  await expect(page.getByTestId("sync-run")).toHaveCount(1);
  await expect(page.getByTestId("synced-app")).toHaveCount(14);
  await page.getByRole("link", { name: "← All sync runs" }).click();
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("sync-run")).toHaveCount(2);

  // Share links: 20 a page, and the ones that work now.
  await page.goto(`/apps/${flagship}/preview`);
  await hydrated(page);
  await expect(page.getByTestId("share-link-row")).toHaveCount(20);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1 of 2 · 23 links");
  await page.getByRole("link", { name: "Working now (12)" }).click();
  await expect(page.getByTestId("share-link-row")).toHaveCount(12);
  for (const row of await page.getByTestId("share-link-row").all()) await expect(row).toContainText("active");
});
