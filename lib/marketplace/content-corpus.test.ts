import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LISTING_CASES } from "./corpus/cases";
import { clean, youtubeId } from "./corpus/compare";
import { readListingContent } from "./listing-content";

/**
 * The corpus's content expectations on their own: corpus.test.ts checks them only after a page's
 * ratings and reviews pass, so a content reader's regressions would otherwise hide behind theirs.
 */

const dir = fileURLToPath(new URL("./corpus/", import.meta.url));

describe("Marketplace page corpus: listing content", () => {
  for (const c of LISTING_CASES.filter((c) => c.content)) {
    it(`${c.class}: ${c.file}`, () => {
      const want = c.content!;
      const got = readListingContent(readFileSync(dir + c.file, "utf8"), { url: c.url, clientId: c.clientId });
      expect(got.name).toBe(want.name);
      if (want.summary !== undefined) expect(clean(got.summary ?? "")).toBe(want.summary);
      if (want.screenshots !== undefined) expect(got.screenshots).toHaveLength(want.screenshots);
      if (want.video !== undefined) expect(youtubeId(got.video)).toBe(want.video);
      if (want.categories !== undefined)
        expect([...got.categories].map(clean).sort()).toEqual([...want.categories].sort());
    });
  }
});
