import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { config, proxy as proxyOf } from "@/proxy";
import { isPagePath, pageBodyProblem } from "@/lib/http/request-meta";

const matches = (url: string, headers: Record<string, string> = {}) =>
  unstable_doesMiddlewareMatch({ config, url, headers });
const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(url, "http://localhost"), init);
/** The proxy's answer to a request it can judge at once (a body it must count makes it a promise). */
const proxy = (req: NextRequest) => proxyOf(req) as Response;
const scriptSrc = (csp: string | null) => csp?.split("; ").find((d) => d.startsWith("script-src"));

describe("the proxy's matcher", () => {
  it.each(["/signin", "/apps", "/apps/x/listing", "/team", "/invite/abc", "/shared/abc"])(
    "runs on the page %s",
    (url) => {
      expect(matches(url)).toBe(true);
    },
  );

  it.each([
    "/api/health",
    "/api/v1/apps/a/events",
    "/p/token",
    "/install/x",
    "/callback/x",
    "/unsubscribe/x.y",
    "/_next/static/chunks/a.js",
    "/icon.svg",
  ])("skips %s", (url) => {
    expect(matches(url)).toBe(false);
  });

  it("skips a read of the landing page (its policy comes from the build), but not an action posted to it", () => {
    expect(matches("/")).toBe(false);
    expect(matches("/?ref=mail")).toBe(false);
    expect(matches("/", { "next-action": "7f".repeat(21) })).toBe(true);
    expect(matches("/", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });

  it("skips prefetches (they run no script), unless they carry an action", () => {
    expect(matches("/apps", { "next-router-prefetch": "1" })).toBe(false);
    expect(matches("/apps", { purpose: "prefetch" })).toBe(false);
    expect(matches("/apps", { "next-router-prefetch": "1", "next-action": "7f".repeat(21) })).toBe(true);
    expect(matches("/apps", { purpose: "prefetch", "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });
});

describe("the server's own answer to a page post, before Next.js reads it", () => {
  it("knows the pages as the matcher does", () => {
    // A post to the landing page is an action's (the proxy's matcher takes it by its headers).
    expect(isPagePath("/")).toBe(matches("/", { "next-action": "7f".repeat(21) }));
    for (const path of ["/apps", "/apps/x/listing", "/signin", "/invite/a", "/api/health", "/api/v1/apps/a/events"])
      expect(isPagePath(path), path).toBe(matches(path));
    for (const path of ["/p/t", "/install/x", "/callback/x", "/unsubscribe/x.y", "/_next/static/a.js", "/icon.svg"])
      expect(isPagePath(path), path).toBe(matches(path));
  });

  it("refuses a declared body over the action limit, and a body of no declared length", () => {
    expect(pageBodyProblem("POST", "/apps?x=1", { "content-length": "1000001" })?.status).toBe(413);
    expect(pageBodyProblem("POST", "/apps", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(pageBodyProblem("PUT", "/", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(pageBodyProblem("POST", "/apps", { "content-length": "1000000" })).toBeNull();
    expect(pageBodyProblem("POST", "/apps", {})).toBeNull();
    expect(pageBodyProblem("GET", "/apps", { "content-length": "9000000" })).toBeNull();
    // Routes read their own bodies within their own limits.
    expect(pageBodyProblem("POST", "/api/apps/a/assets", { "content-length": "9000000" })).toBeNull();
    expect(pageBodyProblem("POST", "/p/token?comment=1", { "transfer-encoding": "chunked" })).toBeNull();
  });
});

describe("proxy", () => {
  it("gives every page a fresh nonce in a policy that allows no other script", () => {
    const first = proxy(request("/", { headers: { cookie: "authjs.session-token=x" } }));
    const second = proxy(request("/"));
    const policy = first.headers.get("content-security-policy");
    expect(scriptSrc(policy)).toMatch(/^script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'( 'unsafe-eval')?$/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(scriptSrc(second.headers.get("content-security-policy"))).not.toBe(scriptSrc(policy));
    // Next.js reads the nonce from the request's policy.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("hands /signin with a session cookie to /signin/resume (query kept), and serves it as built otherwise", () => {
    const signedIn = proxy(request("/signin?callbackUrl=%2Fteam", { headers: { cookie: "authjs.session-token=x" } }));
    expect(new URL(signedIn.headers.get("x-middleware-rewrite")!).pathname).toBe("/signin/resume");
    expect(new URL(signedIn.headers.get("x-middleware-rewrite")!).search).toBe("?callbackUrl=%2Fteam");
    const secure = proxy(request("/signin", { headers: { cookie: "__Secure-authjs.session-token=x" } }));
    expect(new URL(secure.headers.get("x-middleware-rewrite")!).pathname).toBe("/signin/resume");
    expect(proxy(request("/signin")).headers.get("x-middleware-rewrite")).toBeNull();
    expect(
      proxy(request("/", { headers: { cookie: "authjs.session-token=x" } })).headers.get("x-middleware-rewrite"),
    ).toBeNull();
  });

  it("gives each request an id, keeping a well-formed one from the load balancer", () => {
    expect(proxy(request("/")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(proxy(request("/", { headers: { "x-request-id": "lb-1234567890" } })).headers.get("x-request-id")).toBe(
      "lb-1234567890",
    );
    expect(proxy(request("/", { headers: { "x-request-id": "<script>" } })).headers.get("x-request-id")).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  const ACTION = "7f".repeat(21);

  it("refuses a server action with a body over 1 MB with 413 before it is read", async () => {
    const res = proxy(
      request("/apps", {
        method: "POST",
        headers: { "next-action": ACTION, "content-length": "1000001", cookie: "authjs.session-token=x" },
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 1 MB" },
    });
    const within = proxy(
      request("/apps", {
        method: "POST",
        headers: {
          "next-action": ACTION,
          "content-length": "1000000",
          cookie: "authjs.session-token=x",
          origin: "http://localhost:3000",
        },
      }),
    );
    expect(within.status).toBe(200);
  });

  it("answers a malformed or foreign-origin server action with 4xx, not the framework's 500", async () => {
    const post = (headers: Record<string, string>) =>
      proxy(request("/apps", { method: "POST", headers: { cookie: "authjs.session-token=x", ...headers } }));
    const malformed = post({ "next-action": "not-an-action", origin: OWN });
    expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, "BAD_REQUEST"]);
    const foreign = post({ "next-action": ACTION, origin: "https://evil.example" });
    expect([foreign.status, (await foreign.json()).error.message]).toEqual([
      403,
      "This request did not come from Listing Studio's own pages",
    ]);
    expect(post({ "next-action": ACTION, origin: OWN }).status).toBe(200);
  });

  const OWN = "http://localhost:3000";
  const FORM = { "content-type": "multipart/form-data; boundary=x" };
  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["another scheme", { origin: "https://localhost:3000" }],
    ["another port", { origin: "http://localhost:3001" }],
    ["the default port of another scheme", { origin: "http://localhost" }],
    ["an opaque origin", { origin: "null" }],
    ["no Origin, another site by Sec-Fetch-Site", { "sec-fetch-site": "cross-site" }],
    ["no Origin, a sibling site by Sec-Fetch-Site", { "sec-fetch-site": "same-site" }],
    ["neither Origin nor Sec-Fetch-Site", {}],
  ])("refuses with 403 every state-changing request to a page from %s", async (_what, headers) => {
    for (const [method, extra] of [
      ["POST", { "next-action": ACTION }],
      ["POST", FORM],
      ["POST", {}],
      ["PUT", {}],
      ["DELETE", {}],
    ] as const) {
      const res = proxy(request("/apps/x/listing", { method, headers: { ...extra, ...headers } }));
      expect(res.status, `${method} ${JSON.stringify(extra)}`).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
  });

  it("lets the deployment's own pages through: its exact origin, or Sec-Fetch-Site same-origin without one", () => {
    for (const headers of <Record<string, string>[]>[
      { origin: OWN },
      { origin: `${OWN}/` },
      { "sec-fetch-site": "same-origin" },
    ])
      expect(
        proxy(request("/apps", { method: "POST", headers: { ...FORM, ...headers, cookie: "authjs.session-token=x" } }))
          .status,
      ).toBe(200);
    // Reading changes nothing: no rule.
    expect(proxy(request("/", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });

  it("sends a dashboard visit without a session cookie to sign-in", () => {
    const res = proxy(request("/apps/x?tab=1"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost/signin?callbackUrl=%2Fapps%2Fx%3Ftab%3D1");
  });
});
