import { describe, expect, it } from "vitest";
import { changedFields, FIELDS } from "./fields";
import { listingDraftSchema } from "./schema";

describe("listing fields", () => {
  it("describes every field of the schema", () => {
    expect(Object.keys(FIELDS).sort()).toEqual(Object.keys(listingDraftSchema.shape).sort());
  });

  it("marks exactly Pipedrive's critical fields", () => {
    const critical = Object.entries(FIELDS)
      .filter(([, f]) => f.critical)
      .map(([k]) => k);
    expect(critical.sort()).toEqual(["callbackUrl", "categories", "features", "installationUrl", "scopes"]);
  });

  it("lists the fields that differ, in form order", () => {
    const a = listingDraftSchema.parse({ appName: "A", callbackUrl: "https://a.example.com", summary: "x" });
    const b = { ...a, summary: "y", appName: "B", scopes: [...a.scopes, { id: "deals:read", justification: "" }] };
    expect(changedFields(a, b)).toEqual(["appName", "scopes", "summary"]);
  });
});
