import { describe, expect, it } from "vitest";
import { safeHref, visibleLength } from "./markdown";
import { htmlOfMarkdown } from "./markdown-html";

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
  it.each([
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>",
    "/relative",
    "vbscript:x",
    "",
    null,
  ])("drops %s", (href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});

describe("htmlOfMarkdown", () => {
  it("gives the Marketplace's subset as HTML, for pasting into a rich-text field", () => {
    expect(htmlOfMarkdown("Intro with **bold** and *italic*.\n\n- One\n- Two [site](https://a.example.com)")).toBe(
      '<p>Intro with <strong>bold</strong> and <em>italic</em>.</p>\n<ul>\n<li>One</li>\n<li>Two <a href="https://a.example.com">site</a></li>\n</ul>',
    );
  });
  it("drops scripts, unsafe links and raw HTML", () => {
    const html = htmlOfMarkdown(
      "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n# Title",
    );
    expect(html).not.toMatch(/script|javascript|onerror|<img|<h1/);
    expect(html).toContain("<a>x</a>");
  });
});
