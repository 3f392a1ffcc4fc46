/**
 * The small self-contained pages a share link answers when it does not exist (404), no longer
 * works (410) or a comment could not be stored. Plain HTML: they cost nothing and leak nothing.
 */
const TEXT = {
  404: { title: "This preview link does not exist", body: "Check that you copied the whole link. If it came from a partner, ask them for a new one." },
  410: { title: "This preview link no longer works", body: "The link was revoked or has expired. Ask the person who shared it for a new link." },
} as const;

export const SHARE_HEADERS = {
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-cache",
} as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A framework-neutral answer (the share route adapts it to its framework). */
export type ShareResponse = { status: number; headers: Record<string, string>; body?: Uint8Array | string };

function page(status: number, title: string, body: string, link: { href: string; text: string }, extra: Record<string, string> = {}): ShareResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escape(title)} · Listing Studio</title><style>body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh}main{max-width:32rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:1rem}h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#475569;line-height:1.5;margin:0 0 1rem}a{color:#015c2b}</style></head><body><main><h1>${escape(title)}</h1><p role="alert">${escape(body)}</p><p><a href="${link.href}">${escape(link.text)}</a></p></main></body></html>`;
  return { status, headers: { ...SHARE_HEADERS, ...extra, "content-type": "text/html; charset=utf-8" }, body: html };
}

export function shareStatusResponse(status: 404 | 410): ShareResponse {
  const { title, body } = TEXT[status];
  return page(status, title, body, { href: "/", text: "About Listing Studio" });
}

/** A comment that could not be stored: what went wrong and the way back to the form. */
export function commentProblemPage(status: number, message: string, extra: Record<string, string> = {}): ShareResponse {
  return page(status, "Your comment was not sent", message, { href: "?#comment-form", text: "Back to the preview" }, extra);
}
