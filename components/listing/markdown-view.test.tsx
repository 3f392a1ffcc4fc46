import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "./markdown-view";

const html = (source: string) => renderToStaticMarkup(<MarkdownView source={source} />);

describe("MarkdownView", () => {
  it("renders the Marketplace subset", () => {
    const out = html(
      "Intro with **bold** and _italic_.\n\n- one\n- two\n\n1. first\n2. second\n\n[Docs](https://docs.example.com)",
    );
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toContain("<em>italic</em>");
    expect(out).toContain("<ul");
    expect(out).toContain("<ol");
    expect(out).toContain('<a href="https://docs.example.com" rel="noopener nofollow ugc" target="_blank"');
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "![img](https://evil.test/x.png)",
    "# Heading\n\n```js\ncode\n```",
    "<iframe src=https://evil.test></iframe>",
  ])("never emits script, handlers, javascript: URLs or other elements for %s", (source) => {
    const out = html(source);
    expect(out).not.toMatch(/<script|<img|<iframe|<h1|<pre|<code/i);
    expect(out).not.toMatch(/\son\w+=/i);
    expect(out).not.toMatch(/javascript:/i);
  });
});
