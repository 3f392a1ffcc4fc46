import { describe, expect, it } from "vitest";
import { timeAgo } from "./dates";

describe("timeAgo", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  it.each([
    [now - 20_000, "just now"],
    [now + 20_000, "just now"],
    [now - 5 * 60_000, "5 minutes ago"],
    [now - 60_000, "1 minute ago"],
    [now - 3 * 3_600_000, "3 hours ago"],
    [now - 26 * 3_600_000, "yesterday"],
    [now - 3 * 86_400_000, "3 days ago"],
    [now - 15 * 86_400_000, "2 weeks ago"],
    [now - 65 * 86_400_000, "2 months ago"],
    [now - 800 * 86_400_000, "2 years ago"],
    [now + 2 * 3_600_000, "in 2 hours"],
  ])("reads %s as %s", (at, text) => {
    expect(timeAgo(at, now)).toBe(text);
  });
});
