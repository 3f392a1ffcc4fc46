import { describe, expect, it } from "vitest";
import { listingDraftSchema } from "./schema";
import { scopeWarnings } from "./scope-checks";

const draft = (input: {
  description?: string;
  scopes?: { id: string; justification?: string }[];
  features?: { name: string; description: string }[];
}) =>
  listingDraftSchema.parse({
    appName: "QuoteFlow",
    description: input.description ?? "QuoteFlow turns a deal into a branded quote.\n\n- Fast\n- Tracked",
    scopes: (input.scopes ?? []).map((s) => ({ justification: "", ...s })),
    features: (input.features ?? []).map((f, i) => ({ id: `f${i}`, type: "custom_panel", ...f })),
  });
const warnings = (input: Parameters<typeof draft>[0]) => scopeWarnings(draft(input));

describe("scope rules: each fires, and the same draft with the explanation added does not", () => {
  describe("1. a scope nothing explains", () => {
    it("warns, naming the scope and the words it looked for", () => {
      expect(warnings({ scopes: [{ id: "goals:read" }] })).toEqual([
        {
          path: "scopes.1.justification",
          message:
            "Nothing says why the app needs goals:read: neither the description, the features nor its justification mention goals (looked for “goal”, “target”, “quota”)",
        },
      ]);
    });
    it("is quiet when the justification says it", () => {
      expect(
        warnings({ scopes: [{ id: "goals:read", justification: "Shows the team's quota next to each quote." }] }),
      ).toEqual([]);
    });
    it("is quiet when the description says it", () => {
      expect(
        warnings({
          description: "Quotes from deals.\n\nShows progress towards your sales goals.",
          scopes: [{ id: "goals:read" }],
        }),
      ).toEqual([]);
    });
    it("is quiet when a feature says it", () => {
      expect(
        warnings({
          scopes: [{ id: "goals:read" }],
          features: [{ name: "Goal tracker", description: "Progress to target on every quote" }],
        }),
      ).toEqual([]);
    });
    it("reads whole words: “contactless” is not about contacts", () => {
      expect(
        warnings({ description: "Contactless payments.\n\n- Fast", scopes: [{ id: "contacts:read" }] }),
      ).toHaveLength(1);
      expect(
        warnings({
          description: "Addresses each quote to the deal's contact person.\n\n- Fast",
          scopes: [{ id: "contacts:read" }],
        }),
      ).toEqual([]);
    });
  });

  describe("2. full access when only reading is described", () => {
    const readingOnly = "QuoteFlow shows every deal's quotes in a panel.\n\n- See the deal value";
    it("warns, suggesting the read-only scope", () => {
      expect(warnings({ description: readingOnly, scopes: [{ id: "deals:full" }] })).toEqual([
        {
          path: "scopes.1.justification",
          message:
            "deals:full lets the app change deals, but the listing only describes reading them (looked for “create”, “add”, “update”, “edit”, “change”… with “deal”, “pipeline”, “stage”): ask for deals:read, or say what the app changes",
        },
      ]);
    });
    it("is quiet when the description says what it changes", () => {
      expect(
        warnings({
          description: `${readingOnly}\n- Accepted quotes move the deal to the next stage`,
          scopes: [{ id: "deals:full" }],
        }),
      ).toEqual([]);
    });
    it("is quiet when the justification says what it changes", () => {
      expect(
        warnings({
          description: readingOnly,
          scopes: [{ id: "deals:full", justification: "Writes the accepted quote's value back to the deal." }],
        }),
      ).toEqual([]);
    });
    it("a write verb about something else does not count", () => {
      expect(
        warnings({ description: `${readingOnly}\n- Creates a PDF for each quote`, scopes: [{ id: "deals:full" }] }),
      ).toHaveLength(1);
    });
  });

  describe("3. admin", () => {
    it("warns whenever it is asked for without a strong reason", () => {
      const [warning] = warnings({ scopes: [{ id: "admin", justification: "Needed." }] });
      expect(warning).toMatchObject({ path: "scopes.1.justification" });
      expect(warning!.message).toBe(
        "admin gives full control of the Pipedrive account: reviewers want a strong reason. Say in its justification which account settings the app manages and why a narrower scope will not do (at least 80 characters, mentioning “admin”, “account settings”, “company settings”, “permission”, “user management”)",
      );
    });
    it("a long justification that does not say what it administers is not enough", () => {
      expect(
        warnings({
          scopes: [
            {
              id: "admin",
              justification:
                "We need this scope because our integration is very powerful and does many things for you.",
            },
          ],
        }),
      ).toHaveLength(1);
    });
    it("is quiet with an account-level reason", () => {
      expect(
        warnings({
          scopes: [
            {
              id: "admin",
              justification:
                "Creates the custom user permissions sets that restrict quote approval to managers; no narrower scope manages permission sets.",
            },
          ],
        }),
      ).toEqual([]);
    });
  });

  describe("4. a promise no requested scope allows", () => {
    const promising = "QuoteFlow turns a deal into a quote.\n\n- Creates follow-up activities when a quote is opened";
    it("warns on the description, quoting the promise and naming the scope it needs", () => {
      expect(
        warnings({
          description: promising,
          scopes: [{ id: "deals:read", justification: "Reads the deal's products." }],
        }),
      ).toEqual([
        {
          path: "description",
          message:
            "The description says “Creates follow-up activities”, but no requested scope allows it: add activities:full, or reword the promise",
        },
      ]);
    });
    it("is quiet once the scope is requested", () => {
      expect(
        warnings({
          description: promising,
          scopes: [
            { id: "deals:read", justification: "Reads the deal's products." },
            { id: "activities:full", justification: "Creates the follow-up activity." },
          ],
        }),
      ).toEqual([]);
    });
    it("warns on a feature's description, and accepts any scope that allows the promise", () => {
      const features = [{ name: "Call logger", description: "Logs every call on the deal" }];
      expect(warnings({ scopes: [{ id: "deals:read", justification: "Reads the deal." }], features })).toEqual([
        {
          path: "features.0.description",
          message:
            "The feature “Call logger” says “Logs every call”, but no requested scope allows it: add phone-integration or activities:full, or reword the promise",
        },
      ]);
      expect(
        warnings({
          scopes: [
            { id: "deals:read", justification: "Reads the deal." },
            { id: "phone-integration", justification: "Logs calls and their recordings." },
          ],
          features,
        }),
      ).toEqual([]);
    });
    it("a reading promise needs at least the read scope", () => {
      expect(
        warnings({ description: "Quotes.\n\n- Shows open deals on a dashboard", scopes: [] }).map((w) => w.message),
      ).toEqual([
        "The description says “Shows open deals”, but no requested scope allows it: add deals:read or deals:full, or reword the promise",
      ]);
      expect(
        warnings({ description: "Quotes.\n\n- Shows open deals on a dashboard", scopes: [{ id: "deals:read" }] }),
      ).toEqual([]);
    });
  });

  it("base is never questioned, and a careful listing has no warning", () => {
    expect(
      warnings({
        description:
          "QuoteFlow turns the products on a deal into a quote.\n\n- Accepted quotes move the deal to the next stage\n- Addressed to the deal's person",
        scopes: [
          { id: "deals:full", justification: "Writes the accepted quote's value back to the deal." },
          { id: "products:read", justification: "Reads the deal's products and prices." },
          { id: "contacts:read", justification: "Reads the deal's person and organization." },
        ],
      }),
    ).toEqual([]);
  });
});
