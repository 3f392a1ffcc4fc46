import { expect, test } from "@playwright/test";
import { E2E } from "./config";
import { createCompany, signIn } from "./fixtures";

const CALLBACK = "/api/auth/callback/pipedrive";

test.describe("sign-in routes and bad input", () => {
  test("user_denied from Pipedrive redirects to the sign-in page with a message, not an error", async ({ request }) => {
    const res = await request.get(`${CALLBACK}?error=user_denied&state=abc`, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(new URL(res.headers().location!).pathname + new URL(res.headers().location!).search).toBe(
      "/signin?error=denied",
    );
  });

  test("other OAuth errors and forged callbacks end on the sign-in page with a message, never a 500", async ({
    request,
    page,
  }) => {
    for (const query of ["error=server_error&state=abc", "code=forged&state=forged", "", "code=x"]) {
      const res = await request.get(`${CALLBACK}?${query}`, { maxRedirects: 0 });
      expect(res.status(), query).toBeGreaterThanOrEqual(300);
      expect(res.status(), query).toBeLessThan(400);
      expect(new URL(res.headers().location!).pathname, query).toBe("/signin");
    }
    await page.goto(`${CALLBACK}?code=forged&state=forged`);
    await expect(page.getByText("Sign-in failed")).toBeVisible();
  });

  test("the return path after sign-in is never another site", async ({ page }) => {
    for (const target of ["https://evil.test/x", "//evil.test", "/\\evil.test"]) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/apps");
    }
  });

  test("signed in, /signin sends to the return path only when it stays on this site", async ({ page }) => {
    const [user] = await createCompany("Spec Redirect", [{ name: "Rex Redirect", isAdmin: true }]);
    await signIn(page, user!);
    for (const target of [
      "/.//evil.example/phish",
      "/..//evil.example/x",
      "/%2e//evil.example/x",
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/%09/evil.example",
    ]) {
      const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(res.status(), target).toBe(307);
      expect(res.headers().location, target).toBe("/apps");
    }
    const ok = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/team/audit?page=2")}`, {
      maxRedirects: 0,
    });
    expect(ok.headers().location).toBe("/team/audit?page=2");
  });

  test("a session cookie whose session is gone gets the sign-in page (the cookie dropped), never a loop", async ({
    page,
    context,
  }) => {
    await context.addCookies([
      { name: "authjs.session-token", value: "a-session-that-does-not-exist", url: E2E.appUrl },
    ]);
    const res = await page.goto("/signin?callbackUrl=%2Fteam");
    expect(res!.status()).toBe(200);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/signin?callbackUrl=%2Fteam");
    await expect(page.getByText("Sign in to continue to the page you asked for.")).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "authjs.session-token")).toBeUndefined();
  });

  test("an unknown page is a 404 page", async ({ page }) => {
    const res = await page.goto("/definitely-not-here");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });
});
