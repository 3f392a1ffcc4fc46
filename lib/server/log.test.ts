import { afterEach, describe, expect, it } from "vitest";
import { findSecrets } from "@/e2e/log-check";
import { captureLogs as capture } from "@/lib/test/capture-logs";
import { log, requestLog, scrub, setLogDestination } from "./log";
afterEach(() => setLogDestination(undefined));

const API_TOKEN = `lst_${"A".repeat(43)}`;
const SHARE_TOKEN = "b".repeat(43);

describe("scrub", () => {
  it.each([
    [`Authorization: Bearer ${API_TOKEN}`, "Authorization: Bearer [redacted]"],
    [`token ${API_TOKEN} refused`, "token lst_[redacted] refused"],
    [`GET /p/${SHARE_TOKEN}?x`, "GET /p/[redacted]?x"],
    ["/callback/abc?code=secret-code-123&state=s.t.a", "/callback/abc?code=[redacted]&state=[redacted]"],
    [
      `{"access_token":"at-123456","refresh_token":"rt-123456"}`,
      `{"access_token":"[redacted]","refresh_token":"[redacted]"}`,
    ],
    ["client_secret=hunter2hunter2&grant_type=x", "client_secret=[redacted]&grant_type=x"],
    ["https://user:pa55word@hooks.example.com/x", "https://[redacted]@hooks.example.com/x"],
    [`sealed v1.k1.${"c".repeat(16)}.${"d".repeat(22)}.eeee`, "sealed [sealed]"],
    ["code: NOT_FOUND stays", "code: NOT_FOUND stays"],
  ])("%s", (input, output) => {
    expect(scrub(input, [])).toBe(output);
  });

  it("removes the configured secrets wherever they appear", () => {
    expect(scrub("key=abc the-auth-secret-value-123 end", ["the-auth-secret-value-123"])).not.toContain(
      "the-auth-secret-value-123",
    );
  });
});

describe("the logger", () => {
  it("writes JSON lines with the level, the time and the request id", () => {
    const lines = capture();
    requestLog("req-12345678").info({ app: "a1" }, "hello");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "info",
      service: "listing-studio",
      reqId: "req-12345678",
      app: "a1",
      msg: "hello",
      time: expect.any(String),
    });
  });

  it("never lets a secret through: fields, messages, errors and stacks", () => {
    const lines = capture();
    const secret = "client-secret-value-0123456789";
    log().info(
      {
        headers: { authorization: `Bearer ${API_TOKEN}`, cookie: `authjs.session-token=${SHARE_TOKEN}` },
        clientSecret: secret,
        token: API_TOKEN,
        nested: { accessToken: "at-123456789", refresh_token: "rt-123456789" },
      },
      "request",
    );
    log().error(
      { err: new Error(`exchange failed: {"client_secret":"${secret}","code":"x"} for Bearer ${API_TOKEN}`) },
      `visit /p/${SHARE_TOKEN}`,
    );
    log().warn(`token ${API_TOKEN} refused`);
    const text = lines.join("\n");
    for (const value of [API_TOKEN, SHARE_TOKEN, secret, "at-123456789", "rt-123456789"])
      expect(text).not.toContain(value);
    expect(findSecrets(text, [secret])).toEqual([]);
    expect(text).toContain("[redacted]");
    expect(JSON.parse(lines[1]!).err).toMatchObject({
      type: "Error",
      message: expect.stringContaining("exchange failed"),
      stack: expect.any(String),
    });
  });

  it("the log check finds what would have leaked", () => {
    const leaked = [
      `{"msg":"x ${API_TOKEN}"}`,
      `{"msg":"Bearer abcdefghij"}`,
      `{"msg":"/p/${SHARE_TOKEN}"}`,
      `{"msg":"the-configured-secret"}`,
    ].join("\n");
    expect(findSecrets(leaked, ["the-configured-secret"]).map((p) => p.split(" in: ")[0])).toEqual([
      "a configured secret (the-…)",
      "a 256-bit token",
      "an API token",
      "an Authorization value",
    ]);
    expect(findSecrets(`{"reqId":"${crypto.randomUUID()}","msg":"fine"}`, ["x-secret"])).toEqual([]);
  });
});
