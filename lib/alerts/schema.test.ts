import { describe, expect, it } from "vitest";
import { webhookSchema } from "./schema";

describe("webhookSchema", () => {
  it("requires an http(s) webhook and at least one alert", () => {
    const r = webhookSchema.safeParse({ name: "Slack", url: "ftp://x", format: "SLACK", events: [] });
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "The URL must start with https:// (http:// only for localhost)",
      "Choose at least one alert",
    ]);
    expect(
      webhookSchema.safeParse({ name: "Local", url: "http://example.com/hook", format: "JSON", events: ["NEW_REVIEW"] })
        .success,
    ).toBe(false);
    expect(
      webhookSchema.safeParse({
        name: "Local",
        url: "http://localhost:9000/hook",
        format: "JSON",
        events: ["NEW_REVIEW"],
      }).success,
    ).toBe(true);
  });
});
