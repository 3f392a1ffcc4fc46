import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { hydrated } from "./fixtures";
import { publishedApp, putListing, REVIEWS, syncNow } from "./reviews";

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
    // The log is of webhook deliveries: before any, it says so, and where other alerts are.
    await expect(page.getByRole("region", { name: "Webhook delivery log" })).toContainText(
      "No webhook delivery yet. Alerts in the app and by email are under Recent alerts.",
    );
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
  await expect(mine).toContainText("To: In the app, to every member who gets alerts there · At most once an hour");

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
