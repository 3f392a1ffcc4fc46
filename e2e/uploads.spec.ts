import { expect, test, type Browser } from "@playwright/test";
import { makeImage } from "../lib/media/fixtures";
import { createAppInUi, createCompany, sessionCookie, signIn } from "./fixtures";
import { sendChunked } from "./raw-request";

/** A member of a new workspace, signed in, with an app: the session cookie and the app's id. */
async function workspace(browser: Browser, label: string) {
  const page = await (await browser.newContext()).newPage();
  const [owner] = await createCompany(label, [{ name: `${label} Owner`, isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, `${label} App`);
  const session = (await sessionCookie(page))!;
  return { page, appId, cookie: `${session.name}=${session.value}` };
}

/**
 * One tenant's slow uploads hold up no one else: clients of workspace A trickle as many image uploads
 * as the server reads at once (a byte every 100 ms each: never idle, far below the pace an upload must
 * keep) — without a share per workspace they would take every place; meanwhile workspace B's upload
 * is read, decoded and stored at once, and A's slow clients get 408 within seconds.
 */
test("slow uploads in one workspace do not block another workspace's uploads, and get 408 quickly", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000); // two sign-ins, then four slow uploads stopped one after the other (about 20 s)
  const a = await workspace(browser, "Slow Uploader");
  const b = await workspace(browser, "Prompt Uploader");
  const icon = await makeImage(512, 512, "png", "#0c8599");

  const head =
    '--x\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\nContent-Type: image/png\r\n\r\n';
  const trickled = [0, 0, 0, 0];
  const slow = trickled.map((_, i) =>
    sendChunked(`${baseURL}/api/apps/${a.appId}/assets?kind=icon`, {
      headers: { cookie: a.cookie, origin: baseURL!, "content-type": "multipart/form-data; boundary=x" },
      head,
      trickle: 100,
      onSent: (sent) => (trickled[i] = sent - head.length),
    }),
  );
  // The slow bodies are arriving (the first being read, the others waiting for A's turn).
  await expect.poll(() => Math.min(...trickled)).toBeGreaterThanOrEqual(5);

  const started = performance.now();
  const res = await b.page.request.post(`/api/apps/${b.appId}/assets?kind=icon`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "icon.png", mimeType: "image/png", buffer: icon } },
  });
  const took = performance.now() - started;
  expect(res.status()).toBe(201);
  expect(took).toBeLessThan(5_000);

  const first = await Promise.race(slow);
  expect(first.status).toBe(408);
  expect(JSON.parse(first.body).error).toEqual({
    code: "REQUEST_TIMEOUT",
    message: "The upload was too slow and was stopped; check the connection and try again",
  });
  // Stopped at the pace rule (5 s), not by a server timeout minutes later.
  expect(first.ms).toBeLessThan(15_000);
  // Each of the others, in its turn, too.
  expect((await Promise.all(slow)).map((r) => r.status)).toEqual([408, 408, 408, 408]);

  // A's own next upload goes through once the slow ones are gone.
  const again = await a.page.request.post(`/api/apps/${a.appId}/assets?kind=icon`, {
    headers: { origin: baseURL! },
    multipart: { file: { name: "icon.png", mimeType: "image/png", buffer: icon } },
  });
  expect(again.status()).toBe(201);
});
