import { describe, expect, it } from "vitest";
import { alertTitle, droppedEnough, jsonPayload, slackPayload, type AlertInput } from "./payload";

const base: Omit<AlertInput, "data"> = {
  id: "al1",
  createdAt: new Date("2026-11-28T10:00:00Z"),
  app: { id: "app1", name: "QuoteFlow" },
  workspace: { name: "Acme" },
  link: "https://studio.example/reviews?app=app1",
};

describe("alert payloads", () => {
  const review = { id: "r1", author: "Ann", stars: 2, text: "Slow\nand buggy", reviewedAt: "2026-11-27T00:00:00.000Z" };

  it("titles every type", () => {
    expect(alertTitle("QuoteFlow", { type: "NEW_REVIEW", review })).toBe("New 2-star review of QuoteFlow by Ann");
    expect(alertTitle("QuoteFlow", { type: "LOW_RATING", review: { ...review, stars: 1 } })).toBe(
      "Low rating: 1 star for QuoteFlow from Ann",
    );
    expect(alertTitle("QuoteFlow", { type: "RATING_DROP", from: 4.5, to: 4.3, since: "2026-11-21T00:00:00Z" })).toBe(
      "The rating of QuoteFlow dropped from 4.50 to 4.30 in 7 days",
    );
    expect(alertTitle("QuoteFlow", { type: "SYNC_FAILING", failures: 3, error: "HTTP 500" })).toBe(
      "The Marketplace sync of QuoteFlow failed 3 times in a row",
    );
  });

  it("builds the generic JSON document", () => {
    expect(jsonPayload({ ...base, data: { type: "LOW_RATING", review } })).toEqual({
      id: "al1",
      type: "low_rating",
      created_at: "2026-11-28T10:00:00.000Z",
      title: "Low rating: 2 stars for QuoteFlow from Ann",
      workspace: "Acme",
      app: { id: "app1", name: "QuoteFlow" },
      link: base.link,
      data: { type: "LOW_RATING", review },
    });
  });

  it("builds a Slack message with text, quoted review and a link", () => {
    const slack = slackPayload({ ...base, data: { type: "NEW_REVIEW", review } });
    expect(slack.text).toBe("New 2-star review of QuoteFlow");
    expect(slack.blocks[0]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "*New 2-star review of QuoteFlow by Ann*\n★★☆☆☆  *Ann*\n>Slow\n>and buggy",
        verbatim: true,
      },
    });
    expect(JSON.stringify(slack.blocks[1])).toContain(`<${base.link}|Open in Listing Studio>`);
  });
});

describe("droppedEnough", () => {
  it("counts a 0.2 drop despite floating point, and not 0.19", () => {
    expect(4.6 - 4.4 < 0.2).toBe(true);
    expect(droppedEnough(4.6, 4.4, 0.2)).toBe(true);
    expect(droppedEnough(4.5, 4.3, 0.2)).toBe(true);
    expect(droppedEnough(4.5, 4.31, 0.2)).toBe(false);
    expect(droppedEnough(4.5, 4.0, 0.5)).toBe(true);
    expect(droppedEnough(4.5, 4.1, 0.5)).toBe(false);
    expect(droppedEnough(4.3, 4.5, 0.2)).toBe(false);
  });
});
