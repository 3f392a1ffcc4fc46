import { describe, expect, it } from "vitest";
import { commentSchema } from "./schema";

describe("a share-link comment", () => {
  it("keeps the visitor's name and words without hidden characters", () => {
    expect(
      commentSchema.parse({ name: "\u202Eevil\u202C Sam\u200B ", body: " Looks\u2066 good\n", section: "description" }),
    ).toEqual({ name: "evil Sam", body: "Looks good", section: "description" });
  });

  it("says a name of hidden characters only is no name", () => {
    expect(
      commentSchema.safeParse({ name: "\u202E\u200B", body: "Hi", section: "description" }).error?.issues[0]?.message,
    ).toBe("Enter your name");
  });
});
