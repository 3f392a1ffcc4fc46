import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { E2E } from "./config";
import { hydrated } from "./fixtures";
import { publishedApp, REVIEWS, syncNow } from "./reviews";

const cards = (page: Page) => page.getByTestId("review-card");
/** A review's card once its controls work (the page streams in: the document can be live before a card is). */
const card = (page: Page, author: string) =>
  page.getByRole("article", { name: `Review by ${author}` }).and(page.locator("[data-interactive]"));

async function filter(page: Page, fields: Record<string, string>) {
  const form = page.getByRole("search", { name: "Filter reviews" });
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption({ label: value });
    else await control.fill(value);
  }
  const before = page.url();
  await form.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((url) => url.href !== before);
  await hydrated(page);
}

test("sync, filter, assign, reply from a template and mark as replied", async ({ page, context }) => {
  test.setTimeout(120_000); // a long walk: about 45 s on a slow machine here
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { owner, name } = await publishedApp(page, "Inbox", REVIEWS);

  await page.goto("/reviews");
  await hydrated(page);
  await syncNow(page, "4 new, 0 updated, 0 removed");
  await expect(page.getByTestId("rating-average")).toHaveText("3.0");
  // "To handle" by default: the review already answered on Pipedrive is not in it.
  await expect(cards(page)).toHaveCount(3);
  await expect(card(page, "Karl Olsen")).toHaveCount(0);
  await expectNoViolations(page);

  await filter(page, { Stars: "2 stars or fewer" });
  await expect(page).toHaveURL(/stars=low/);
  await expect(cards(page)).toHaveCount(2);
  await filter(page, { Text: "settings" });
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, "Julia Costa")).toBeVisible();
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/reviews$/);
  await hydrated(page);
  await filter(page, { Status: "Replied" });
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, "Karl Olsen").getByText("Thanks Karl!")).toBeVisible();
  await page.goto("/reviews?from=2026-11-11&to=2026-11-12");
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, "Ivan Petrov")).toBeVisible();

  // Assignment.
  await hydrated(page);
  await card(page, "Ivan Petrov").getByLabel("Assigned to").selectOption({ label: owner.name });
  await expect(page.getByText(`Assigned to ${owner.name}`, { exact: true })).toBeVisible();
  await page.goto("/reviews?assignee=me");
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, "Ivan Petrov")).toBeVisible();

  // A template, refused while incomplete, then saved.
  await page.goto("/reviews/templates");
  await hydrated(page);
  await page.getByLabel("Template name").fill("Apology");
  await page.getByRole("button", { name: "Add template" }).click();
  await expect(page.getByText("Write the template")).toBeVisible();
  await page
    .getByRole("textbox", { name: "Reply", exact: true })
    .fill("Hi {{first_name}}, sorry that {{app}} earned {{stars}} stars. We are on it. — {{my_name}}");
  await page.getByRole("button", { name: "Add template" }).click();
  await expect(page.getByTestId("template-row")).toHaveCount(1);

  // Reply from it: placeholders filled, copied, kept and marked as replied.
  await page.goto("/reviews");
  await hydrated(page);
  const ivan = card(page, "Ivan Petrov");
  await ivan.getByRole("button", { name: "Write a reply" }).click();
  await ivan.getByLabel("Start from a template").selectOption({ label: "Apology" });
  const expected = `Hi Ivan, sorry that ${name} earned 2 stars. We are on it. — ${owner.name}`;
  await expect(ivan.getByLabel("Reply to Ivan Petrov")).toHaveValue(expected);
  await ivan.getByRole("button", { name: "Copy reply and mark as replied" }).click();
  await expect(page.getByText("Reply copied: paste it on the review in Pipedrive")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByTestId("count-REPLIED")).toHaveText("2");
  await expect(page.getByTestId("average-reply-time")).not.toHaveText("—");
  await page.goto("/reviews?status=REPLIED");
  await expect(card(page, "Ivan Petrov").getByTestId("saved-reply")).toContainText(expected);
  await expect(card(page, "Ivan Petrov").getByTestId("review-status")).toHaveText("Replied");

  // Status by hand: Won't reply takes a review out of the queue.
  await page.goto("/reviews");
  await hydrated(page);
  await card(page, "Hana Sato").getByLabel("Status").selectOption({ label: "Won't reply" });
  await expect(page.getByText("Marked as Won't reply", { exact: true })).toBeVisible();
  await expect(cards(page)).toHaveCount(1);
});

test("manual entry and CSV import of reviews, with field errors and an idempotent import", async ({
  page,
  playwright,
}) => {
  const { appId } = await publishedApp(page, "Import", []);
  await page.goto("/reviews");
  await hydrated(page);

  await page.getByRole("button", { name: "Add a review by hand" }).click();
  const form = page.getByRole("form", { name: "Add a review" });
  await form.getByRole("button", { name: "Add review" }).click();
  await expect(form.getByText("Give the reviewer's name")).toBeVisible();
  await form.getByLabel("Reviewer").fill("Lena Fischer");
  await form.getByLabel("Stars").selectOption({ label: "3 stars" });
  await form.getByLabel("Date").fill("2026-11-20");
  await form.getByLabel("Review", { exact: true }).fill("Told us by email: good, but slow.");
  await form.getByRole("button", { name: "Add review" }).click();
  await expect(card(page, "Lena Fischer")).toContainText("Added by hand");

  const csv =
    "author,stars,date,text\nMara Lopez,5,2026-11-01,Great\nNils Berg,4,2026-11-02,Fine\nBad Row,9,2026-11-03,Nope\n";
  const upload = async () => {
    await page
      .getByLabel("File")
      .setInputFiles({ name: "reviews.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByTestId("review-import-preview")).toBeVisible();
  };
  await page.getByRole("button", { name: "Import reviews" }).click();
  await upload();
  await expect(page.getByRole("status").filter({ hasText: "Dry run" })).toHaveText(
    "Dry run: 2 new, 0 already there, 1 with errors (of 3 rows).",
  );
  await expect(page.getByRole("list", { name: "Rows with errors" })).toHaveText(
    "Line 4: stars: Stars must be from 1 to 5",
  );
  await page.getByRole("button", { name: "Import 2 reviews" }).click();
  await expect(page.getByText("2 reviews imported", { exact: true })).toBeVisible();
  await expect(card(page, "Mara Lopez")).toContainText("Imported");
  await upload();
  await expect(page.getByRole("status").filter({ hasText: "Dry run" })).toHaveText(
    "Dry run: 0 new, 2 already there, 1 with errors (of 3 rows).",
  );
  await expect(page.getByRole("button", { name: /^Import \d+ review/ })).toHaveCount(0);
  await expect(cards(page)).toHaveCount(3);

  // The import API's bad inputs.
  const post = (type: string, body: string, query = `appId=${appId}&dryRun=1`) =>
    page.request.post(`/api/reviews/import?${query}`, { headers: { "content-type": type }, data: Buffer.from(body) });
  let res = await post("text/plain", csv);
  expect([res.status(), (await res.json()).error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
  res = await post("application/json", "{");
  expect([res.status(), (await res.json()).error.message]).toEqual([422, "The file is not valid JSON"]);
  res = await post("text/csv", csv, "appId=not-an-app");
  expect(res.status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL: E2E.appUrl });
  res = await anonymous.post(`/api/reviews/import?appId=${appId}`, {
    headers: { "content-type": "text/csv" },
    data: csv,
  });
  expect([res.status(), (await res.json()).error.code]).toEqual([401, "UNAUTHENTICATED"]);
  // The progress of a sync run: another workspace's or an unknown run is not found.
  expect((await anonymous.get("/api/sync/runs/anything")).status()).toBe(401);
  expect((await page.request.get("/api/sync/runs/not-a-run")).status()).toBe(404);
  await anonymous.dispose();
});
