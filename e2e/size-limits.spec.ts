import { expect, test } from "@playwright/test";
import { createAppInUi, createCompany, signIn } from "./fixtures";

/**
 * Every route behind sign-in that reads a body, and server actions: a body over the limit is 413
 * with a clear error. (Chunked bodies and the public routes: lib/security/size-limits.test.ts.)
 */
test("bodies over each limit get 413 with a clear error", async ({ page }) => {
  test.setTimeout(90_000);
  const [owner] = await createCompany("Spec Sizes", [{ name: "Sid Sizes", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Sized");
  const over = (bytes: number) => Buffer.alloc(bytes + 1, 32);

  const cases: [string, string, string, number, string, RegExp][] = [
    ["PUT", `/api/apps/${appId}/listing`, "application/json", 1_000_000, "listing draft", /larger than 1 MB/],
    [
      "POST",
      `/api/apps/${appId}/installations/import`,
      "application/json",
      2_000_000,
      "installations import",
      /larger than 2 MB/,
    ],
    ["POST", `/api/reviews/import?appId=${appId}`, "text/csv", 2_000_000, "reviews import", /larger than 2 MB/],
    ["POST", `/api/apps/${appId}/import`, "application/zip", 6 * 10 * 1024 * 1024, "listing import", /60 MB/],
    [
      "POST",
      `/api/apps/${appId}/assets?kind=image`,
      "multipart/form-data; boundary=x",
      10 * 1024 * 1024 + 64 * 1024,
      "image upload",
      /images may be at most 10 MB/,
    ],
  ];
  for (const [method, url, type, limit, name, message] of cases) {
    const res = await page.request.fetch(url, { method, data: over(limit), headers: { "content-type": type } });
    expect(res.status(), name).toBe(413);
    const body = await res.json();
    expect(body.error.code, name).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message, name).toMatch(message);
  }

  // Server actions: refused before Next.js reads them; one within the limit is not.
  const action = (bytes: number) =>
    page.request.post(`/apps/${appId}/listing`, {
      data: Buffer.alloc(bytes, 32),
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    });
  const big = await action(1_000_001);
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({
    error: { code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 1 MB" },
  });
  expect((await action(1_000)).status()).not.toBe(413);
});
