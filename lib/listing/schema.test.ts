import { describe, expect, it } from "vitest";
import {
  draftOf,
  emptyListing,
  listingDraftSchema,
  listingRulesSchema,
  storableDraft,
  submissionProblems,
} from "./schema";
import { problemsOf } from "@/lib/errors";

const base = { appName: "QuoteFlow", callbackUrl: "https://quoteflow.example.com/oauth/callback" };

const draftProblems = (input: unknown) => {
  const result = listingRulesSchema.safeParse(input);
  return result.success ? {} : problemsOf(result.error);
};

describe("what a draft stores", () => {
  it("keeps what was typed, valid or not", () => {
    const typed = {
      appName: "",
      callbackUrl: "https://half",
      summary: "x".repeat(200),
      websiteUrl: "www.example",
      supportEmail: "help@",
      videoUrl: "https://vimeo.com/1",
      features: [{ id: "f1", type: "custom_panel", name: "", description: "" }],
    };
    const draft = listingDraftSchema.parse(typed);
    expect(draft).toMatchObject(typed);
    expect(Object.keys(submissionProblems(draft))).toEqual(
      expect.arrayContaining([
        "appName",
        "callbackUrl",
        "summary",
        "websiteUrl",
        "supportEmail",
        "videoUrl",
        "features.0.name",
      ]),
    );
  });

  it("bounds storage only: text a few times its limit, at most 5 images", () => {
    const result = listingDraftSchema.safeParse({
      ...base,
      summary: "x".repeat(601),
      images: Array.from({ length: 6 }, (_, i) => ({ assetId: `asset${i}`.padEnd(24, "0"), alt: "" })),
    });
    expect(problemsOf(result.error!)).toEqual({
      summary: "Short summary is too long to keep: at most 600 characters are saved",
      images: "At most 5 listing images",
    });
  });

  it("stores every field that fits and keeps the stored value of one that does not", () => {
    const previous = listingDraftSchema.parse({ ...base, summary: "Before", images: [] });
    const six = Array.from({ length: 6 }, (_, i) => ({ assetId: `asset${i}`.padEnd(24, "0"), alt: "" }));
    const result = storableDraft(
      { ...base, summary: "After", videoUrl: "https://youtu.be/dQw4w9WgXcQ", images: six },
      previous,
    );
    expect(result?.data.summary).toBe("After");
    expect(result?.data.videoUrl).toBe("https://youtu.be/dQw4w9WgXcQ");
    expect(result?.data.images).toEqual([]);
    expect(result?.skipped).toEqual({ images: "At most 5 listing images" });
    expect(storableDraft("not a listing", previous)).toBeNull();
    expect(storableDraft({ ...base, sneaky: 1 }, previous)).toBeNull();
  });

  it("reads anything the editor holds as a draft, without throwing", () => {
    expect(draftOf(null).appName).toBe("");
    expect(draftOf({ appName: 42, summary: "Kept", other: true })).toMatchObject({ appName: "", summary: "Kept" });
  });
});

describe("Pipedrive's rules", () => {
  it("pass a draft with only the app name and the callback URL, always with the base scope", () => {
    const draft = listingRulesSchema.parse(base);
    expect(draft.scopes).toEqual([{ id: "base", justification: "" }]);
    expect(draft.images).toEqual([]);
    expect(draft.description).toBe("");
  });

  it("requires the app name and the callback URL", () => {
    expect(draftProblems({ appName: " ", callbackUrl: "" })).toEqual({
      appName: "App name is required",
      callbackUrl: "Callback URL is required",
    });
  });

  it("enforces Pipedrive's limits with the field's name", () => {
    const problems = draftProblems({
      ...base,
      summary: "x".repeat(151),
      description: "y".repeat(1501),
      useCase: "z".repeat(351),
      features: [{ id: "f1", type: "custom_panel", name: "n".repeat(31), description: "d".repeat(151) }],
    });
    expect(problems).toMatchObject({
      summary: "Short summary must be at most 150 characters",
      description: "Full description must be at most 1500 characters",
      useCase: "Use case must be at most 350 characters",
      "features.0.name": "Name must be at most 30 characters",
      "features.0.description": "Description must be at most 150 characters",
    });
  });

  it("counts visible characters for rich text: Markdown syntax does not use up the limit", () => {
    const text = `**${"a".repeat(1490)}**`;
    expect(draftProblems({ ...base, description: text })).toEqual({});
  });

  it("accept any YouTube link and reject other video hosts", () => {
    expect(draftProblems({ ...base, videoUrl: "https://youtu.be/dQw4w9WgXcQ?t=3" })).toEqual({});
    expect(draftProblems({ ...base, videoUrl: "https://vimeo.com/1" })).toEqual({
      videoUrl: "Only YouTube videos can be shown: paste a youtube.com or youtu.be link",
    });
  });

  it("rejects malformed URLs and emails, unknown scopes, unusable category names, and too many images", () => {
    const problems = draftProblems({
      ...base,
      websiteUrl: "javascript:alert(1)",
      supportEmail: "not-an-email",
      scopes: [{ id: "deals:everything", justification: "" }],
      categories: ["x".repeat(61)],
      images: Array.from({ length: 6 }, (_, i) => ({ assetId: `asset${i}`.padEnd(24, "0"), alt: "" })),
    });
    expect(problems).toMatchObject({
      websiteUrl: "Website URL must be a full URL starting with https://",
      supportEmail: "Support email must be an email address",
      "scopes.0.id": "Unknown scope",
      "categories.0": "A category name must be at most 60 characters",
      images: "At most 5 listing images",
    });
  });

  it("takes a category by the exact name Developer Hub shows, the known ones in their own spelling, each once", () => {
    const read = (categories: unknown) => listingRulesSchema.safeParse({ ...base, categories });
    expect(read(["  Task   and workflow MANAGEMENT ", "Field Service Tools"]).data?.categories).toEqual([
      "Task and workflow management",
      "Field Service Tools",
    ]);
    expect(problemsOf(read(["Field service tools", "field service TOOLS"]).error!)).toEqual({
      categories: "A category is listed twice",
    });
    expect(problemsOf(read([" "]).error!)).toEqual({ "categories.0": "A category name cannot be empty" });
    expect(problemsOf(read(["<b>Bold</b>"]).error!)).toEqual({
      "categories.0": "A category name cannot contain < or >",
    });
    expect(problemsOf(read([1]).error!)).toEqual({ "categories.0": "A category must be text" });
  });

  it("rejects unknown fields and wrong types with field-level messages", () => {
    const problems = draftProblems({ ...base, summary: 42, sneaky: true });
    expect(problems.summary).toBe("Short summary must be text");
    expect(problems._).toBe("Unknown field: sneaky");
  });

  it("stores markup as plain text", () => {
    const payload = '<script>alert(1)</script><img src=x onerror="alert(1)">';
    expect(listingRulesSchema.parse({ ...base, summary: payload.slice(0, 150) }).summary).toBe(payload.slice(0, 150));
  });
});

describe("submission level", () => {
  it("lists none of the Marketplace listing's fields for a private app", () => {
    expect(submissionProblems(emptyListing("A", "https://a.example.com/cb"), "PRIVATE")).toEqual({});
    expect(
      submissionProblems({ ...emptyListing("A", "https://a.example.com/cb"), callbackUrl: "nope" }, "PRIVATE"),
    ).toEqual({
      callbackUrl: "Callback URL must be a full URL starting with https://",
    });
  });

  it("lists every required field missing from a bare draft", () => {
    expect(Object.keys(submissionProblems(emptyListing("A", "https://a.example.com/cb"))).sort()).toEqual(
      [
        "categories",
        "contactEmail",
        "description",
        "iconAssetId",
        "images",
        "pricingUrl",
        "privacyUrl",
        "setupInstructions",
        "summary",
        "termsUrl",
        "websiteUrl",
      ].sort(),
    );
  });
});
