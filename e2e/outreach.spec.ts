import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { advanceClock } from "./db";
import { consent, createCompany, gatewayApp, hydrated, signIn, type EmulatorUser } from "./fixtures";

type Mail = { subject: string; text: string; html: string; listUnsubscribe: string | null };
const mailTo = async (address: string) =>
  (await (await fetch(`${E2E.mailboxUrl}/messages?to=${encodeURIComponent(address)}`)).json()) as Mail[];
const emailOf = (u: EmulatorUser) =>
  `${u.name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@${u.companyName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`;
const linkIn = (text: string, path: string) => new RegExp(`${E2E.appUrl}${path}\\S+`).exec(text)?.[0] ?? "";

test("review requests and the uninstall survey: turned on, the clock advanced, the email opens the listing's reviews; an uninstall is asked why, the answer is reported; unsubscribe stops both", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const [owner] = (await createCompany("Asking Partner", [{ name: "Ola Asker", isAdmin: true }])) as [EmulatorUser];
  const [kept] = (await createCompany("Kept Corp", [{ name: "Kai Kept" }])) as [EmulatorUser];
  const [left] = (await createCompany("Left Corp", [{ name: "Lea Left" }])) as [EmulatorUser];
  await signIn(page, owner);
  const app = await gatewayApp(page, "Asked");
  const listed = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ clientId: app.clientId, name: "Asked", builtBy: "Asking Partner", reviews: [] }),
  });
  expect(listed.status).toBe(201);
  const listingUrl = ((await listed.json()) as { url: string }).url;

  // Two companies install through the gateway.
  for (const buyer of [kept, left]) {
    const installer = await (await browser.newContext()).newPage();
    await installer.goto(app.installUrl);
    await consent(installer, buyer, "Allow and install", "Asked");
    await installer.context().close();
  }

  // Review requests on, quiet hours none (this test must not depend on the hour it runs), with a preview.
  await page.goto(`/apps/${app.appId}/outreach`);
  await hydrated(page);
  const requests = page.getByRole("form", { name: "Review requests" });
  await requests.getByLabel("Ask installing users for a review").check();
  await requests.locator("#requestSubject").fill("{first_name}, how is {app} for {company}?");
  await expect(page.getByTestId("preview-subject")).toHaveText("Ana, how is Asked for Acme GmbH?");
  await requests.getByLabel("After keeping it").fill("0");
  await requests.getByRole("button", { name: "Save review requests" }).click();
  await expect(requests.getByText("Ask after at least 1 day")).toBeVisible();
  await requests.getByLabel("After keeping it").fill("14");
  await requests.getByLabel("Quiet from").selectOption("0");
  await requests.getByLabel("Quiet until").selectOption("0");
  await requests.getByRole("button", { name: "Save review requests" }).click();
  await expect(page.getByText("Saved: review requests are on")).toBeVisible();
  const survey = page.getByRole("form", { name: "Uninstall survey" });
  await survey.getByLabel("Ask why, when a company uninstalls").check();
  await survey.getByRole("button", { name: "Save uninstall survey" }).click();
  await expect(page.getByText("Saved: the uninstall survey is on")).toBeVisible();

  // Nothing is due yet; fifteen days later for Kept Corp, its installer is asked.
  advanceClock(app.appId, kept.companyId, 15);
  const kick = () =>
    fetch(`${E2E.appUrl}/api/cron/outreach`, {
      method: "POST",
      headers: { authorization: `Bearer ${E2E.appEnv.CRON_SECRET}` },
    });
  await kick();
  await expect.poll(async () => (await mailTo(emailOf(kept))).length, { timeout: 30_000 }).toBe(1);
  const [request] = await mailTo(emailOf(kept));
  expect(request!.subject).toBe(`Kai, how is Asked for ${kept.companyName}?`);
  expect(await mailTo(emailOf(left))).toEqual([]);

  // Its link opens the listing's reviews on the Marketplace (the emulator's), and is counted.
  await page.goto(linkIn(request!.text, "/r/"));
  await expect(page).toHaveURL(`${listingUrl}#user-reviews`);
  await expect(page.locator("#user-reviews")).toBeVisible();
  await page.goto(`/apps/${app.appId}/outreach`);
  await expect(page.getByTestId("funnel-requested")).toHaveText("1");
  await expect(page.getByTestId("funnel-opened")).toHaveText("1");
  await expect(page.getByTestId("link-clicks")).toHaveText("1");

  // Kept Corp's user unsubscribes (the page asks first); then both companies uninstall.
  const unsubscribe = /<([^>]+)>/.exec(request!.listUnsubscribe ?? "")![1]!;
  await page.goto(unsubscribe);
  await expect(page.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  for (const buyer of [kept, left]) {
    const res = await fetch(`${E2E.emulatorUrl}/__emulator/uninstall`, {
      method: "POST",
      body: JSON.stringify({ clientId: app.clientId, userId: buyer.id }),
    });
    expect(await res.json()).toEqual({ status: 200 });
  }
  await kick();
  await expect.poll(async () => (await mailTo(emailOf(left))).length, { timeout: 30_000 }).toBe(1);
  const [ask] = await mailTo(emailOf(left));
  expect(ask!.subject).toBe("Why did you uninstall Asked?");
  expect(await mailTo(emailOf(kept))).toHaveLength(1);

  // The survey at a phone's width, without JavaScript: one reason, and words that are only text.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const form = await phone.newPage();
  const surveyUrl = linkIn(ask!.text, "/survey/");
  await form.goto(surveyUrl);
  await expect(form.getByRole("heading", { name: "Why did you uninstall Asked?" })).toBeVisible();
  await form.getByRole("button", { name: "Send answer" }).click();
  await expect(form.getByRole("alert")).toHaveText("Choose a reason or write a few words");
  await form.getByLabel("Too expensive").check();
  const hostile = '<img src=x onerror="document.title=1">=HYPERLINK("http://evil")';
  await form.getByLabel("Anything else you want to tell us? (optional)").fill(hostile);
  await form.getByRole("button", { name: "Send answer" }).click();
  await expect(form.getByRole("heading", { name: "Thank you" })).toBeVisible();
  await form.goto(surveyUrl);
  await expect(form.getByRole("heading", { name: "You have answered already" })).toBeVisible();
  await phone.close();

  // The report has it, and so does Left Corp's timeline; Kept Corp's page says why it got no survey.
  await page.goto(`/apps/${app.appId}/outreach#reasons`);
  await expect(page.getByTestId("survey-answered")).toHaveText("1");
  await expect(page.getByTestId("survey-answers")).toContainText("Too expensive");
  await expect(page.getByTestId("survey-answers")).toContainText(hostile);
  expect(await page.title()).not.toBe("1");
  await page.goto(`/customers?q=${encodeURIComponent(left.companyName)}`);
  await page.getByRole("link", { name: left.companyName }).click();
  await expect(page.getByTestId("customer-timeline")).toContainText("Told why it uninstalled");
  await expect(page.getByTestId("timeline-answer")).toContainText(hostile);
  await page.goto(`/customers?q=${encodeURIComponent(kept.companyName)}`);
  await page.getByRole("link", { name: kept.companyName }).click();
  await expect(page.getByTestId("customer-emails")).toContainText("The address unsubscribed");
  await expect(page.getByTestId("customer-emails")).toContainText("link opened");
});
