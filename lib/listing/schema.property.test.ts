import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./catalog";
import { LIMITS } from "@/lib/pipedrive/limits";
import { listingDraftSchema, listingRulesSchema, SCOPE_IDS, STORE_FACTOR } from "./schema";
import { problemsOf } from "@/lib/errors";

/** Text the editor may hold: any Unicode, within a limit counted in characters. */
const text = (max: number) => fc.string({ unit: "grapheme-composite", maxLength: max }).filter((s) => s.length <= max);
const httpUrl = fc
  .webUrl({ validSchemes: ["https"] })
  .filter((u) => u.length <= LIMITS.url && new URL(u).hostname.includes("."));

const validDraft = fc.record({
  appName: text(LIMITS.appName).filter((s) => s.trim().length > 0),
  callbackUrl: httpUrl,
  summary: text(LIMITS.summary),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: LIMITS.categories }),
  scopes: fc
    .uniqueArray(fc.constantFrom(...SCOPE_IDS), { maxLength: 6 })
    .map((ids) => ids.map((id) => ({ id, justification: "Needed" }))),
  websiteUrl: fc.oneof(fc.constant(""), httpUrl),
  useCase: text(LIMITS.useCase),
});

describe("listing schemas (property)", () => {
  it("accept every draft within Pipedrive's limits, and parsing again changes nothing", () => {
    fc.assert(
      fc.property(validDraft, (draft) => {
        const once = listingRulesSchema.parse(draft);
        expect(listingRulesSchema.parse(once)).toEqual(once);
        // A draft keeps the text exactly as typed (the rules trim).
        const stored = listingDraftSchema.parse(draft);
        for (const key of ["appName", "callbackUrl", "summary", "websiteUrl", "useCase"] as const)
          expect(stored[key]).toBe(draft[key]);
        expect(once.summary).toBe(draft.summary);
        // The base scope is always there, once.
        expect(once.scopes.filter((s) => s.id === "base")).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it("flag any text over its limit on that field, with the limit in the message, and still store it", () => {
    const field = fc.constantFrom(
      ["appName", LIMITS.appName, "App name"],
      ["summary", LIMITS.summary, "Short summary"],
      ["useCase", LIMITS.useCase, "Use case"],
    ) as fc.Arbitrary<[string, number, string]>;
    fc.assert(
      fc.property(validDraft, field, fc.integer({ min: 1, max: 200 }), (draft, [name, max, label], extra) => {
        // Over Pipedrive's limit, within what a draft keeps.
        const typed = { ...draft, [name]: "x".repeat(max + Math.min(extra, max * (STORE_FACTOR - 1))) };
        const result = listingRulesSchema.safeParse(typed);
        expect(result.success).toBe(false);
        expect(problemsOf(result.error!)[name]).toBe(`${label} must be at most ${max} characters`);
        expect((listingDraftSchema.parse(typed) as Record<string, unknown>)[name]).toBe(
          (typed as Record<string, unknown>)[name],
        );
      }),
    );
  });

  it("store text up to a few times its limit, and no more", () => {
    fc.assert(
      fc.property(validDraft, fc.integer({ min: 1, max: 50 }), (draft, extra) => {
        const max = LIMITS.summary * STORE_FACTOR;
        expect(listingDraftSchema.safeParse({ ...draft, summary: "y".repeat(max) }).success).toBe(true);
        expect(listingDraftSchema.safeParse({ ...draft, summary: "y".repeat(max + extra) }).success).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("never throws on arbitrary input: it parses or says which fields are wrong", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom("appName", "callbackUrl", "summary", "scopes", "images", "features", "categories", "x"),
            fc.anything(),
          ),
        ),
        (input) => {
          const result = listingRulesSchema.safeParse(input);
          if (!result.success)
            for (const message of Object.values(problemsOf(result.error))) expect(typeof message).toBe("string");
        },
      ),
      { numRuns: 500 },
    );
  });
});
