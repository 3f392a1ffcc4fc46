import { describe, expect, it } from "vitest";
import {
  firstName,
  formatReplyTime,
  importRowSchema,
  inboxQuerySchema,
  manualReviewSchema,
  renderTemplate,
} from "./schema";

describe("renderTemplate", () => {
  const values = {
    author: "Ana Lúcia Souza",
    first_name: firstName("Ana Lúcia Souza"),
    app: "QuoteFlow",
    stars: "2",
    my_name: "Jo",
  };
  it("fills every placeholder, with or without spaces, and leaves unknown ones visible", () => {
    expect(
      renderTemplate(
        "Hi {{first_name}}, thanks for the {{ stars }} stars on {{app}}. — {{my_name}} {{unknown}}",
        values,
      ),
    ).toBe("Hi Ana, thanks for the 2 stars on QuoteFlow. — Jo {{unknown}}");
  });
});

describe("inboxQuerySchema", () => {
  it("falls back to defaults for anything unusable", () => {
    expect(inboxQuerySchema.parse({ stars: "9", status: "x", from: "yesterday", page: "-3" })).toEqual({
      app: "",
      stars: "",
      status: "open",
      assignee: "",
      from: "",
      to: "",
      q: "",
      removed: "",
      page: 1,
    });
    expect(inboxQuerySchema.parse({ stars: "low", status: "WONT_REPLY", from: "2026-11-01" })).toMatchObject({
      stars: "low",
      status: "WONT_REPLY",
      from: "2026-11-01",
    });
  });
});

describe("review inputs", () => {
  it("checks a manual review field by field", () => {
    const r = manualReviewSchema.safeParse({ appId: "a", author: " ", stars: "6", reviewedAt: "2999-01-01", text: "" });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      author: "Give the reviewer's name",
      stars: "Stars must be from 1 to 5",
      reviewedAt: "The date is in the future",
    });
    expect(
      manualReviewSchema.parse({
        appId: "a",
        author: "Ann",
        stars: "4",
        reviewedAt: "2026-11-02",
        text: "Fine",
        publicReply: "",
      }),
    ).toEqual({
      appId: "a",
      author: "Ann",
      stars: 4,
      reviewedAt: new Date("2026-11-02T00:00:00Z"),
      text: "Fine",
      publicReply: null,
    });
  });

  it("keeps an import row's words without hidden characters", () => {
    const row = importRowSchema.parse({
      author: " \u202EnnA\u202C ",
      stars: "4",
      date: "2026-10-01",
      text: "Fine\u200B tool\u2066",
      reply: "\u2067Thanks",
    });
    expect([row.author, row.text, row.reply]).toEqual(["nnA", "Fine tool", "Thanks"]);
    expect(importRowSchema.safeParse({ author: "\u202E\u200B", stars: "4", date: "2026-10-01" }).success).toBe(false);
  });

  it("reads import rows from CSV text", () => {
    expect(
      importRowSchema.parse({
        id: "",
        author: "Ann",
        stars: "5",
        date: "2026-10-01",
        text: "Great",
        reply: "",
        upvotes: "3",
      }),
    ).toEqual({
      id: null,
      author: "Ann",
      stars: 5,
      date: new Date("2026-10-01T00:00:00Z"),
      text: "Great",
      reply: null,
      upvotes: 3,
    });
    expect(
      importRowSchema.safeParse({ author: "Ann", stars: "4.5", date: "x" }).error?.issues.map((i) => i.message),
    ).toEqual(["Stars must be a whole number from 1 to 5", "The date must look like 2026-11-28"]);
  });
});

describe("formatReplyTime", () => {
  it.each([
    [null, "—"],
    [30_000, "1 min"],
    [20 * 60_000, "20 min"],
    [5 * 3_600_000, "5 h"],
    [60 * 3_600_000, "2.5 days"],
  ])("%s ms → %s", (ms, text) => expect(formatReplyTime(ms)).toBe(text));
});
