import { expect, test, type Page } from "@playwright/test";
import { startRedis } from "../lib/test/redis";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";
import { startInstance, type Instance } from "./instances";

/**
 * Several instances behind one load balancer: the main server (A) and others started here on the
 * same database and upload folder. What one instance changes, every other one serves at once;
 * with `REDIS_URL`, rate limits are counted once across them and fail open while Redis is down.
 */
test.describe.configure({ mode: "serial" });

async function createShareLink(page: Page, appId: string, label: string) {
  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Create link" }).click();
  return new URL(await page.getByRole("textbox", { name: "New share link" }).inputValue()).pathname;
}

async function sharedListing(page: Page, label: string) {
  const [owner] = await createCompany(label, [{ name: "Ines Instance", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Multi Instance");
  await writeCompleteListing(page, appId, "Multi Instance");
  return { appId, path: await createShareLink(page, appId, "For the board") };
}

test("an edit made on one instance shows on the other's next load, and a link revoked there answers 410 at once", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const b = await startInstance();
  try {
    const { appId, path } = await sharedListing(page, "Spec Instances");
    const first = await fetch(`${b.url}${path}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Show every deal&#x27;s story at a glance.");

    // Edited through A: B's very next load has it, with no cache to expire or message to pass.
    const current = await (await page.request.get(`/api/apps/${appId}/listing`)).json();
    const saved = await page.request.put(`/api/apps/${appId}/listing`, {
      data: { revision: current.revision, data: { ...current.data, summary: "Edited on instance A." } },
    });
    expect(saved.status()).toBe(200);
    const second = await (await fetch(`${b.url}${path}`)).text();
    expect(second).toContain("Edited on instance A.");
    expect(second).not.toContain("Show every deal&#x27;s story at a glance.");

    // B keeps the bytes it rendered while nothing changes (a conditional request gets 304).
    const etag = (await fetch(`${b.url}${path}`)).headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await fetch(`${b.url}${path}`, { headers: { "if-none-match": etag! } })).status).toBe(304);

    // Revoked in A's dashboard: B answers 410 on the next request, the page and its images alike.
    await page.goto(`/apps/${appId}/preview`);
    await hydrated(page);
    await page.getByRole("button", { name: "Revoke For the board" }).click();
    await page.getByRole("button", { name: "Revoke link" }).click();
    await expect(page.getByTestId("share-link-row").filter({ hasText: "For the board" })).toContainText("revoked");
    expect((await fetch(`${b.url}${path}`)).status).toBe(410);
    expect((await fetch(`${b.url}${path}`, { headers: { "if-none-match": etag! } })).status).toBe(410);
  } finally {
    await b.stop();
  }
});

test("with REDIS_URL a rate limit is counted once across instances; Redis stopped mid-run, they keep serving and each logs one warning", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const redis = await startRedis();
  const env = { REDIS_URL: redis.url, RATE_LIMITS: "share=6/60" };
  let instances: Instance[] = [];
  try {
    instances = await Promise.all([startInstance(env), startInstance(env)]);
    const [b, c] = instances as [Instance, Instance];
    const { path } = await sharedListing(page, "Spec Redis");
    const load = async (instance: Instance) => (await fetch(`${instance.url}${path}`)).status;

    // Six loads allowed per minute per visitor, wherever they land: three on each, then a 429 from either.
    for (const instance of [b, c, b, c, b, c]) expect(await load(instance)).toBe(200);
    expect(await load(b)).toBe(429);
    const refused = await fetch(`${c.url}${path}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    // Redis goes away: the limits fail open and the pages keep coming.
    await redis.stop();
    for (const instance of instances) {
      await expect.poll(() => load(instance), { timeout: 10_000 }).toBe(200);
      for (let i = 0; i < 10; i++) expect(await load(instance)).toBe(200);
      await expect.poll(() => instance.log().match(/Redis is unreachable/g)?.length ?? 0, { timeout: 10_000 }).toBe(1);
    }
    // While it stays down (the client keeps retrying), no more warnings pile up.
    for (const instance of instances) for (let i = 0; i < 10; i++) expect(await load(instance)).toBe(200);
    for (const instance of instances) expect(instance.log().match(/Redis is unreachable/g)).toHaveLength(1);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await redis.stop();
  }
});
