import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ROUTES } from "@/e2e/entry-points";
import { chunkedBody } from "@/lib/test/chunked-body";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/**
 * Bodies and their limits. Every state-changing route states the most of a body it reads
 * (e2e/entry-points.ts `maxBody`), reads it only through lib/http/route.ts (which stops at the limit) or
 * not at all; and the routes that take requests without a session — the ones strangers and machines
 * reach — are each sent a body without a declared length (chunked) far over their limit: 413, and the
 * stream is not read much past it. (Declared lengths, and the routes behind sign-in, chunked too, are
 * covered by e2e/size-limits.spec.ts.)
 */
setupTestDatabase();
process.env.CRON_SECRET = "cron-secret-for-size-limit-tests-0123";
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const gateway = {
  ...(await import("@/lib/gateway/settings")),
};
const tokens = await import("@/lib/api-tokens/service");
const share = await import("@/lib/share/service");
const events = await import("@/app/api/v1/apps/[appId]/events/route");
const callback = await import("@/app/callback/[appKey]/route");
const comment = await import("@/app/p/[token]/route");
const auth = await import("@/app/api/auth/[...nextauth]/route");
const cron = await import("@/app/api/cron/sync/route");
const unsubscribe = await import("@/app/unsubscribe/[token]/route");
const outreachCron = await import("@/app/api/cron/outreach/route");
const survey = await import("@/app/survey/[token]/route");
const optOut = await import("@/app/unsubscribe/customer/[token]/route");

let appId: string;
let appKey: string;
let token: string;
let shareToken: string;

beforeAll(async () => {
  const owner = await createOwner(db, 77);
  appId = (
    await apps.createApp(owner, {
      name: "Sized",
      type: "PUBLIC",
      clientId: "sized",
      callbackUrl: "https://sized.example.com/cb",
      clientSecret: "shh",
    })
  ).id;
  appKey = new URL((await gateway.gatewaySettings(owner, appId)).callbackUrl).pathname.split("/").pop()!;
  token = (await tokens.createApiToken(owner, { name: "Sizes" })).token;
  shareToken = (await share.createShareLink(owner, appId, { label: "S", target: "draft", expiresIn: "never" })).token;
});

function chunked(totalBytes: number, headers: Record<string, string>, url: string, method = "POST") {
  const { body, pulled } = chunkedBody(totalBytes);
  return {
    request: new NextRequest(url, { method, body, headers, duplex: "half" } as ConstructorParameters<
      typeof NextRequest
    >[1]),
    pulled,
  };
}
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const own = { origin: "http://localhost:3000" };

/** Each route reached without a session, called as the server hands it a request. */
const CALLS: Record<string, (request: NextRequest) => Promise<Response>> = {
  "POST api/v1/apps/[appId]/events": (r) => events.POST(r, params({ appId })),
  "DELETE callback/[appKey]": (r) => callback.DELETE(r, params({ appKey })),
  "POST p/[token]": (r) => comment.POST(r, params({ token: shareToken })),
  "POST api/auth/[...nextauth]": (r) => auth.POST(r),
  "POST api/cron/sync": (r) => cron.POST(r),
  "POST unsubscribe/[token]": (r) => unsubscribe.POST(r, params({ token: "x.y" })),
  "POST api/cron/outreach": (r) => outreachCron.POST(r),
  "POST survey/[token]": (r) => survey.POST(r, params({ token: "x.y" })),
  "POST unsubscribe/customer/[token]": (r) => optOut.POST(r, params({ token: "x.y" })),
};
const HEADERS: Record<string, () => Record<string, string>> = {
  "POST api/v1/apps/[appId]/events": () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" }),
  "DELETE callback/[appKey]": () => ({ authorization: `Basic ${Buffer.from("sized:shh").toString("base64")}` }),
  "POST p/[token]": () => ({ "content-type": "application/x-www-form-urlencoded" }),
  "POST api/auth/[...nextauth]": () => ({ ...own, "content-type": "application/x-www-form-urlencoded" }),
  "POST api/cron/sync": () => ({ authorization: "Bearer wrong" }),
  "POST unsubscribe/[token]": () => ({ "content-type": "application/x-www-form-urlencoded" }),
  "POST api/cron/outreach": () => ({ authorization: "Bearer wrong" }),
  "POST survey/[token]": () => ({ ...own, "content-type": "application/x-www-form-urlencoded" }),
  "POST unsubscribe/customer/[token]": () => ({ "content-type": "application/x-www-form-urlencoded" }),
};
const URLS: Record<string, () => string> = {
  "POST api/v1/apps/[appId]/events": () => `http://localhost/api/v1/apps/${appId}/events`,
  "DELETE callback/[appKey]": () => `http://localhost/callback/${appKey}`,
  "POST p/[token]": () => `http://localhost/p/${shareToken}?comment=1`,
  "POST api/auth/[...nextauth]": () => "http://localhost/api/auth/signin/pipedrive",
  "POST api/cron/sync": () => "http://localhost/api/cron/sync",
  "POST unsubscribe/[token]": () => "http://localhost/unsubscribe/x.y",
  "POST api/cron/outreach": () => "http://localhost/api/cron/outreach",
  "POST survey/[token]": () => "http://localhost/survey/x.y",
  "POST unsubscribe/customer/[token]": () => "http://localhost/unsubscribe/customer/x.y",
};

const changing = Object.entries(ROUTES).filter(([name]) => /^(POST|PUT|PATCH|DELETE) /.test(name));
const withoutSession = changing.filter(([, check]) => check.kind !== "foreign-id" && check.kind !== "own-data");

describe("every state-changing route reads a body only within its limit", () => {
  it("states its limit in the matrix", () => {
    expect(changing.filter(([, check]) => check.maxBody === undefined).map(([name]) => name)).toEqual([]);
  });

  it("reads it only through lib/http/route.ts, or not at all, as the matrix says", () => {
    for (const [name, check] of changing) {
      // The route and the lib/ modules it hands the request to.
      const route = readFileSync(join("app", `${name.split(" ")[1]}/route.ts`), "utf8");
      const modules = [...route.matchAll(/from "@\/(lib\/[\w/-]+)"/g)].map((m) => `${m[1]}.ts`);
      const source = [
        route,
        ...modules.filter((f) => f !== "lib/http/route.ts" && existsSync(f)).map((f) => readFileSync(f, "utf8")),
      ].join("\n");
      const reads = /\b(readBody|readJson|readForm|readUploadedFile)\(/.test(source);
      expect(reads, `${name} ${check.maxBody === "none" ? "reads no body" : "reads its body within its limit"}`).toBe(
        check.maxBody !== "none",
      );
    }
  });

  it("nowhere reads a request's body whole", () => {
    const files = (dir: string, out: string[] = []): string[] => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== "generated") files(path, out);
        } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
      }
      return out;
    };
    const whole = /\b(request|req)\.(json|formData|text|arrayBuffer|blob|bytes)\(\)/;
    expect([...files("app"), ...files("lib")].filter((f) => whole.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});

describe("413 for chunked bodies over the limit, from anyone", () => {
  it("every route reached without a session is exercised here", () => {
    expect(withoutSession.map(([name]) => name).sort()).toEqual(Object.keys(CALLS).sort());
  });

  it.each(withoutSession.map(([name, check]) => [name, check.maxBody!] as const))("%s", async (name, limit) => {
    const sent = limit === "none" ? 20_000_000 : limit + 20_000_000;
    const body = chunked(sent, HEADERS[name]!(), URLS[name]!(), name.split(" ")[0]);
    const res = await CALLS[name]!(body.request);
    if (limit === "none") {
      // Answered without reading what it does not need.
      expect(res.status).toBeLessThan(500);
      expect(body.pulled()).toBeLessThan(300_000);
      return;
    }
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(limit + 300_000);
    if (name === "POST p/[token]") expect(await res.text()).toContain("The comment is too long.");
    else if (name === "POST survey/[token]") expect(await res.text()).toContain("The answer is too long");
    else expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("events API and Auth.js say their limits", async () => {
    const ev = chunked(
      2_000_000,
      HEADERS["POST api/v1/apps/[appId]/events"]!(),
      URLS["POST api/v1/apps/[appId]/events"]!(),
    );
    expect(await (await CALLS["POST api/v1/apps/[appId]/events"]!(ev.request)).json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 1 MB" },
    });
    const big = chunked(300_000_000, HEADERS["POST api/auth/[...nextauth]"]!(), URLS["POST api/auth/[...nextauth]"]!());
    expect(await (await auth.POST(big.request)).json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 16 kB" },
    });
    expect(big.pulled()).toBeLessThan(200_000);
  });

  it("Auth.js still gets a sign-in within its limit, and refuses one from another origin before reading it", async () => {
    const ok = await auth.POST(
      new NextRequest("http://localhost/api/auth/signin/pipedrive", {
        method: "POST",
        headers: HEADERS["POST api/auth/[...nextauth]"]!(),
        body: "callbackUrl=%2Fapps",
      }),
    );
    // Auth.js answers a sign-in without its CSRF token by sending the person back to sign in.
    expect([302, 303]).toContain(ok.status);
    const foreign = chunked(5_000_000, { origin: "https://evil.example" }, URLS["POST api/auth/[...nextauth]"]!());
    expect((await auth.POST(foreign.request)).status).toBe(403);
    expect(foreign.pulled()).toBeLessThan(200_000);
  });
});
