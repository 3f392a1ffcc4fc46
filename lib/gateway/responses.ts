import { plainPage } from "@/lib/http/html-page";

const HTML = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
};

/** A page for the person installing: what happened, and a way on. */
export function gatewayPage(
  status: number,
  title: string,
  message: string,
  link: { href: string; text: string } | null = null,
  headers: HeadersInit = {},
) {
  const response = new Response(plainPage(title, message, link), { status, headers: HTML });
  new Headers(headers).forEach((value, name) => response.headers.append(name, value));
  return response;
}

export const MARKETPLACE_URL = "https://www.pipedrive.com/en/marketplace";
