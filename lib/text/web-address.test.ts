import { describe, expect, it } from "vitest";
import { isHttpUrl, looksLikeEmail } from "./web-address";

describe("web addresses", () => {
  it("accepts full http(s) URLs only", () => {
    expect(["https://a.example.com/x?y=1", "http://localhost:3000"].map(isHttpUrl)).toEqual([true, true]);
    expect(
      ["javascript:alert(1)", "www.example.com", "https://intranet", "ftp://a.example.com", "data:text/html,x"].map(
        isHttpUrl,
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it("takes one plain email address for a mailto link, nothing that adds headers", () => {
    expect(["help@quoteflow.example.com", "ana.o+app@exämple.de"].map(looksLikeEmail)).toEqual([true, true]);
    expect(
      ["help@", "x@y.z?bcc=all@e.com", "a@b.c", "a b@c.de", "<a@b.de>", "a@b.de,c@d.de"].map(looksLikeEmail),
    ).toEqual([false, false, false, false, false, false]);
  });
});
