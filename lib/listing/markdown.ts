import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";

/**
 * The rich text of a listing (full description, setup instructions) is a Markdown subset:
 * paragraphs, bold, italic, bullet and numbered lists, links — what the Marketplace renders.
 * Raw HTML is never rendered: it stays visible text.
 */
export const ALLOWED_ELEMENTS = ["p", "strong", "em", "ul", "ol", "li", "a", "br"] as const;

export const LINK_REL = "noopener nofollow ugc";

/** Only web and mail links survive; anything else (javascript:, data:, relative) is dropped. */
export function safeHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const value = href.trim();
  if (!URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:" || protocol === "mailto:" ? value : undefined;
}

/** Characters a reader sees: Markdown syntax and link targets do not count. */
export function visibleLength(markdown: string): number {
  if (!markdown.trim()) return 0;
  const tree = fromMarkdown(markdown);
  // Blocks are separated by a newline on screen; count their text plus one separator each.
  const blocks = tree.children.map((node) => toString(node, { includeHtml: true }));
  return blocks.reduce((sum, text) => sum + [...text].length, 0) + Math.max(0, blocks.length - 1);
}

/** The words of a Markdown text, one line per paragraph, heading or list item (link targets left out). */
export function plainOfMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  const lines: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "paragraph" || node.type === "heading")
      return void lines.push(toString(node as Parameters<typeof toString>[0], { includeHtml: true }));
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(fromMarkdown(markdown));
  return lines.join("\n");
}
