import { describe, expect, it } from "vitest";
import { hasRole, parseRole } from "./roles";

describe("roles", () => {
  it("orders OWNER > EDITOR > VIEWER", () => {
    expect(hasRole("OWNER", "EDITOR")).toBe(true);
    expect(hasRole("EDITOR", "EDITOR")).toBe(true);
    expect(hasRole("VIEWER", "EDITOR")).toBe(false);
    expect(hasRole("EDITOR", "OWNER")).toBe(false);
  });
  it("rejects an unknown stored role", () => {
    expect(parseRole("OWNER")).toBe("OWNER");
    expect(() => parseRole("ADMIN")).toThrow(/Unknown role/);
  });
});
