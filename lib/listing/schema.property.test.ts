import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./catalog";
import { LIMITS } from "./limits";
import { listingDraftSchema, problemsOf, SCOPE_IDS } from "./schema";

/** Text the editor may hold: any Unicode, within a limit counted in characters. */
const text = (max: number) => fc.string({ unit: "grapheme-composite", maxLength: max }).filter((s) => s.length <= max);
const httpUrl = fc.webUrl({ validSchemes: ["https"] }).filter((u) => u.length <= LIMITS.url && new URL(u).hostname.includes("."));

const validDraft = fc.record({
  appName: text(LIMITS.appName).filter((s) => s.trim().length > 0),
  callbackUrl: httpUrl,
  summary: text(LIMITS.summary),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: LIMITS.categories }),
  scopes: fc.uniqueArray(fc.constantFrom(...SCOPE_IDS), { maxLength: 6 }).map((ids) => ids.map((id) => ({ id, justification: "Needed" }))),
  websiteUrl: fc.oneof(fc.constant(""), httpUrl),
  useCase: text(LIMITS.useCase),
});

describe("listingDraftSchema (property)", () => {
  it("accepts every draft within Pipedrive's limits, and parsing again changes nothing", () => {
    fc.assert(
      fc.property(validDraft, (draft) => {
        const once = listingDraftSchema.parse(draft);
        expect(listingDraftSchema.parse(once)).toEqual(once);
        expect(once.summary).toBe(draft.summary);
        // The base scope is always there, once.
        expect(once.scopes.filter((s) => s.id === "base")).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses any text over its limit on that field, with the limit in the message", () => {
    const field = fc.constantFrom(["appName", LIMITS.appName, "App name"], ["summary", LIMITS.summary, "Short summary"], ["useCase", LIMITS.useCase, "Use case"]) as fc.Arbitrary<[string, number, string]>;
    fc.assert(
      fc.property(validDraft, field, fc.integer({ min: 1, max: 200 }), (draft, [name, max, label], extra) => {
        const result = listingDraftSchema.safeParse({ ...draft, [name]: "x".repeat(max + extra) });
        expect(result.success).toBe(false);
        expect(problemsOf(result.error!)[name]).toBe(`${label} must be at most ${max} characters`);
      }),
    );
  });

  it("never throws on arbitrary input: it parses or says which fields are wrong", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom("appName", "callbackUrl", "summary", "scopes", "images", "features", "categories", "x"), fc.anything())), (input) => {
        const result = listingDraftSchema.safeParse(input);
        if (!result.success) for (const message of Object.values(problemsOf(result.error))) expect(typeof message).toBe("string");
      }),
      { numRuns: 500 },
    );
  });
});
