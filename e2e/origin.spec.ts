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
  const ids = { appId, assetId: "x", runId: "x", appName: "OriginApp", workspaceId: "x" };
  const guarded = Object.entries(ROUTES).filter(([, check]) => "origin" in check && check.origin === "same-origin");
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
