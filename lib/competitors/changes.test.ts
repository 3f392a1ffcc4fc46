import { describe, expect, it } from "vitest";
import { listingChanges, type StoredContent } from "./changes";

const base: StoredContent = {
  name: "Rival",
  summary: "Quotes fast",
  description: "Long text",
  screenshots: [
    { url: "https://cdn.example.com/1.png", hash: "a" },
    { url: "https://cdn.example.com/2.png", hash: "b" },
  ],
  video: "https://youtu.be/x",
  categories: ["Sales tools", "Documents"],
  pricingUrl: "https://rival.example.com/pricing",
};

describe("listingChanges", () => {
  it("sees nothing in the same listing, whitespace, category order or pictures moved to new addresses", () => {
    expect(
      listingChanges(base, {
        ...base,
        summary: " Quotes   fast ",
        categories: ["Documents", "Sales tools"],
        screenshots: base.screenshots.map((s) => ({ ...s, url: `${s.url}?v=2` })),
      }),
    ).toEqual([]);
  });

  it("tells screenshots replaced, added, removed or reordered, by their pictures", () => {
    const shots = (...hashes: string[]) => hashes.map((h) => ({ url: `https://cdn.example.com/${h}.png`, hash: h }));
    const change = (...hashes: string[]) => listingChanges(base, { ...base, screenshots: shots(...hashes) })[0]?.after;
    expect(change("a", "c")).toBe("2 screenshots (1 replaced)");
    expect(change("a", "b", "c")).toBe("3 screenshots (1 added)");
    expect(change("b")).toBe("1 screenshot (1 removed)");
    expect(change("b", "a")).toBe("2 screenshots (reordered)");
    // A picture that could not be fetched is unchanged where its address is.
    expect(listingChanges(base, { ...base, screenshots: base.screenshots.map((s) => ({ ...s, hash: null })) })).toEqual(
      [],
    );
  });

  it("a field missing from a page not read whole is not a removal; from a whole page it is", () => {
    const partial = { ...base, description: null, video: null, categories: [], pricingUrl: null, screenshots: [] };
    expect(listingChanges(base, partial)).toEqual([]);
    expect(listingChanges(base, { ...base, video: null, pricingUrl: null })).toEqual([
      { field: "video", before: "https://youtu.be/x", after: "(none)" },
      { field: "pricingUrl", before: "https://rival.example.com/pricing", after: "(none)" },
    ]);
    expect(listingChanges(base, { ...base, name: "Rival Pro", categories: ["Sales tools"] })).toEqual([
      { field: "name", before: "Rival", after: "Rival Pro" },
      { field: "categories", before: "Sales tools, Documents", after: "Sales tools" },
    ]);
  });
});
