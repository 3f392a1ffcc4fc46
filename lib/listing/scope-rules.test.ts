import { describe, expect, it } from "vitest";
import { otherLevel, scopeRuleProblems } from "./scope-rules";

describe("scopes Pipedrive refuses", () => {
  it("knows the two levels of an object, and scopes with one level", () => {
    expect(otherLevel("deals:read")).toBe("deals:full");
    expect(otherLevel("deals:full")).toBe("deals:read");
    expect(otherLevel("deal-fields:full")).toBeNull();
    expect(otherLevel("admin")).toBeNull();
  });

  it("refuses read-only and full access of one object together, at the full-access scope", () => {
    expect(
      scopeRuleProblems([
        { id: "base", justification: "" },
        { id: "deals:read", justification: "Reads deals" },
        { id: "deals:full", justification: "Updates deal values" },
      ]),
    ).toEqual([
      {
        path: "scopes.2.id",
        message: "Deals: Read only and Deals: Full access are both requested: full access includes reading, keep one",
      },
    ]);
  });

  it("refuses full access and admin without a reason, and asks none of a read-only scope", () => {
    expect(
      scopeRuleProblems([
        { id: "base", justification: "" },
        { id: "contacts:read", justification: "" },
        { id: "activities:full", justification: "   " },
        { id: "admin", justification: "" },
      ]).map((p) => p.path),
    ).toEqual(["scopes.2.justification", "scopes.3.justification"]);
    expect(scopeRuleProblems([{ id: "deals:full", justification: "Writes the quote's value back." }])).toEqual([]);
  });
});
