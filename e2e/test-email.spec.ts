import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { createCompany, hydrated, signIn } from "./fixtures";

test("Send a test email to me: the mail server's answer shows, and the email arrives", async ({ page }) => {
  const [owner] = await createCompany("Spec Mail", [{ name: "Tess Tester", isAdmin: true }]);
  await signIn(page, owner!);
  await page.goto("/reviews/alerts");
  await hydrated(page);
  await page.getByRole("button", { name: "Send a test email to me" }).click();
  const answer = page.getByTestId("test-email").getByRole("status");
  await expect(answer).toContainText(/^Sent to \S+@\S+\. The mail server answered: 250/);
  const address = /^Sent to (\S+)\. /.exec((await answer.textContent())!)![1]!;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${E2E.mailboxUrl}/messages?to=${encodeURIComponent(address)}`);
        return ((await res.json()) as { subject: string }[]).some((m) =>
          m.subject.startsWith("Test email from Listing Studio (Spec Mail"),
        );
      },
      { timeout: 20_000 },
    )
    .toBe(true);
});
