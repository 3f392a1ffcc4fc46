/**
 * A small self-contained HTML page for public answers outside the app's layout (share links
 * that do not work, install gateway outcomes): plain, fast, and nothing to leak.
 */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = [
  "body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;",
  "place-items:center;min-height:100vh}",
  "main{max-width:32rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:1rem}",
  "h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#475569;line-height:1.5;margin:0 0 1rem}a{color:#015c2b}",
].join("");

/** The document around a public page's `<main>`: no script, not indexed, `style` after the shared one. */
export function htmlDocument(title: string, main: string, style = "", titleSuffix = " · Listing Studio"): string {
  const head = [
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}${titleSuffix}</title><style>${STYLE}${style}</style>`,
  ].join("");
  return `<!doctype html><html lang="en"><head>${head}</head><body><main>${main}</main></body></html>`;
}

export function plainPage(title: string, body: string, link: { href: string; text: string } | null): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return htmlDocument(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(body)}</p>${action}`);
}
