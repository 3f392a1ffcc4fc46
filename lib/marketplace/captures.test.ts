import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCaptures } from "./capture-files";
import { replayCapture } from "./replay";

/**
 * Every answer of the Marketplace kept in lib/marketplace/captures/ (captured with `npm run
 * marketplace:capture`, or downloaded from Sync history after a failed read) goes through every reader;
 * what they make of it must be what its `expected.json` says the page shows.
 */
const DIR = join(import.meta.dirname, "captures");
const captures = readCaptures(DIR);

describe("the readers over every captured page kept here", () => {
  it("has captures to read", () => {
    expect(captures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(captures.map((c) => [c.name, c] as const))("%s", (name, { capture }) => {
    const expectedFile = join(DIR, name, "expected.json");
    expect(existsSync(expectedFile), `${name} needs an expected.json`).toBe(true);
    expect(replayCapture(capture).readings).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
