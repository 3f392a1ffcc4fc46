import { NO_SCRIPT_CSP } from "@/lib/http/csp";

/** Headers of every public outreach answer: no caching, no referrer, not indexed, no script. */
export const PUBLIC_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow",
  "content-security-policy": NO_SCRIPT_CSP,
} as const;

export const htmlAnswer = (page: { status: number; html: string }) =>
  new Response(page.html, {
    status: page.status,
    headers: { ...PUBLIC_HEADERS, "content-type": "text/html; charset=utf-8" },
  });
