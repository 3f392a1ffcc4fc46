import fc from "fast-check";
import { load } from "cheerio";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ALLOWED_ELEMENTS } from "@/lib/listing/markdown";
import { MarkdownView } from "./markdown-view";

/**
 * Whatever a partner (or an attacker) types into a rich-text field, the rendered HTML holds only
 * the Marketplace subset: no script, no event handler, no link that is not http(s) or mailto.
 */
const pieces = fc.constantFrom(
  "<script>alert(1)</script>",
  "<SCRIPT src=//x.test/a.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  "<style>*{}</style>",
  "<div onclick='x()'>",
  "javascript:alert(1)",
  "[a](javascript:alert(1))",
  "[a](JaVaScRiPt:alert(1))",
  "[a]( javascript:alert(1))",
  "[a](java\tscript:alert(1))",
  "[a](data:text/html,<script>x</script>)",
  "[a](vbscript:msgbox)",
  "[a](https://ok.example.com)",
  "[a](mailto:x@example.com)",
  "![i](javascript:x)",
  "<https://auto.example.com>",
  "<javascript:alert(1)>",
  "[r]: javascript:alert(1)\n\n[x][r]",
  "**b**",
  "_i_",
  "- li",
  "1. li",
  "> quote",
  "`code`",
  "```\ncode\n```",
  "# h",
  "---",
  "&lt;script&gt;",
  "&#106;avascript:",
  "\n\n",
  " ",
  "\\",
  "<",
  ">",
  '"',
  "'",
  "=",
);
const source = fc
  .array(fc.oneof(pieces, fc.string(), fc.string({ unit: "grapheme", maxLength: 20 })), { maxLength: 25 })
  .map((parts) => parts.join(""));

/** Every element of a fragment with its attributes, as a browser's parser would see them. */
function elements(html: string) {
  const $ = load(html, null, false);
  return $("*")
    .toArray()
    .map((node) => node as unknown as { tagName: string; attribs: Record<string, string> })
    .map((el) => ({ name: el.tagName.toLowerCase(), attribs: el.attribs }));
}

describe("MarkdownView (property)", () => {
  it("never emits script, event handlers, or links other than http(s) and mailto", () => {
    fc.assert(
      fc.property(source, (markdown) => {
        const html = renderToStaticMarkup(<MarkdownView source={markdown} />);
        for (const el of elements(html)) {
          expect(["div", ...ALLOWED_ELEMENTS, "span"]).toContain(el.name);
          for (const [name, value] of Object.entries(el.attribs ?? {})) {
            expect(name).not.toMatch(/^on/i);
            expect(["href", "rel", "target", "class"]).toContain(name);
            if (name === "href") expect(new URL(String(value)).protocol).toMatch(/^(https?|mailto):$/);
          }
        }
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 400 },
    );
  });
});
