import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The pages built ahead of time, the same HTML for everyone (so they cost no more to serve
 * than a file): the landing and sign-in pages. Every other page renders per request with a
 * nonce. Their policy lists the SHA-256 of each inline script of the HTML the build wrote,
 * read once per process; where there is no such file (development renders every page per
 * request) the page gets the nonce policy instead.
 */
export const PRERENDERED_PAGES: Readonly<Record<string, string>> = { "/": "index.html", "/signin": "signin.html" };

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** Base64 SHA-256 of each inline script's text, in order, each once (as a CSP hash-source wants it). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT))
    if (match[1]) hashes.add(createHash("sha256").update(match[1], "utf8").digest("base64"));
  return [...hashes];
}

const cache = new Map<string, string[] | null>();

/** Where `next build` writes the app's prerendered pages. */
export const buildAppDir = () => join(/*turbopackIgnore: true*/ process.cwd(), ".next", "server", "app");

/** The hashes of the prerendered page at `pathname`, or null when it is not one (or was not built). */
export function prerenderedScriptHashes(pathname: string, appDir = buildAppDir()): string[] | null {
  const file = PRERENDERED_PAGES[pathname];
  if (!file) return null;
  const key = `${appDir}:${file}`;
  if (!cache.has(key)) {
    let hashes: string[] | null = null;
    try {
      hashes = inlineScriptHashes(readFileSync(join(/*turbopackIgnore: true*/ appDir, file), "utf8"));
    } catch {
      hashes = null;
    }
    cache.set(key, hashes);
  }
  return cache.get(key)!;
}
