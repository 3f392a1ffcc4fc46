import { expect, test } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { ROUTES } from "./entry-points";
import { createAppInUi, createCompany, sessionCookie, signIn } from "./fixtures";
import { serverProcess, startInstance } from "./instances";
import { sendChunked } from "./raw-request";

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

/**
 * The same routes, sent a body without a declared length (chunked): each stops reading at its limit
 * (e2e/entry-points.ts `maxBody`) and answers 413; a server action without a declared length is
 * answered 411 by the server itself (instrumentation.ts).
 */
test("chunked bodies over each limit get 413 too behind sign-in; a streamed server action is answered before it is read", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000); // about 30 s on a slow machine here: some 100 MB of bodies in all
  const [owner] = await createCompany("Spec Chunked", [{ name: "Cid Chunked", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Chunked");
  const cookie = `${(await sessionCookie(page))!.name}=${(await sessionCookie(page))!.value}`;
  const ids = {
    appId,
    assetId: "x",
    runId: "x",
    captureId: "x",
    customerId: "x",
    appName: "Chunked",
    workspaceId: "x",
  };
  const types: Record<string, string> = {
    "POST api/apps/[appId]/assets": "multipart/form-data; boundary=x",
    "POST api/apps/[appId]/import": "application/zip",
    "POST api/reviews/import": "text/csv",
  };
  const routes = Object.entries(ROUTES).filter(
    ([name, check]) => /^(POST|PUT|DELETE) /.test(name) && "url" in check && typeof check.maxBody === "number",
  );
  expect(routes.length).toBeGreaterThanOrEqual(5);
  for (const [name, check] of routes) {
    const url = (check as { url: (a: typeof ids) => string }).url(ids).replace("&dryRun=1", "");
    const head =
      name === "POST api/apps/[appId]/assets"
        ? '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n'
        : "";
    const answer = await sendChunked(`${baseURL}${url.replace("?kind=icon", "?kind=image")}`, {
      method: name.split(" ")[0],
      headers: { cookie, origin: baseURL!, "content-type": types[name] ?? "application/json" },
      head,
      // Far past the limit: a server that stopped reading at it makes the client stop long before the end.
      total: (check.maxBody as number) + 40_000_000,
    });
    expect(answer.status, name).toBe(413);
    expect(JSON.parse(answer.body).error.code, name).toBe("PAYLOAD_TOO_LARGE");
    expect(answer.sent, `${name} stopped reading near its limit`).toBeLessThan((check.maxBody as number) + 20_000_000);
  }

  // A server action of the page (the user menu's sign-out form): its body streamed without a declared
  // length is answered 411 by the server before any of it is read (browsers always declare one).
  await page.goto("/apps");
  const field = (await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name"))!;
  const action = await sendChunked(`${baseURL}/apps`, {
    headers: {
      cookie,
      origin: baseURL!,
      "next-action": field.replace("$ACTION_ID_", ""),
      "content-type": "text/plain;charset=UTF-8",
    },
    total: 50_000_000,
  });
  expect([action.status, JSON.parse(action.body).error.code]).toEqual([411, "LENGTH_REQUIRED"]);
  expect(action.sent).toBeLessThan(20_000_000);
  // Still signed in: nothing was run.
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/apps$/);
});

test("Auth.js is sent 300 MB: 413 before it is held, the server's memory stays within 64 MB of its start", async () => {
  test.setTimeout(120_000); // a server of its own (about 10 s to start), so no other test moves its memory
  const instance = await startInstance();
  try {
    const url = `${instance.url}/api/auth/signin/pipedrive`;
    const headers = { origin: instance.url, "content-type": "application/x-www-form-urlencoded" };
    // Loaded once, as in use.
    expect((await fetch(url, { method: "POST", headers, body: "callbackUrl=%2Fapps" })).status).toBeLessThan(500);
    const server = serverProcess(Number(new URL(instance.url).port));
    const start = server.rss();
    let peak = start;
    const watch = setInterval(() => (peak = Math.max(peak, server.rss())), 20);
    const streamed = await sendChunked(url, { headers, total: 300_000_000 });
    // Declared: refused from the header.
    const declared = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: "POST", headers: { ...headers, "content-length": "300000000" } },
        (res) => {
          resolve(res.statusCode!);
          req.destroy();
        },
      );
      req.on("error", reject);
      req.write(Buffer.alloc(65_536, 32));
    });
    clearInterval(watch);
    peak = Math.max(peak, server.rss());
    expect([streamed.status, declared]).toEqual([413, 413]);
    expect(JSON.parse(streamed.body).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(peak - start).toBeLessThan(64 * 1024 * 1024);
  } finally {
    await instance.stop();
  }
});
