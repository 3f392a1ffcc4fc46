import { NO_SCRIPT_CSP } from "@/lib/http/csp";
import { plainPage } from "@/lib/http/html-page";
import { plural } from "@/lib/text/words";

/**
 * The small self-contained pages a share link answers when it does not exist (404), no longer
 * works (410) or a comment could not be stored. Plain HTML: they cost nothing and leak nothing.
 */
const TEXT = {
  404: {
    title: "This preview link does not exist",
    body: "Check that you copied the whole link. If it came from a partner, ask them for a new one.",
  },
  410: {
    title: "This preview link no longer works",
    body: "The link was revoked or has expired. Ask the person who shared it for a new link.",
  },
} as const;

export const SHARE_HEADERS = {
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-cache",
  "content-security-policy": NO_SCRIPT_CSP,
} as const;

/** A framework-neutral answer (the share route adapts it to its framework). */
export type ShareResponse = { status: number; headers: Record<string, string>; body?: Uint8Array | string };

function page(
  status: number,
  title: string,
  body: string,
  link: { href: string; text: string },
  extra: Record<string, string> = {},
): ShareResponse {
  return {
    status,
    headers: { ...SHARE_HEADERS, ...extra, "content-type": "text/html; charset=utf-8" },
    body: plainPage(title, body, link),
  };
}

export function shareStatusResponse(status: 404 | 410): ShareResponse {
  const { title, body } = TEXT[status];
  return page(status, title, body, { href: "/", text: "About Listing Studio" });
}

/** Too many requests from one address: when to come back. */
export function shareBusyResponse(retryAfterSeconds: number): ShareResponse {
  return page(
    429,
    "Too many requests",
    `This address has opened preview pages very often in a short time. Please try again in ${plural(retryAfterSeconds, "second", "seconds")}.`,
    { href: "", text: "Reload the preview" },
    { "retry-after": String(retryAfterSeconds) },
  );
}

/** A comment that could not be stored: what went wrong and the way back to the form. */
export function commentProblemPage(status: number, message: string, extra: Record<string, string> = {}): ShareResponse {
  return page(
    status,
    "Your comment was not sent",
    message,
    { href: "?#comment-form", text: "Back to the preview" },
    extra,
  );
}
