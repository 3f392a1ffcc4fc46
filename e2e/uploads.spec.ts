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
 * One tenant's slow upload holds up no one else: a client of workspace A trickles an image upload (a
 * byte every 100 ms: never idle, far below the pace an upload must keep); meanwhile workspace B's
 * upload is read, decoded and stored at once, and A's slow client gets 408 within seconds.
 */
test("a slow upload in one workspace does not block another workspace's uploads, and gets 408 quickly", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000); // two sign-ins, then about 6 s of trickling
  const a = await workspace(browser, "Slow Uploader");
  const b = await workspace(browser, "Prompt Uploader");

  const head =
    '--x\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\nContent-Type: image/png\r\n\r\n';
  let trickled = 0;
  const slow = sendChunked(`${baseURL}/api/apps/${a.appId}/assets?kind=icon`, {
    headers: { cookie: a.cookie, origin: baseURL!, "content-type": "multipart/form-data; boundary=x" },
    head,
    trickle: 100,
    onSent: (sent) => (trickled = sent - head.length),
  });
  // The slow body is arriving (and, answered by nothing yet, being read).
  await expect.poll(() => trickled).toBeGreaterThanOrEqual(5);

  const started = performance.now();
  const res = await b.page.request.post(`/api/apps/${b.appId}/assets?kind=icon`, {
    headers: { origin: baseURL! },
    multipart: {
      file: { name: "icon.png", mimeType: "image/png", buffer: await makeImage(512, 512, "png", "#0c8599") },
    },
  });
  const took = performance.now() - started;
  expect(res.status()).toBe(201);
  expect(took).toBeLessThan(5_000);

  const answer = await slow;
  expect(answer.status).toBe(408);
  expect(JSON.parse(answer.body).error).toEqual({
    code: "REQUEST_TIMEOUT",
    message: "The upload was too slow and was stopped; check the connection and try again",
  });
  // Stopped at the pace rule (5 s), not by a server timeout minutes later.
  expect(answer.ms).toBeLessThan(15_000);

  // A's own next upload goes through once the slow one is gone.
  const again = await a.page.request.post(`/api/apps/${a.appId}/assets?kind=icon`, {
    headers: { origin: baseURL! },
    multipart: {
      file: { name: "icon.png", mimeType: "image/png", buffer: await makeImage(512, 512, "png", "#e8590c") },
    },
  });
  expect(again.status()).toBe(201);
});
