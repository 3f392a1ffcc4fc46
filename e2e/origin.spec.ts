import { expect, test } from "@playwright/test";
import { ROUTES } from "./entry-points";
import { createAppInUi, createCompany, signIn } from "./fixtures";

/**
 * A page on another origin (or another site on the same domain) cannot make a signed-in person's
 * browser change anything: every cookie-authenticated state-changing route refuses its requests,
 * including the "simple" text/plain form post a browser sends without asking.
 */
test("state-changing routes refuse cross-origin requests and unexpected content types", async ({ page }) => {
  const [owner] = await createCompany("Spec Origin", [{ name: "Ori Origin", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "OriginApp");
  const before = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
  const ids = {
    appId,
    assetId: "x",
    runId: "x",
    captureId: "x",
    customerId: "x",
    appName: "OriginApp",
    workspaceId: "x",
  };
  const guarded = Object.entries(ROUTES).filter(
    ([, check]) => "origin" in check && check.origin === "same-origin" && "url" in check,
  );
  expect(guarded.length).toBeGreaterThanOrEqual(6);
  for (const [name, check] of guarded) {
    const [method] = name.split(" ");
    const url = (check as { url: (a: typeof ids) => string }).url(ids);
    for (const origin of ["https://evil.example", "http://localhost:1", "null"]) {
      const res = await page.request.fetch(url, {
        method,
        headers: { origin, "content-type": "text/plain" },
        data: Buffer.from('{"revision":1,"data":{}}'),
      });
      expect(res.status(), `${name} from ${origin}`).toBe(403);
      expect((await res.json()).error.message, name).toBe("This request did not come from Listing Studio's own pages");
    }
    // From the app's own origin, a text/plain body is not what any of them reads.
    const plain = await page.request.fetch(url, {
      method,
      headers: { "content-type": "text/plain" },
      data: Buffer.from("x"),
    });
    expect(plain.status(), `${name} with text/plain`).toBe(415);
  }
  // Nothing changed.
  expect((await (await page.request.get(`/api/apps/${appId}/listing`)).json()).revision).toBe(before.revision);
  // No Origin but the browser's own same-origin marker: accepted.
  const res = await page.request.put(`/api/apps/${appId}/listing`, {
    headers: { origin: "", "sec-fetch-site": "same-origin" },
    data: { revision: before.revision, data: before.data },
  });
  expect(res.status()).toBe(200);
});

/**
 * Server actions follow the same rule, however they are posted: a real browser on a page of another
 * origin on the same site (another port of this host: its Lax cookies go along) submits the user
 * menu's sign-out form as a plain multipart form — no `next-action` header — and is refused with
 * 403; the person stays signed in. So are other schemes, ports and sites without a browser.
 */
test.describe("server actions", () => {
  // The browser's own Origin headers, not the test client's (playwright.config.ts sets one for it).
  test.use({ extraHTTPHeaders: {} });

  test("a cross-site form cannot run a server action: 403, nothing done", async ({ page, baseURL }) => {
    const [owner] = await createCompany("Spec CSRF", [{ name: "Cy Csrf", isAdmin: true }]);
    await signIn(page, owner!);
    await page.goto("/apps");
    const field = await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
    expect(field).toMatch(/^\$ACTION_ID_[0-9a-f]{40,64}$/);

    const attacker = "http://localhost:4999";
    await page.route(`${attacker}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" enctype="multipart/form-data" action="${baseURL}/apps"><input name="${field}" value=""></form><script>document.forms[0].submit()</script>`,
      }),
    );
    const answer = page.waitForResponse((res) => res.url() === `${baseURL}/apps` && res.request().method() === "POST");
    await page.goto(`${attacker}/attack`);
    const res = await answer;
    expect(res.request().headers().origin).toBe(attacker);
    expect(res.status()).toBe(403);
    await page.goto("/apps");
    await expect(page.getByRole("heading", { name: "Apps", exact: true })).toBeVisible();

    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const body = Buffer.from(`--x\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n\r\n--x--\r\n`);
    const port = new URL(baseURL!).port;
    for (const headers of <Record<string, string>[]>[
      { origin: `https://localhost:${port}` },
      { origin: "http://localhost:1" },
      { origin: "https://evil.example" },
      { origin: "", "sec-fetch-site": "cross-site" },
    ]) {
      const refused = await page.request.post("/apps", { headers: { ...multipart, ...headers }, data: body });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
    }
    await page.goto("/apps");
    await expect(page.getByRole("heading", { name: "Apps", exact: true })).toBeVisible();
  });
});
