import { describe, expect, it } from "vitest";
import { isDashboardPath, safeReturnPath, signInPath } from "./paths";

describe("safeReturnPath", () => {
  it("keeps same-site paths with query and hash", () => {
    expect(safeReturnPath("/apps/abc/listing?tab=scopes#x")).toBe("/apps/abc/listing?tab=scopes#x");
  });
  it.each([
    // Classic open redirects.
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Paths that only become protocol-relative once normalised.
    "/.//evil.example/phish",
    "/..//evil.example/phish",
    "/%2e//evil.example/phish",
    "/%2E%2E//evil.example",
    "/./..//evil.example",
    // Control characters, raw or encoded.
    "/\tevil",
    "/%09/evil.example",
    "/a\nb",
    "/%0d%0aSet-Cookie:x=1",
    // Not a path at all.
    "apps",
    "",
    null,
    42,
  ])("falls back for %j", (value) => {
    expect(safeReturnPath(value)).toBe("/apps");
  });

  it("normalises harmless paths and keeps them", () => {
    expect(safeReturnPath("/apps/./abc/../abc/listing")).toBe("/apps/abc/listing");
    expect(safeReturnPath("/team?tab=%2F%2Fx")).toBe("/team?tab=%2F%2Fx");
  });
});

describe("dashboard paths", () => {
  it("recognises dashboard sections and nothing else", () => {
    expect(isDashboardPath("/apps")).toBe(true);
    expect(isDashboardPath("/team/invites")).toBe(true);
    expect(isDashboardPath("/appsx")).toBe(false);
    expect(isDashboardPath("/")).toBe(false);
  });
  it("builds the sign-in URL with an encoded return path", () => {
    expect(signInPath("/team?x=1")).toBe("/signin?callbackUrl=%2Fteam%3Fx%3D1");
  });
});
