import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

async function openReview(page: Page, appId: string) {
  await page.goto(`/apps/${appId}/submission`);
  await hydrated(page);
}

async function move(page: Page, button: string, note?: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  if (note) await dialog.getByLabel(/^(Note \(optional\)|Reasons)/).fill(note);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("fixing the last field enables submission; the full status walk is on the timeline, with pending changes after approval", async ({
  page,
}) => {
  test.setTimeout(120_000); // a long walk: about 45 s on a slow machine here
  const [owner] = await createCompany("Spec Review", [{ name: "Rita Review", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Walkthrough");
  await writeCompleteListing(page, appId, "Walkthrough", { pricingUrl: "" });

  await openReview(page, appId);
  await expect(page.getByTestId("app-status")).toHaveText("Draft");
  await expect(page.getByRole("button", { name: "Record submission" })).toBeDisabled();
  await expect(page.getByText("1 readiness error blocks submission.")).toBeVisible();

  // Fix it in the editor: the checklist follows, and submission opens.
  await page.getByRole("link", { name: "Fix them in the editor" }).click();
  await hydrated(page);
  await expect(page.getByTestId("readiness-items")).toContainText("Pricing page URL is required");
  await page.getByRole("tab", { name: "Support & legal" }).click();
  await page.getByLabel("Pricing page URL").fill("https://walkthrough.example.com/pricing");
  await expect(page.getByRole("region", { name: "Readiness" })).not.toContainText("Pricing page URL is required");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  await openReview(page, appId);
  await move(page, "Record submission", "First submission");
  await expect(page.getByTestId("app-status")).toHaveText("In review");
  await expect(page.getByTestId("review-counter")).toContainText("Business day 0 of 21");

  // Reviewer feedback attached to a field shows beside it in the editor until resolved.
  await page.getByLabel("Field").selectOption({ label: "Short summary" });
  await page.getByLabel("Reviewer's feedback").fill("State the value, not the features.");
  await page.getByRole("button", { name: "Attach feedback" }).click();
  await expect(page.getByRole("list", { name: "Open feedback" })).toContainText("State the value, not the features.");
  await page.goto(`/apps/${appId}/listing?field=summary`);
  await hydrated(page);
  await expect(page.getByTestId("notes-summary")).toContainText("State the value, not the features.");
  await expect(page.getByLabel("Short summary")).toBeFocused();

  await openReview(page, appId);
  await expect(page.getByRole("button", { name: "Record rejection" })).toBeVisible();
  await page.getByRole("button", { name: "Record rejection" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Record rejection" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("Add the reviewer's reasons");
  await page
    .getByRole("dialog")
    .getByLabel(/^Reasons/)
    .fill("Screenshots show real customer data.");
  await page.getByRole("dialog").getByRole("button", { name: "Record rejection" }).click();
  await expect(page.getByTestId("app-status")).toHaveText("Rejected");
  await move(page, "Record submission");
  await move(page, "Record approval");
  await expect(page.getByTestId("app-status")).toHaveText("Approved, unpublished");
  await expect(page.getByTestId("review-counter")).toHaveCount(0);
  await move(page, "Record publication");
  await expect(page.getByTestId("app-status")).toHaveText("Published");

  const timeline = page.getByTestId("timeline").getByRole("listitem");
  await expect(timeline).toHaveCount(5);
  await expect(timeline.nth(0)).toContainText("recorded the move from Approved, unpublished to Published");
  await expect(timeline.nth(3)).toContainText("recorded the move from In review to Rejected");
  await expect(timeline.nth(3)).toContainText("Screenshots show real customer data.");
  await expect(timeline.nth(4)).toContainText("recorded the move from Draft to In review");
  await expect(timeline.nth(4)).toContainText("First submission");
  await expect(timeline.nth(4)).toContainText(/version \d+/);

  // After approval, a critical field opens pending changes; other fields go live.
  const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  await page.request.put(`/api/apps/${appId}/listing`, {
    data: {
      revision: current.revision,
      data: { ...current.data, summary: "Live at once", callbackUrl: "https://walkthrough.example.com/oauth/v2" },
    },
  });
  await openReview(page, appId);
  const pending = page.getByRole("region", { name: /Pending changes/ });
  await expect(pending.getByRole("list", { name: "Changed critical fields" }).getByRole("listitem")).toHaveText([
    "Callback URL",
  ]);
  await move(page, "Record submission of changes");
  await expect(pending).toContainText("In review");
  await expect(page.getByTestId("review-counter")).toBeVisible();
  await move(page, "Record approval");
  await expect(page.getByRole("region", { name: /Pending changes/ })).toHaveCount(0);
  await expect(page.getByTestId("app-status")).toHaveText("Published");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("each step is recorded for the day Pipedrive acted: a backdated submission starts the clock then; a future day or a day before the previous step is refused", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Dates", [{ name: "Dora Dates", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Backdated");
  await writeCompleteListing(page, appId, "Backdated");
  await openReview(page, appId);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const long = (n: number) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
      new Date(`${day(n)}T00:00:00Z`),
    );

  await page.getByRole("button", { name: "Record submission", exact: true }).click();
  let dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("It sends nothing to Pipedrive");
  const date = dialog.getByLabel("Day of the submission in Developer Hub");
  await expect(date).toHaveValue(day(0));
  await date.fill(day(-1));
  await dialog.getByRole("button", { name: "Record submission", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("Pipedrive cannot have acted in the future");
  await date.fill(day(14));
  await dialog.getByRole("button", { name: "Record submission", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("review-counter")).toContainText(`Business day 10 of 21 · submitted on ${long(14)}`);
  await expect(page.getByTestId("timeline").getByRole("listitem").first()).toContainText(long(14));

  await page.getByRole("button", { name: "Record approval", exact: true }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Day of Pipedrive's approval").fill(day(20));
  await dialog.getByRole("button", { name: "Record approval", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    `This step cannot come before the previous one, recorded on ${new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${day(14)}T00:00:00Z`))}`,
  );
  await dialog.getByLabel("Day of Pipedrive's approval").fill(day(2));
  await dialog.getByRole("button", { name: "Record approval", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("app-status")).toHaveText("Approved, unpublished");
  await expect(page.getByTestId("timeline").getByRole("listitem").first()).toContainText(long(2));
});

test("the live preview beside the editor follows typing", async ({ page }) => {
  const [owner] = await createCompany("Spec Live", [{ name: "Liv Live", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "LiveOne");
  await writeCompleteListing(page, appId, "LiveOne");
  await page.goto(`/apps/${appId}/listing`);
  await hydrated(page);
  await page.getByRole("button", { name: "Live preview" }).click();
  const live = page.getByTestId("live-preview");
  await expect(live.getByRole("heading", { level: 1, name: "LiveOne" })).toBeVisible();
  await page.getByRole("tab", { name: "General info" }).click();
  await page.getByLabel("Short summary").fill("Typed a moment ago.");
  await expect(live.getByText("Typed a moment ago.")).toBeVisible();
  await expect(live.getByRole("img", { name: "LiveOne icon" })).toBeVisible();
});
