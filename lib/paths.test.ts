import { describe, expect, it } from "vitest";
import { isDashboardPath, safeReturnPath, signInPath } from "./paths";

describe("safeReturnPath", () => {
  it("keeps same-site paths with query and hash", () => {
    expect(safeReturnPath("/apps/abc/listing?tab=scopes#x")).toBe("/apps/abc/listing?tab=scopes#x");
  });
  it.each(["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "apps", "", null, 42, "/a\nb"])(
    "falls back for %s",
    (value) => {
      expect(safeReturnPath(value)).toBe("/apps");
    },
  );
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
