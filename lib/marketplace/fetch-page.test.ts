import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHALLENGE_HTML } from "@/e2e/emulator/listing-pages";
import { fetchListingPage, MAX_PAGE_BYTES, PageFetchError, retryAfterMs, USER_AGENT } from "./fetch-page";

let server: Server;
let base: string;
let script: { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }[] = [];
const agents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(String(req.headers["user-agent"]));
    const step = script.shift() ?? { status: 200, body: "<html>ok</html>" };
    setTimeout(() => res.writeHead(step.status, step.headers).end(step.body ?? ""), step.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`;
});
afterAll(() => server.close());

/** A fake clock: records every wait instead of waiting. */
const clock = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5, policy: { allowLocal: true } };
};

describe("fetchListingPage", () => {
  it("goes through the outbound guard: a local page is refused unless trusted, and nothing is requested", async () => {
    const before = agents.length;
    await expect(fetchListingPage(base, clock())).resolves.toBeDefined();
    agents.length = before;
    await expect(fetchListingPage(base, { ...clock(), policy: {} })).rejects.toMatchObject({
      message: "The listing page's address is not allowed (only https:// addresses are allowed)",
      attempts: 1,
    });
    await expect(fetchListingPage(base.replace("http:", "https:"), { ...clock(), policy: {} })).rejects.toMatchObject({
      message: "The listing page's address is not allowed (address not allowed)",
    });
    expect(agents.length).toBe(before);
  });

  it("says who it is and returns the page", async () => {
    script = [{ status: 200, body: "<html>listing</html>" }];
    expect(await fetchListingPage(base, { policy: { allowLocal: true } })).toBe("<html>listing</html>");
    expect(agents.at(-1)).toBe(USER_AGENT);
  });

  it("honours 429 Retry-After, then succeeds", async () => {
    script = [
      { status: 429, headers: { "retry-after": "7" } },
      { status: 200, body: "fine" },
    ];
    const c = clock();
    expect(await fetchListingPage(base, c)).toBe("fine");
    expect(c.waits).toEqual([7_000]);
  });

  it("stops when Retry-After asks for longer than the cap", async () => {
    script = [{ status: 429, headers: { "retry-after": "3600" } }];
    await expect(fetchListingPage(base, clock())).rejects.toThrow(
      "The site asked to wait 3600 s before the next request; the run stops here",
    );
  });

  it("retries server errors with exponential backoff, then fails with the reason", async () => {
    script = [{ status: 500 }, { status: 502 }, { status: 503 }];
    const c = clock();
    const error = await fetchListingPage(base, { ...c, attempts: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageFetchError);
    expect((error as PageFetchError).message).toBe(
      "The listing page could not be fetched after 3 attempts: the site answered HTTP 503",
    );
    expect(c.waits).toEqual([1_000, 2_000]);
  });

  it("gives up on a slow page after the timeout and retries it", async () => {
    script = [
      { status: 200, delayMs: 400 },
      { status: 200, body: "second" },
    ];
    const c = clock();
    expect(await fetchListingPage(base, { ...c, timeoutMs: 100 })).toBe("second");
    expect(c.waits).toHaveLength(1);
  });

  it("does not retry a 404, and says there is no page at the address", async () => {
    script = [{ status: 404 }];
    const c = clock();
    await expect(fetchListingPage(base, c)).rejects.toMatchObject({
      status: 404,
      attempts: 1,
      kind: "not-found",
      message: "The listing page answered HTTP 404: there is no Marketplace page at this address",
    });
    expect(c.waits).toEqual([]);
  });

  it("recognises a bot check served with 403 or 503 and does not ask again; a plain 503 is retried", async () => {
    for (const status of [403, 503]) {
      script = [{ status, body: CHALLENGE_HTML }];
      const c = clock();
      await expect(fetchListingPage(base, c)).rejects.toMatchObject({
        status,
        attempts: 1,
        kind: "challenge",
        message: expect.stringContaining('Pipedrive answered with a bot check ("Just a moment...")'),
      });
      expect(c.waits).toEqual([]);
    }
    script = [
      { status: 503, body: "<h1>Service Unavailable</h1>" },
      { status: 200, body: "back" },
    ];
    expect(await fetchListingPage(base, clock())).toBe("back");
  });

  it("refuses a page larger than a listing can be, without reading it all", async () => {
    script = [{ status: 200, body: "x".repeat(MAX_PAGE_BYTES + 1) }];
    await expect(fetchListingPage(base, clock())).rejects.toMatchObject({
      kind: "too-large",
      message: "The page is larger than 5 MB: not a listing page",
    });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-11-28T12:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Sat, 28 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
