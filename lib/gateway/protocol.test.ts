import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { safeEqual, signDelivery } from "@/lib/crypto/sign";
import {
  parseBasicAuth,
  parseTimestamp,
  parseUninstallBody,
  readUninstallBody,
  signState,
  STATE_TTL_MS,
  verifyState,
} from "./protocol";

const KEY = "k".repeat(32);

describe("state", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  const state = signState("app1", "nonce-1", KEY, now);

  it("verifies for its app, with its cookie, within five minutes", () => {
    expect(verifyState(state, "app1", "nonce-1", KEY, now + STATE_TTL_MS - 1)).toEqual({ ok: true });
  });

  it.each([
    ["expired", () => verifyState(state, "app1", "nonce-1", KEY, now + STATE_TTL_MS + 1)],
    [
      "forged",
      () =>
        verifyState(
          state.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
          "app1",
          "nonce-1",
          KEY,
          now,
        ),
    ],
    ["forged", () => verifyState(signState("app1", "nonce-1", "x".repeat(32), now), "app1", "nonce-1", KEY, now)],
    ["forged", () => verifyState("garbage", "app1", "nonce-1", KEY, now)],
    ["forged", () => verifyState("a.b.c", "app1", "nonce-1", KEY, now)],
    ["other-app", () => verifyState(state, "app2", "nonce-1", KEY, now)],
    ["no-cookie", () => verifyState(state, "app1", undefined, KEY, now)],
    ["no-cookie", () => verifyState(state, "app1", "another", KEY, now)],
  ])("refuses: %s", (reason, check) => {
    expect(check()).toEqual({ ok: false, reason });
  });
});

describe("Basic auth", () => {
  const header = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;
  it("reads id and secret (the secret may contain colons)", () => {
    expect(parseBasicAuth(header("client:se:cret"))).toEqual({ id: "client", secret: "se:cret" });
  });
  it.each([null, "", "Bearer abc", "Basic !!!", header("nocolon"), header(":secret")])("refuses %s", (value) => {
    expect(parseBasicAuth(value)).toBeNull();
  });
  it("compares in constant time, and exactly", () => {
    expect(safeEqual("secret", "secret")).toBe(true);
    expect(safeEqual("secret", "secreT")).toBe(false);
    expect(safeEqual("secret", "secret2")).toBe(false);
  });
});

describe("the uninstall body", () => {
  it.each([
    [
      '{"client_id":"c","company_id":123,"user_id":456,"timestamp":"2026-11-28T10:00:00Z"}',
      { clientId: "c", companyId: 123, userId: 456, timestamp: "2026-11-28T10:00:00.000Z" },
    ],
    [
      '{"company_id":"123","user_id":"456","timestamp":"2026-11-28 10:00:00"}',
      { clientId: null, companyId: 123, userId: 456, timestamp: "2026-11-28T10:00:00.000Z" },
    ],
    [
      '{"company_id":123,"user_id":456,"timestamp":1795860000}',
      { clientId: null, companyId: 123, userId: 456, timestamp: "2026-11-28T10:00:00.000Z" },
    ],
    ['{"company_id":123,"user_id":456}', { clientId: null, companyId: 123, userId: 456, timestamp: null }],
    [
      '{"company_id":123,"user_id":456,"timestamp":"yesterday"}',
      { clientId: null, companyId: 123, userId: 456, timestamp: null },
    ],
  ])("reads %s", (body, expected) => {
    const parsed = parseUninstallBody(body);
    expect({ ...parsed, timestamp: parsed?.timestamp?.toISOString() ?? null }).toEqual(expected);
  });

  it.each([
    "",
    "not json",
    "[]",
    '{"company_id":123}',
    '{"company_id":"abc","user_id":1}',
    '{"company_id":-1,"user_id":1}',
    '{"company_id":"0","user_id":"0"}',
    '{"company_id":"99999999999999999999","user_id":1}',
  ])("refuses %j", (body) => {
    expect(parseUninstallBody(body)).toBeNull();
  });

  it("says which field is wrong", () => {
    expect(readUninstallBody('{"company_id":"0","user_id":5}')).toEqual({
      ok: false,
      message: "company_id must be a positive whole number",
    });
    expect(readUninstallBody('{"company_id":5,"user_id":"99999999999999999999"}')).toEqual({
      ok: false,
      message: `user_id must be a positive whole number`,
    });
    expect(readUninstallBody('{"company_id":5}')).toEqual({ ok: false, message: "user_id is required" });
    expect(readUninstallBody("[1]")).toEqual({
      ok: false,
      message: "The body must be JSON with company_id and user_id",
    });
  });

  it("reads epoch milliseconds and numeric strings as timestamps", () => {
    expect(parseTimestamp(1795860000000)?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(parseTimestamp("1795860000")?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
  });
});

describe("signed deliveries", () => {
  it("sign timestamp and body with HMAC-SHA256", () => {
    const now = Date.parse("2026-11-28T12:00:00Z");
    const { "x-listing-studio-signature": header } = signDelivery('{"a":1}', "secret", now);
    const t = Math.floor(now / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", "secret").update(`${t}.{"a":1}`).digest("hex")}`);
  });
});
