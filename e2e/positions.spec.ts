import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./config";
import { backdatePositions, publishApp, rawAppRow } from "./db";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";
import { rank } from "./reviews";

async function syncNow(page: Page) {
  await page.goto("/reviews");
  await hydrated(page);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Sync finished/)).toBeVisible({ timeout: 20_000 });
}

test("positions: Sync now records where the app stands; a move shows in the history, as a move and as an alert", async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const [owner] = await createCompany("Spec Positions", [{ name: "Pia Position", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Rank Tracker");
  await writeCompleteListing(page, appId, "Rank Tracker", { categories: ["Positions spec tools"] });
  // A draft has no place in the Marketplace yet: the tab says so instead of asking for a sync.
  await page.goto(`/apps/${appId}/positions`);
  await expect(page.getByRole("heading", { name: "No positions before publication" })).toBeVisible();
  publishApp(appId);
  const clientId = String(rawAppRow(appId).clientId);
  await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ clientId, name: "Rank Tracker", reviews: [] }),
  });

  await page.goto(`/apps/${appId}/positions`);
  await expect(page.getByRole("heading", { name: "No positions yet" })).toBeVisible();

  await rank(clientId, 9, 3);
  await syncNow(page);
  backdatePositions(appId);
  // Position changes are turned off in the app for this person; alerts stay on.
  await page.goto("/notifications/settings");
  await hydrated(page);
  await page.getByRole("checkbox", { name: "In the app: Position changes" }).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();
  await rank(clientId, 4, 3);
  await syncNow(page);

  await page.goto(`/apps/${appId}/positions`);
  const cards = page.getByTestId("position-card");
  await expect(cards.filter({ hasText: "Top rated" })).toContainText(/#4\s*of 30 apps/);
  await expect(cards.filter({ hasText: "Positions spec tools" })).toContainText(/#3\s*of 12 apps/);
  await expect(page.getByTestId("rank-event")).toHaveCount(1);
  await expect(page.getByTestId("rank-event")).toContainText("Moved from #9 to #4 in Top rated");
  await page.getByRole("button", { name: "Show table" }).click();
  await expect(page.getByTestId("chart-positions").getByRole("table")).toContainText("#4");

  // The lists the emulator does not serve are reported with the run; nothing is stored for them.
  await page.goto("/reviews/sync");
  await expect(page.getByTestId("sync-run").first().getByTestId("positions-error")).toContainText("Trending:");
  await page.goto("/reviews/alerts");
  await expect(page.getByText("Rank Tracker moved from #9 to #4 in Top rated")).toBeVisible();

  // The move is an alert in the bell; the position-change notification was not wanted in the app.
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(/Notifications, \d+ unread/);
  await page.getByTestId("notification-bell").click();
  const notes = page.getByTestId("notification");
  await expect(
    notes.filter({ hasText: "Alerts" }).filter({ hasText: "Rank Tracker moved from #9 to #4 in Top rated" }),
  ).toHaveCount(1);
  await expect(notes.filter({ hasText: "Position changes" })).toHaveCount(0);

  // The alert was emailed at once, with a link that stops alert emails.
  let mail: { subject: string; text: string; listUnsubscribe: string | null } | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${E2E.mailboxUrl}/messages?to=pia.position`);
        mail = ((await res.json()) as (typeof mail)[]).find((m) => m!.subject.includes("moved from #9 to #4"));
        return Boolean(mail);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(mail!.listUnsubscribe).toMatch(/<http:\/\/localhost:\d+\/unsubscribe\/.+>/);
  const link = /(http:\/\/localhost:\d+\/unsubscribe\/\S+)/.exec(mail!.text)![1]!;
  // Opened from a mail client: a browser of its own, whose Origin is its own (the page asks with no
  // referrer, so its button posts with `Origin: null`), and a mail provider's one-click POST (RFC 8058)
  // with no Origin at all: both are taken (the link's signature is what counts, not the origin).
  const mailClient = await browser.newContext({ extraHTTPHeaders: {} });
  const reader = await mailClient.newPage();
  await reader.goto(link);
  await reader.getByRole("button", { name: "Stop emails about alerts" }).click();
  await expect(reader.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  const provider = await playwright.request.newContext();
  const oneClick = await provider.post(link, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  await Promise.all([mailClient.close(), provider.dispose()]);
  await page.goto("/notifications/settings");
  await expect(page.getByRole("checkbox", { name: "By email: Alerts" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "In the app: Alerts" })).toBeChecked();
});
