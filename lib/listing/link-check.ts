import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export type LinkCheckOutcome = { ok: boolean; status: number | null; error: string | null };

type Options = {
  timeoutMs?: number;
  /** Tests and local development check links on this machine; production refuses private addresses. */
  allowPrivate?: boolean;
  maxRedirects?: number;
};

const USER_AGENT = "ListingStudio-LinkCheck/1.0 (+https://listing-studio.example/link-check)";

/** Loopback, private, link-local, CGNAT, multicast and reserved ranges: never fetched for a partner's URL. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 6) {
    const a = address.toLowerCase();
    if (a.startsWith("::ffff:")) return isPrivateAddress(a.slice(7));
    return a === "::" || a === "::1" || a.startsWith("fc") || a.startsWith("fd") || a.startsWith("fe8") || a.startsWith("fe9") || a.startsWith("fea") || a.startsWith("feb") || a.startsWith("ff");
  }
  const [a, b] = address.split(".").map(Number) as [number, number];
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
}

async function assertPublic(url: URL) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new Error("points to a private address");
}

/**
 * Whether a listing link answers 2xx: HEAD first (GET when a server refuses HEAD), redirects
 * followed by hand (each hop checked), one timeout for the whole check.
 */
export async function checkLink(raw: string, { timeoutMs = 5_000, allowPrivate = false, maxRedirects = 5 }: Options = {}): Promise<LinkCheckOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let url = new URL(raw);
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, status: null, error: "not a web address" };
      if (!allowPrivate) await assertPublic(url);
      const request = (method: string) => fetch(url, { method, redirect: "manual", signal, headers: { "user-agent": USER_AGENT, accept: "text/html,*/*" } });
      let res = await request("HEAD");
      if (res.status === 405 || res.status === 501 || res.status === 403) {
        await res.body?.cancel();
        res = await request("GET");
      }
      await res.body?.cancel();
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      return { ok: res.status >= 200 && res.status < 300, status: res.status, error: null };
    }
    return { ok: false, status: null, error: "too many redirects" };
  } catch (error) {
    if (signal.aborted) return { ok: false, status: null, error: `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}` };
    const message = error instanceof Error ? error.message : String(error);
    const code = String((error as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (error as { code?: unknown }).code ?? "");
    if (/private address/.test(message)) return { ok: false, status: null, error: "points to a private address" };
    if (/ENOTFOUND|EAI_AGAIN/.test(code + message)) return { ok: false, status: null, error: "the domain does not resolve" };
    return { ok: false, status: null, error: "the connection failed" };
  }
}
