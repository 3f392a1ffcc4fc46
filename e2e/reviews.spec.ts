import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { E2E } from "./config";
import { publishApp, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

type Review = {
  id: string;
  author: string;
  stars: number;
  date: string;
  text: string;
  upvotes?: number;
  reply?: string | null;
};

/** Publishes an app on the emulator's Marketplace with these reviews (replacing its page). */
async function putListing(clientId: string, name: string, reviews: Review[]) {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({
      clientId,
      name,
      builtBy: "E2E Partner",
      installBand: "100+",
      reviews: reviews.map((r) => ({ upvotes: 0, reply: null, ...r })),
    }),
  });
  expect(res.status).toBe(201);
}

const REVIEWS: Review[] = [
  { id: "r1", author: "Hana Sato", stars: 5, date: "2026-11-10T09:00:00Z", text: "Makes quoting painless." },
  {
    id: "r2",
    author: "Ivan Petrov",
    stars: 2,
    date: "2026-11-12T09:00:00Z",
    text: "Crashes when the deal has no products.",
  },
  {
    id: "r3",
    author: "Julia Costa",
    stars: 1,
    date: "2026-11-15T09:00:00Z",
    text: "Lost my settings after the update.",
  },
  { id: "r4", author: "Karl Olsen", stars: 4, date: "2026-11-05T09:00:00Z", text: "Solid.", reply: "Thanks Karl!" },
];

/** A published app of a fresh workspace, with its Marketplace page on the emulator. */
async function publishedApp(page: Page, label: string, reviews: Review[]) {
  const [owner] = await createCompany(label, [{ name: "Rita Owner", isAdmin: true }]);
  await signIn(page, owner!);
  const name = `Pulse ${Date.now().toString(36)}`;
  const appId = await createAppInUi(page, name);
  publishApp(appId);
  await putListing(String(rawAppRow(appId).clientId), name, reviews);
  return { owner: owner!, name, appId, clientId: String(rawAppRow(appId).clientId) };
}

async function syncNow(page: Page, summary: string) {
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(`Sync finished: ${summary}`)).toBeVisible({ timeout: 20_000 });
}

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

test("an alert reaches a webhook, signed; the delivery log shows it and resends it", async ({ page }) => {
  const received: { body: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["x-listing-studio-signature"] ?? "") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const hookUrl = `http://localhost:${(server.address() as AddressInfo).port}/alerts`;
  try {
    const { name, clientId } = await publishedApp(page, "Alerts", REVIEWS.slice(0, 1));
    await page.goto("/reviews/alerts");
    await hydrated(page);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Ops receiver");
    await page.getByRole("textbox", { name: "URL", exact: true }).fill("ftp://nope");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("The URL must start with https:// (http:// only for localhost)")).toBeVisible();
    await page.getByRole("textbox", { name: "URL", exact: true }).fill(hookUrl);
    await page.getByLabel("Generic JSON").check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = await page.getByLabel("Webhook signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    // The first read is the baseline; a review that appears afterwards is news.
    await page.goto("/reviews");
    await hydrated(page);
    await syncNow(page, "1 new, 0 updated, 0 removed");
    await putListing(clientId, name, [
      ...REVIEWS.slice(0, 1),
      { id: "r9", author: "Olga Ivanova", stars: 2, date: "2026-11-27T09:00:00Z", text: "Support never answered." },
    ]);
    await syncNow(page, "1 new, 0 updated, 0 removed");

    // A new review of 2 stars (two default rules match it: the webhook gets it once, named by the more
    // specific "Low ratings"), and the average down from 5.0 to 3.5 within the week: two alerts.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; title: string; app: { name: string } });
    expect(bodies.map((b) => b.title).sort()).toEqual([
      `Low rating: 2 stars for ${name} from Olga Ivanova`,
      `The rating of ${name} dropped from 5.00 to 3.50 in 7 days`,
    ]);
    for (const r of received) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.signature)!;
      expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${r.body}`).digest("hex"));
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    }

    await page.goto("/reviews/alerts");
    await hydrated(page);
    const row = page.getByTestId("delivery-row").filter({ hasText: "Low rating" });
    await expect(row.getByTestId("delivery-status")).toHaveText("Delivered");
    await expect(row.getByTestId("delivery-attempt")).toHaveCount(1);
    await expect(row.getByTestId("delivery-attempt")).toContainText("HTTP 200");
    await row.getByRole("button", { name: /^Resend/ }).click();
    await expect(page.getByText("Queued to send again", { exact: true })).toBeVisible();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(3);
    expect(JSON.parse(received[2]!.body).title).toBe(`Low rating: 2 stars for ${name} from Olga Ivanova`);
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId("delivery-attempt")).toHaveCount(2);
    }).toPass({ timeout: 15_000 });
  } finally {
    server.close();
  }
});

test("alert rules: conditions pick the reviews, each destination hears of an event once, bad input is explained", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { name, clientId } = await publishedApp(page, "Rules", REVIEWS.slice(0, 1));
  await page.goto("/reviews/alerts");
  await hydrated(page);
  const rules = page.getByTestId("alert-rule");
  // Today's fixed alerts are the default rules.
  await expect(rules).toHaveCount(6);
  await expect(rules.filter({ hasText: "Low ratings" })).toContainText("Only if: 1, 2 stars · every app");
  for (const rule of ["Every new review", "Low ratings"]) {
    await page.getByRole("button", { name: `Pause ${rule}` }).click();
    await expect(rules.filter({ hasText: rule })).toContainText("paused");
  }

  await page.getByRole("button", { name: "New rule" }).click();
  const form = page.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("When").selectOption("RATING_DROP");
  await expect(form.getByLabel("Drop of at least")).toHaveValue("0.2");
  await form.getByLabel("Drop of at least").fill("9");
  await form.getByLabel("Drop of at least").blur();
  await expect(form.getByText("Between 0.1 and 4 stars")).toBeVisible();
  await form.getByLabel("In the app (the bell)").uncheck();
  await form.getByLabel("In the app (the bell)").blur();
  await expect(form.getByText("Choose at least one destination: in the app, by email or a webhook")).toBeVisible();
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByText("Name the rule, e.g. 1-star reviews to Slack")).toBeVisible();

  await form.getByLabel("Name").fill("Crash reports");
  await form.getByLabel("When").selectOption("NEW_REVIEW");
  await expect(form.getByLabel("Drop of at least")).toHaveCount(0);
  await form.getByLabel("1 star", { exact: true }).check();
  await form.getByLabel("2 stars", { exact: true }).check();
  await form.getByLabel("The text mentions").fill("crash, data loss");
  await form.getByLabel("In the app (the bell)").check();
  await form.getByLabel("In the app (the bell)").blur();
  await expect(form.getByRole("alert")).toHaveCount(0);
  await form.getByLabel("Throttle").selectOption({ label: "At most once an hour" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("Rule added")).toBeVisible();
  const mine = rules.filter({ hasText: "Crash reports" });
  await expect(mine).toContainText("Only if: 1, 2 stars · mentions “crash” or “data loss” · every app");
  await expect(mine).toContainText("To: In the app · At most once an hour");

  await page.goto("/reviews");
  await hydrated(page);
  await syncNow(page, "1 new, 0 updated, 0 removed");
  await putListing(clientId, name, [
    ...REVIEWS.slice(0, 1),
    { id: "c1", author: "Pablo Ruiz", stars: 2, date: "2026-11-27T09:00:00Z", text: "It CRASHES on save." },
    { id: "c2", author: "Quinn Hale", stars: 1, date: "2026-11-27T10:00:00Z", text: "Too expensive for us." },
  ]);
  await syncNow(page, "2 new, 0 updated, 0 removed");
  await syncNow(page, "0 new, 0 updated, 0 removed");

  await page.goto("/notifications");
  const notes = page.getByTestId("notification");
  // The crash review is the rule's alert, once; the other one only in the summary of new reviews.
  await expect(notes.filter({ hasText: "Pablo Ruiz" })).toHaveCount(1);
  await expect(notes.filter({ hasText: `Low rating: 2 stars for ${name} from Pablo Ruiz` })).toHaveCount(1);
  await expect(notes.filter({ hasText: `1 new review of ${name} (1★)` })).toHaveCount(1);

  await page.goto("/reviews/alerts");
  await expect(rules.filter({ hasText: "Crash reports" }).getByTestId("rule-counts")).toContainText("Sent 1 event");
  await expectNoViolations(page);
});
