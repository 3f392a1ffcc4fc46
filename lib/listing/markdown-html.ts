import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toHast } from "mdast-util-to-hast";
import { ALLOWED_ELEMENTS } from "./markdown";

/**
 * The HTML Developer Hub's rich-text fields take when pasted: the same subset the Marketplace
 * renders (paragraphs, bold, italic, lists, links), sanitized; raw HTML in the text is dropped.
 */
export function htmlOfMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  const tree = toHast(fromMarkdown(markdown));
  const clean = sanitize(tree, {
    tagNames: [...ALLOWED_ELEMENTS],
    attributes: { a: ["href"] },
    protocols: { href: ["http", "https", "mailto"] },
    strip: ["script", "style"],
  });
  return toHtml(clean);
}
