import { describe, expect, it } from "vitest";
import { checkReadiness } from "./readiness";
import { listingDraftSchema, type ListingDraft } from "./schema";

const id = (c: string) => c.repeat(24);

const complete: ListingDraft = listingDraftSchema.parse({
  appName: "QuoteFlow",
  callbackUrl: "https://q.example.com/cb",
  scopes: [{ id: "deals:full", justification: "Creates quotes and updates the deal value" }],
  categories: ["Proposals & quotes"],
  summary: "Send branded quotes from any deal in two clicks.",
  description: "Quotes from deals.\n\n- Branded\n- Tracked",
  iconAssetId: id("i"),
  images: [
    { assetId: id("a"), alt: "One" },
    { assetId: id("b"), alt: "Two" },
    { assetId: id("c"), alt: "Three" },
  ],
  setupInstructions: "1. Install\n2. Pick a template",
  websiteUrl: "https://q.example.com",
  termsUrl: "https://q.example.com/terms",
  privacyUrl: "https://q.example.com/privacy",
  pricingUrl: "https://q.example.com/pricing",
  contactEmail: "team@q.example.com",
});

const messages = (draft: Partial<ListingDraft>, icons = {}) =>
  checkReadiness({ ...complete, ...draft }, { icons }).items.map((i) => `${i.severity} ${i.path}: ${i.message}`);

describe("checkReadiness", () => {
  it("gives a complete, careful listing 100 and no items", () => {
    expect(checkReadiness(complete)).toEqual({ score: 100, items: [], errors: 0, warnings: 0 });
  });

  it("blocks the scopes Pipedrive refuses: both levels of one object, full access without a reason", () => {
    const scopes = [
      { id: "base", justification: "" },
      { id: "deals:read", justification: "Reads the deal" },
      { id: "deals:full", justification: "" },
    ];
    expect(messages({ scopes }).filter((m) => m.startsWith("error"))).toEqual([
      "error scopes.2.id: Deals: Read only and Deals: Full access are both requested: full access includes reading, keep one",
      "error scopes.2.justification: Say why the app needs Deals: Full access: Pipedrive refuses full access without a reason",
    ]);
  });

  it("turns every field required for review, pricing included, into an error", () => {
    const result = checkReadiness({ ...complete, pricingUrl: "", summary: "" });
    expect(result.items.filter((i) => i.severity === "error").map((i) => i.field)).toEqual(["summary", "pricingUrl"]);
    expect(result.score).toBe(81); // 100 × 0.9 × 0.9
  });

  it("requires https and distinct links", () => {
    expect(messages({ termsUrl: "http://q.example.com/terms", privacyUrl: "https://q.example.com/" })).toEqual([
      "error termsUrl: Terms of Service URL must use https",
      "error privacyUrl: Privacy Policy URL is the same link as Website URL: each needs its own page",
    ]);
  });

  it("warns below 3 images and for missing alt text", () => {
    expect(messages({ images: [{ assetId: id("a"), alt: "" }] })).toEqual([
      "warning images: Reviewers expect 3–5 listing images; this listing has 1",
      "warning images.0.alt: Image 1 has no alt text",
    ]);
  });

  it("warns about names that suggest Pipedrive built the app, but not “for Pipedrive”", () => {
    expect(messages({ appName: "Pipedrive Quotes" })).toContain(
      "warning appName: The name may suggest that Pipedrive built the app; say “for Pipedrive” instead",
    );
    expect(messages({ appName: "QuoteFlow for Pipedrive" })).toEqual([]);
  });

  it("warns when the summary names the app or Pipedrive", () => {
    expect(messages({ summary: "QuoteFlow sends quotes." })).toHaveLength(1);
    expect(messages({ summary: "Quotes inside Pipedrive." })).toHaveLength(1);
  });

  it("wants a structured description without placeholders", () => {
    expect(messages({ description: "One long paragraph only." })).toEqual([
      "error description: Lay the description out in paragraphs or a list",
    ]);
    expect(messages({ description: "Intro.\n\nLorem ipsum dolor." })[0]).toMatch(/placeholder text \(“Lorem ipsum”\)/);
    expect(messages({ setupInstructions: "1. TODO" })[0]).toMatch(/Setup instructions contains placeholder text/);
  });

  it("turns each scope problem into a warning on the field it is about (lib/listing/scope-checks.test.ts has every rule)", () => {
    const result = checkReadiness({
      ...complete,
      scopes: [
        { id: "base", justification: "" },
        { id: "goals:read", justification: "" },
      ],
      description: "Quotes from deals.\n\n- Creates activities for follow-ups",
    });
    expect(result.items.map((i) => [i.field, i.path, i.severity])).toEqual([
      ["scopes", "scopes.1.justification", "warning"],
      ["description", "description", "warning"],
    ]);
  });

  it("scores every fix: a bare draft is low but not zero, and each fixed item raises it", () => {
    const bare = checkReadiness(listingDraftSchema.parse({ appName: "A", callbackUrl: "https://a.example.com/cb" }));
    expect(bare.score).toBeGreaterThan(0);
    expect(bare.score).toBeLessThan(50);
    const better = checkReadiness(
      listingDraftSchema.parse({ appName: "A", callbackUrl: "https://a.example.com/cb", summary: "Value." }),
    );
    expect(better.score).toBeGreaterThan(bare.score);
    expect(checkReadiness({ ...complete, images: complete.images.slice(0, 2) }).score).toBe(97);
  });

  it("warns when the icon disappears on a light or dark background, from measured pixels", () => {
    expect(messages({}, { [id("i")]: { visibleOnLight: 0.01, visibleOnDark: 0.9 } })).toEqual([
      "warning iconAssetId: The icon almost disappears on a light background",
    ]);
    expect(messages({}, { [id("i")]: { visibleOnLight: 0.9, visibleOnDark: 0.02 } })).toEqual([
      "warning iconAssetId: The icon almost disappears on a dark background",
    ]);
  });
});

describe("link reachability", () => {
  const at = "2026-11-28T10:00:00.000Z";
  it("warns for a link whose last check was not 2xx, and only for the link checked", () => {
    const links = {
      [complete.pricingUrl]: { ok: false, status: 404, error: null, checkedAt: at },
      [complete.termsUrl]: { ok: false, status: null, error: "no answer within 5 s", checkedAt: at },
      [complete.websiteUrl]: { ok: true, status: 200, error: null, checkedAt: at },
    };
    const items = checkReadiness(complete, { links }).items.map((i) => `${i.severity} ${i.path}: ${i.message}`);
    expect(items).toEqual([
      "warning termsUrl: Terms of Service URL did not answer (no answer within 5 s) when it was checked",
      "warning pricingUrl: Pricing page URL answered HTTP 404 when it was checked",
    ]);
  });

  it("forgets a result once the field holds another link", () => {
    const links = { "https://old.example.com/pricing": { ok: false, status: 500, error: null, checkedAt: at } };
    expect(checkReadiness(complete, { links }).items).toEqual([]);
  });
});
