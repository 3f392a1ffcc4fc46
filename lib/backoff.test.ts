import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from the base for each attempt, up to the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, { baseMs: 1_000, maxMs: 30_000 }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(backoffDelay(0, { baseMs: 1_000, maxMs: 30_000 })).toBe(1_000);
  });

  it("spreads each delay by the jitter, around the same middle", () => {
    const at = (random: number) => backoffDelay(2, { baseMs: 30_000, maxMs: 3_600_000, jitter: 0.2, random });
    expect([at(0), at(0.5), at(1)]).toEqual([48_000, 60_000, 72_000]);
  });
});
