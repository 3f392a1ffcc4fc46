import { clientSecretContext } from "@/lib/crypto/contexts";
import http, { type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { clientFrom, stampClient, stampClientsOfThisProcess } from "@/lib/http/client-address";
import { parseTrustedProxies } from "@/lib/server/trusted-proxies";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/**
 * The client address is the socket's (or the right-most untrusted hop behind trusted proxies),
 * never what a request claims; machine calls are authenticated before they are limited, so
 * anonymous traffic cannot use up Pipedrive's uninstall calls or a token's events. These run the
 * real routes behind a real HTTP server stamped as the app's server is.
 */
setupTestDatabase();
process.env.RATE_LIMITS = "gateway=3/60,events=3/60,comment=3/600,cron=3/60";
process.env.CRON_SECRET = "cron-secret-for-client-address-tests-0123";
const { db } = await import("@/lib/db");
const { sealSecret } = await import("@/lib/crypto/keys");
const apps = await import("@/lib/apps/service");
const callback = await import("@/app/callback/[appKey]/route");
const events = await import("@/app/api/v1/apps/[appId]/events/route");
const cron = await import("@/app/api/cron/sync/route");
const { createApiToken } = await import("@/lib/api-tokens/service");
const { ensureGateway } = await import("@/lib/gateway/keys");

type Handler = (request: NextRequest, params: Record<string, string>) => Promise<Response> | Response;
const routes: [RegExp, string, Handler][] = [
  [/^\/callback\/([^/]+)$/, "GET", (r, p) => callback.GET(r, { params: Promise.resolve({ appKey: p[1]! }) })],
  [/^\/callback\/([^/]+)$/, "DELETE", (r, p) => callback.DELETE(r, { params: Promise.resolve({ appKey: p[1]! }) })],
  [
    /^\/api\/v1\/apps\/([^/]+)\/events$/,
    "POST",
    (r, p) => events.POST(r, { params: Promise.resolve({ appId: p[1]! }) }),
  ],
  [/^\/api\/cron\/sync$/, "POST", (r) => cron.POST(r)],
];

/** A Node HTTP server that hands requests to the routes, as `next start` does after stamping them. */
async function serve(stamp: (req: IncomingMessage) => void): Promise<{ server: Server; url: string }> {
  const server = http.createServer(async (req, res) => {
    stamp(req);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url!, "http://localhost");
    const match = routes
      .map(([re, method, handler]) => [re.exec(url.pathname), method, handler] as const)
      .find(([m, method]) => m && method === req.method);
    if (!match) return res.writeHead(404).end();
    const headers = Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string");
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const answer = await match[2](
      new NextRequest(url, { method: req.method, headers, body }),
      Object.fromEntries(Object.entries(match[0]!)),
    );
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const none = parseTrustedProxies("");
let direct: { server: Server; url: string };
let proxied: { server: Server; url: string };
let appKey: string;
let clientId: string;
let token: string;
let appId: string;

beforeAll(async () => {
  // The app's own server: every request stamped before any handler (what instrumentation.ts installs).
  stampClientsOfThisProcess(none, [http.Server]);
  direct = await serve(() => {});
  // Behind one trusted proxy (TRUSTED_PROXIES=1).
  proxied = await serve((req) => stampClient(req, parseTrustedProxies("1")));
  const owner = await createOwner(db, 911);
  const app = await apps.createApp(owner, {
    name: "Guarded",
    type: "PUBLIC",
    clientId: "guarded-client",
    callbackUrl: "https://guarded.example.com/cb",
  });
  appId = app.id;
  clientId = "guarded-client";
  await db.app.update({
    where: { id: app.id },
    data: { clientSecret: sealSecret("guarded-secret", clientSecretContext(app.id)) },
  });
  await ensureGateway(app.id);
  appKey = (await db.app.findUniqueOrThrow({ where: { id: app.id } })).appKey!;
  token = (await createApiToken(owner, { name: "ingest" })).token;
});
afterAll(() => {
  direct.server.close();
  proxied.server.close();
});

describe("the client address", () => {
  it.each([
    ["no proxy: the socket, whatever the header says", "203.0.113.9", "1.2.3.4, 5.6.7.8", "", "203.0.113.9"],
    ["one hop: what the proxy appended", "10.0.0.2", "1.2.3.4, 198.51.100.7", "1", "198.51.100.7"],
    ["two hops", "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9", "2", "198.51.100.7"],
    [
      "ranges: the right-most untrusted hop",
      "10.0.0.2",
      "1.2.3.4, 198.51.100.7, 10.1.2.3",
      "10.0.0.0/8",
      "198.51.100.7",
    ],
    ["a mapped socket address reads as IPv4", "::ffff:203.0.113.9", "", "", "203.0.113.9"],
    ["more hops than the header has: the left-most", "10.0.0.2", "", "3", "10.0.0.2"],
  ])("%s", (_name, socket, header, trusted, expected) => {
    expect(clientFrom(socket, header, parseTrustedProxies(trusted))).toBe(expected);
  });

  it("refuses a TRUSTED_PROXIES it cannot read", () => {
    expect(() => parseTrustedProxies("the load balancer")).toThrow(/not an address or a CIDR range/);
  });

  it("is the socket's: rotating X-Forwarded-For does not escape a limit", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${direct.url}/api/cron/sync`, {
        method: "POST",
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-listing-studio-client": `198.51.100.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("behind a trusted proxy, is the hop the proxy saw: clients told apart, a forged left part ignored", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await fetch(`${proxied.url}/api/cron/sync`, {
            method: "POST",
            headers: { "x-forwarded-for": `6.6.6.${i}, 198.51.100.77` },
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(
      (await fetch(`${proxied.url}/api/cron/sync`, { method: "POST", headers: { "x-forwarded-for": "198.51.100.78" } }))
        .status,
    ).toBe(401);
  });
});

describe("machine calls are authenticated before they are limited", () => {
  it("a flood of anonymous requests to the callback never makes Pipedrive's uninstall call fail", async () => {
    for (let i = 0; i < 60; i++) await fetch(`${direct.url}/callback/${appKey}?error=user_denied`);
    for (let i = 0; i < 10; i++)
      await fetch(`${direct.url}/callback/${appKey}`, {
        method: "DELETE",
        headers: { authorization: `Basic ${Buffer.from("x:y").toString("base64")}` },
      });
    expect((await fetch(`${direct.url}/callback/${appKey}`, { method: "DELETE" })).status).toBe(429);
    const genuine = await fetch(`${direct.url}/callback/${appKey}`, {
      method: "DELETE",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:guarded-secret`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ client_id: clientId, company_id: 42, user_id: 7, timestamp: "2026-11-28T10:00:00Z" }),
    });
    expect(genuine.status).toBe(200);
  });

  it("a burst of 700 authentic uninstall calls in a minute is all taken and stored, none refused", async () => {
    const call = (user: number) =>
      fetch(`${direct.url}/callback/${appKey}`, {
        method: "DELETE",
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:guarded-secret`).toString("base64")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          client_id: clientId,
          company_id: 5000,
          user_id: user,
          timestamp: "2026-11-28T10:00:00Z",
        }),
      }).then((res) => res.status);
    const statuses: number[] = [];
    for (let batch = 0; batch < 14; batch++)
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => call(10_000 + batch * 50 + i)))));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await db.installEvent.count({ where: { appId, type: "UNINSTALL", companyId: 5000 } })).toBe(700);
  });

  it("requests with bad tokens never use up a good token's events", async () => {
    for (let i = 0; i < 10; i++)
      await fetch(`${direct.url}/api/v1/apps/${appId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer lst_${"x".repeat(43)}` },
        body: "{}",
      });
    const body = JSON.stringify({
      events: [{ id: "e1", type: "install", company_id: 1, user_id: 1, occurred_at: "2026-11-01T10:00:00Z" }],
    });
    const good = await fetch(`${direct.url}/api/v1/apps/${appId}/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });
    expect(good.status).toBe(202);
  });
});

describe("address groups", () => {
  it("are an IPv4 address alone and an IPv6 address's /64", async () => {
    const { addressGroup } = await import("@/lib/http/client-address");
    expect(
      ["203.0.113.7", "2001:db8:1:2::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:3::1", "::1", "unknown"].map(
        addressGroup,
      ),
    ).toEqual([
      "203.0.113.7",
      "2001:db8:1:2::/64",
      "2001:db8:1:2::/64",
      "2001:db8:1:3::/64",
      "0:0:0:0::/64",
      "unknown",
    ]);
  });
});

describe("answers before the framework", () => {
  it("a request the server refuses is answered at once, its body unread, and never reaches a handler", async () => {
    class Guarded extends http.Server {}
    const { pageBodyProblem } = await import("@/lib/http/request-meta");
    stampClientsOfThisProcess(none, [Guarded], (req) => {
      const problem = pageBodyProblem(req.method, req.url ?? "/", req.headers);
      return problem && { status: problem.status, body: { error: { code: problem.code } } };
    });
    let handled = 0;
    const server = new Guarded((_req, res) => {
      handled++;
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const post = (headers: Record<string, string | number>, write: number) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ port, host: "127.0.0.1", path: "/apps", method: "POST", headers }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        });
        req.on("error", reject);
        req.write(Buffer.alloc(write, 32));
      });
    try {
      // 100 MB declared, 64 kB sent, the rest never: answered all the same.
      const declared = await post({ "content-length": 100_000_000 }, 65_536);
      expect([declared.status, JSON.parse(declared.body).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
      const streamed = await post({ "transfer-encoding": "chunked" }, 65_536);
      expect([streamed.status, JSON.parse(streamed.body).error.code]).toEqual([411, "LENGTH_REQUIRED"]);
      // A client still sending when the answer comes reads it every time: the server drops what arrives
      // instead of closing on it (a close with unread data resets the connection, answer and all).
      const { sendChunked } = await import("@/e2e/raw-request");
      for (let i = 0; i < 8; i++) {
        const answer = await sendChunked(`http://127.0.0.1:${port}/apps`, {
          headers: { "content-type": "text/plain" },
          total: 30_000_000,
        });
        expect([answer.status, JSON.parse(answer.body).error.code], `try ${i}`).toEqual([411, "LENGTH_REQUIRED"]);
        expect(answer.sent).toBeLessThan(20_000_000);
      }
      expect(handled).toBe(0);
    } finally {
      server.close();
    }
  });
});
