import { afterAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { NextRequest as Request_ } from "next/server";
import { startEmulator } from "@/emulator/server";
import { CLIENT_HEADER } from "@/lib/http/client-address";
import { setupTestDatabase } from "@/lib/test/db";

/**
 * Every rate-limited entry point, through its real route: two requests pass, the third gets 429
 * with Retry-After, and a second later (the window of these tests) requests pass again.
 */
setupTestDatabase();
const emulator = await startEmulator();
process.env.PIPEDRIVE_OAUTH_URL = emulator.url;
process.env.CRON_SECRET = "cron-secret-for-rate-limit-tests-0123";
process.env.RATE_LIMITS = "signin=2/1,share=2/1,comment=2/1,gateway=2/1,events=2/1,cron=2/1,unsubscribe=2/1";
afterAll(() => emulator.close());

const auth = await import("@/app/api/auth/[...nextauth]/route");
const install = await import("@/app/install/[appKey]/route");
const callback = await import("@/app/callback/[appKey]/route");
const events = await import("@/app/api/v1/apps/[appId]/events/route");
const cron = await import("@/app/api/cron/sync/route");
const share = await import("@/app/p/[token]/route");
const unsubscribe = await import("@/app/unsubscribe/[token]/route");

/** A request as the server hands it on: stamped with the client address it worked out (lib/http/client-address.ts). */
const from = (ip: string, url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request_(url, { ...init, headers: { [CLIENT_HEADER]: ip, ...init.headers } }) as NextRequest;
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const statusOf = async (answer: Response | { status: number; headers: Record<string, string> }) => answer.status;
const retryAfterOf = (answer: Response | { headers: Record<string, string> }) =>
  answer instanceof Response ? answer.headers.get("retry-after") : answer.headers["retry-after"];

const cases: [
  string,
  (ip: string) => Response | Promise<Response | { status: number; headers: Record<string, string> }>,
][] = [
  [
    "sign-in (POST /api/auth/signin/pipedrive)",
    (ip) => auth.POST(from(ip, "http://localhost/api/auth/signin/pipedrive", { method: "POST" })),
  ],
  [
    "sign-in callback (GET /api/auth/callback/pipedrive)",
    (ip) => auth.GET(from(ip, "http://localhost/api/auth/callback/pipedrive?error=user_denied")),
  ],
  ["share page", (ip) => share.GET(from(ip, "http://localhost/p/not-a-token"), params({ token: "not-a-token" }))],
  [
    "share comment",
    (ip) =>
      share.POST(
        from(ip, "http://localhost/p/not-a-token?comment=1", { method: "POST" }),
        params({ token: "not-a-token" }),
      ),
  ],
  ["installation URL", (ip) => install.GET(from(ip, "http://localhost/install/nope"), params({ appKey: "nope" }))],
  [
    "install callback",
    (ip) => callback.GET(from(ip, "http://localhost/callback/nope?code=x"), params({ appKey: "nope" })),
  ],
  [
    "uninstall call",
    (ip) =>
      callback.DELETE(from(ip, "http://localhost/callback/nope", { method: "DELETE" }), params({ appKey: "nope" })),
  ],
  [
    "events API",
    (ip) =>
      events.POST(
        from(ip, "http://localhost/api/v1/apps/a/events", {
          method: "POST",
          headers: { authorization: `Bearer ls_${ip}` },
        }),
        params({ appId: "a" }),
      ),
  ],
  ["cron", (ip) => cron.POST(from(ip, "http://localhost/api/cron/sync", { method: "POST" }))],
  [
    "unsubscribe link",
    (ip) =>
      unsubscribe.POST(from(ip, "http://localhost/unsubscribe/x.y", { method: "POST" }), params({ token: "x.y" })),
  ],
];

describe("rate limits: 429 with Retry-After over the limit, then recovery", () => {
  it.concurrent.each(cases.map(([name, call], i) => [name, call, i] as const))("%s", async (_name, call, i) => {
    const ip = `198.51.100.${i + 1}`;
    const first = await statusOf(await call(ip));
    expect(first).not.toBe(429);
    expect(await statusOf(await call(ip))).toBe(first);
    const limited = await call(ip);
    expect(limited.status).toBe(429);
    expect(Number(retryAfterOf(limited))).toBeGreaterThanOrEqual(1);
    // Another client is not affected.
    expect(await statusOf(await call(`192.0.2.${i + 1}`))).toBe(first);
    // Recovers when the one-second window ends (calls refused meanwhile do not extend it).
    await expect.poll(async () => statusOf(await call(ip)), { interval: 100, timeout: 5_000 }).toBe(first);
  });
});

it("reading the session is not counted as sign-in traffic", async () => {
  for (let i = 0; i < 4; i++) {
    const res = await auth.GET(from("198.51.100.251", "http://localhost/api/auth/session"));
    expect(res.status).toBe(200);
  }
});

it("counts IPv6 clients by their /64: new addresses in one network share its count, another network has its own", async () => {
  const comment = (ip: string) =>
    share.POST(from(ip, "http://localhost/p/no-such-link?comment=1", { method: "POST" }), params({ token: "x" }));
  const first = (await comment("2001:db8:77:1::1")).status;
  expect(first).not.toBe(429);
  expect((await comment("2001:db8:77:1::2")).status).toBe(first);
  expect((await comment("2001:db8:77:1:ffff:ffff:ffff:ffff")).status).toBe(429);
  expect((await comment("2001:db8:77:2::1")).status).toBe(first);
  // IPv4 addresses stay one client each.
  expect((await comment("203.0.113.41")).status).toBe(first);
  expect((await comment("203.0.113.42")).status).toBe(first);
});
