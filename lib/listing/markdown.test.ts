import { describe, expect, it } from "vitest";
import { safeHref, visibleLength } from "./markdown";

describe("visibleLength", () => {
  it("counts what a reader sees, not the Markdown syntax", () => {
    expect(visibleLength("**Bold** and _italic_")).toBe("Bold and italic".length);
    expect(visibleLength("[our docs](https://example.com/a/very/long/path)")).toBe("our docs".length);
    expect(visibleLength("- one\n- two")).toBe("one".length + "two".length);
  });
  it("counts a newline between blocks", () => {
    expect(visibleLength("First.\n\nSecond.")).toBe("First.".length + 1 + "Second.".length);
  });
  it("is zero for blank text", () => {
    expect(visibleLength("   \n\n ")).toBe(0);
  });
  it("counts raw HTML as the text it is shown as", () => {
    expect(visibleLength("<b>x</b>")).toBe("<b>x</b>".length);
  });
  it("counts emoji as one character each", () => {
    expect(visibleLength("🚀🚀")).toBe(2);
  });
});

describe("safeHref", () => {
  it.each([["https://a.test/x"], ["http://a.test"], ["mailto:hi@a.test"]])("keeps %s", (href) => {
    expect(safeHref(href)).toBe(href);
  });
  it.each(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>", "/relative", "vbscript:x", "", null])(
    "drops %s",
    (href) => {
      expect(safeHref(href)).toBeUndefined();
    },
  );
});
