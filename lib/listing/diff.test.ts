import { describe, expect, it } from "vitest";
import { diffListings, needsReReview } from "./diff";
import { listingDraftSchema } from "./schema";

const base = listingDraftSchema.parse({
  appName: "QuoteFlow",
  callbackUrl: "https://q.example.com/cb",
  summary: "Send quotes from deals",
  images: [{ assetId: "a".repeat(24), alt: "one" }],
});

describe("diffListings", () => {
  it("is empty for identical listings", () => {
    expect(diffListings(base, structuredClone(base))).toEqual([]);
  });

  it("diffs text word by word and does not flag a non-critical change for re-review", () => {
    const changes = diffListings(base, { ...base, summary: "Send branded quotes from deals" });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ field: "summary", label: "Short summary", critical: false, kind: "text" });
    expect(changes[0]!.parts!.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["branded"]);
    expect(needsReReview(changes)).toBe(false);
  });

  it("flags critical fields: scopes and callback URL need Pipedrive's review again", () => {
    const after = {
      ...base,
      callbackUrl: "https://q.example.com/v2/cb",
      scopes: [...base.scopes, { id: "deals:read" as const, justification: "forecast" }],
    };
    const changes = diffListings(base, after);
    expect(changes.map((c) => c.field)).toEqual(["callbackUrl", "scopes"]);
    expect(changes.find((c) => c.field === "scopes")).toMatchObject({
      kind: "list",
      after: "base\ndeals:read: forecast",
    });
    expect(needsReReview(changes)).toBe(true);
  });

  it("shows images as asset ids before and after", () => {
    const after = {
      ...base,
      iconAssetId: "b".repeat(24),
      images: [...base.images, { assetId: "c".repeat(24), alt: "two" }],
    };
    const changes = diffListings(base, after);
    expect(changes.find((c) => c.field === "iconAssetId")?.images).toEqual({ before: [], after: ["b".repeat(24)] });
    expect(changes.find((c) => c.field === "images")?.images).toEqual({
      before: ["a".repeat(24)],
      after: ["a".repeat(24), "c".repeat(24)],
    });
  });
});
