import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { chunkedBody } from "@/lib/test/chunked-body";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/**
 * The public entry points that read a body, each sent a body without a declared length (chunked)
 * over its limit: 413, and the stream is not read much past the limit. (Declared lengths, and the
 * routes behind sign-in, are covered by e2e/size-limits.spec.ts.)
 */
setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const gateway = await import("@/lib/gateway/service");
const tokens = await import("@/lib/api-tokens/service");
const share = await import("@/lib/share/service");
const events = await import("@/app/api/v1/apps/[appId]/events/route");
const callback = await import("@/app/callback/[appKey]/route");
const comment = await import("@/app/p/[token]/route");

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

describe("413 for chunked bodies over the limit", () => {
  it("events API: 1 MB", async () => {
    const body = chunked(
      20_000_000,
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      `http://localhost/api/v1/apps/${appId}/events`,
    );
    const res = await events.POST(body.request, params({ appId }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 1 MB" },
    });
    expect(body.pulled()).toBeLessThan(1_200_000);
  });

  it("uninstall call: 64 kB", async () => {
    const body = chunked(
      5_000_000,
      { authorization: `Basic ${Buffer.from("sized:shh").toString("base64")}` },
      `http://localhost/callback/${appKey}`,
      "DELETE",
    );
    const res = await callback.DELETE(body.request, params({ appKey }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.pulled()).toBeLessThan(200_000);
  });

  it("share comment: 16 kB, with a page that says so", async () => {
    const body = chunked(
      5_000_000,
      { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.77" },
      `http://localhost/p/${shareToken}?comment`,
    );
    const res = await comment.POST(body.request, params({ token: shareToken }));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("The comment is too long.");
    expect(body.pulled()).toBeLessThan(150_000);
  });
});
