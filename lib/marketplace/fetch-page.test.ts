import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHALLENGE_HTML } from "@/emulator/html";
import {
  fetchListingPage,
  fetchMarketplace,
  marketplaceUserAgent,
  MAX_PAGE_BYTES,
  PageFetchError,
  retryAfterMs,
} from "./fetch-page";
import { newPoliteness } from "./politeness";

let server: Server;
let base: string;
let script: { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }[] = [];
const agents: string[] = [];
const languages: string[] = [];
/** What robots.txt says (null: there is none, 404). */
let robotsTxt: { status: number; body: string } | null = null;
const robotsReads: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/robots.txt") {
      robotsReads.push(Date.now());
      return res.writeHead(robotsTxt?.status ?? 404).end(robotsTxt?.body ?? "");
    }
    if (req.url === "/moved") return res.writeHead(301, { location: "/app/new-slug" }).end();
    agents.push(String(req.headers["user-agent"]));
    languages.push(String(req.headers["accept-language"]));
    const step = script.shift() ?? { status: 200, body: "<html>ok</html>" };
    setTimeout(() => res.writeHead(step.status, step.headers).end(step.body ?? ""), step.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`;
});
afterAll(() => server.close());

/** A fake clock: records every wait instead of waiting. Robots.txt and pacing are tested on their own. */
const clock = () => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => void waits.push(ms),
    random: () => 0.5,
    policy: { allowLocal: true },
    politeness: newPoliteness({ paceMs: 0, robots: false }),
  };
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
    expect(await fetchListingPage(base, clock())).toBe("<html>listing</html>");
    expect(agents.at(-1)).toBe(marketplaceUserAgent());
    expect(agents.at(-1)).toMatch(/^ListingStudio-MarketplaceSync\/1\.0 \(\+http:\/\/localhost:3000\/; /);
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

  it("names the kind of page it was asked for in what it says", async () => {
    script = [{ status: 404 }];
    await expect(fetchListingPage(base, { ...clock(), what: "The list's page" })).rejects.toThrow(
      "The list's page answered HTTP 404: there is no Marketplace page at this address",
    );
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
      message: "The listing page answered more than 5 MB: not a Marketplace page",
    });
  });
});

describe("fetchMarketplace", () => {
  it("answers the address it ended at after redirects, the status and headers without cookies", async () => {
    script = [{ status: 200, headers: { "set-cookie": "a=b", "x-kept": "yes" }, body: "renamed" }];
    const res = await fetchMarketplace(base.replace("/app", "/moved"), clock());
    expect([res.finalUrl, res.status, res.body, res.headers["x-kept"], res.headers["set-cookie"]]).toEqual([
      `${base}/new-slug`,
      200,
      "renamed",
      "yes",
      undefined,
    ]);
  });

  it("asks for the page's language first", async () => {
    script = [{ status: 200 }, { status: 200 }];
    await fetchMarketplace(base.replace("/app", "/de/marketplace/app/x/1"), clock());
    await fetchMarketplace(base.replace("/app", "/en/marketplace/app/x/1"), clock());
    expect(languages.slice(-2)).toEqual(["de, en;q=0.8", "en"]);
  });

  it("says a 403 without a bot check is the site refusing, without asking again", async () => {
    script = [{ status: 403, body: "<h1>Forbidden</h1>" }];
    const c = clock();
    await expect(fetchMarketplace(base, c)).rejects.toMatchObject({ kind: "forbidden", attempts: 1 });
    expect(c.waits).toEqual([]);
  });
});

describe("good manners", () => {
  const polite = (paceMs: number) => {
    const waits: number[] = [];
    let t = 1_000_000;
    const politeness = newPoliteness({ paceMs });
    return {
      waits,
      politeness,
      options: {
        sleep: async (ms: number) => {
          waits.push(ms);
          t += ms;
        },
        now: () => t,
        random: () => 0.5,
        policy: { allowLocal: true },
        politeness,
      },
    };
  };

  it("reads robots.txt once per host, obeys it, and says what it refused", async () => {
    robotsTxt = {
      status: 200,
      body: "User-agent: *\nDisallow: /private\n\nUser-agent: ListingStudio-MarketplaceSync\nDisallow: /app/secret\n",
    };
    const before = robotsReads.length;
    const run = polite(0);
    script = [
      { status: 200, body: "ok" },
      { status: 200, body: "ok" },
    ];
    await fetchMarketplace(base, run.options);
    await fetchMarketplace(`${base}/other`, run.options);
    await expect(fetchMarketplace(`${base}/secret`, run.options)).rejects.toMatchObject({
      kind: "robots",
      message: expect.stringContaining("robots.txt asks bots like Listing Studio's not to read /app/secret"),
    });
    expect(robotsReads.length - before).toBe(1);
    robotsTxt = null;
  });

  it("reads nothing while robots.txt cannot be read (a 5xx), and everything when there is none (a 404)", async () => {
    robotsTxt = { status: 503, body: "" };
    await expect(fetchMarketplace(base, polite(0).options)).rejects.toMatchObject({
      kind: "robots",
      message: expect.stringContaining("robots.txt could not be read"),
    });
    robotsTxt = null;
    script = [{ status: 200, body: "fine" }];
    expect((await fetchMarketplace(base, polite(0).options)).body).toBe("fine");
  });

  it("keeps one request per pace to a host (or the Crawl-delay asked), and counts the waits", async () => {
    robotsTxt = { status: 200, body: "User-agent: *\nCrawl-delay: 2\n" };
    const run = polite(1_000);
    script = [{ status: 200 }, { status: 200 }, { status: 200 }];
    for (let i = 0; i < 3; i++) await fetchMarketplace(base, run.options);
    expect(run.waits).toEqual([2_000, 2_000]);
    expect([run.politeness.waitedMs, run.politeness.requests]).toEqual([4_000, 3]);
    robotsTxt = null;
    const slower = polite(1_000);
    script = [{ status: 200 }, { status: 200 }];
    for (let i = 0; i < 2; i++) await fetchMarketplace(base, slower.options);
    expect(slower.waits).toEqual([1_000]);
  });

  it("counts a Retry-After wait with the run's waits", async () => {
    const run = polite(0);
    script = [
      { status: 429, headers: { "retry-after": "7" } },
      { status: 200, body: "fine" },
    ];
    expect((await fetchMarketplace(base, run.options)).body).toBe("fine");
    expect(run.politeness.waitedMs).toBe(7_000);
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
