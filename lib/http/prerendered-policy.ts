import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prerenderedPageCsp } from "./csp";
import { buildAppDir, PRERENDERED_PAGES, prerenderedScriptHashes } from "./static-pages";

/**
 * Prerendered pages that the proxy never sees (the landing page): the same bytes for everyone, served
 * as fast as a file. Their Content-Security-Policy is worked out from the HTML the build wrote (the
 * SHA-256 of each inline script) and stored in the page's `.meta` beside it, whose headers Next.js
 * sends with the page. The build writes it (`npm run build`); a server started with other Pipedrive
 * origins than the build's rewrites it once at start (instrumentation.ts), before it serves.
 */
export const BUILT_POLICY_PAGES = ["/"] as const;

type Meta = { headers?: Record<string, string> } & Record<string, unknown>;

/**
 * Writes each page's policy into its `.meta` where it is missing or differs; answers the paths
 * written. A page the build did not prerender (development) is left alone.
 */
export function writePrerenderedPolicies(
  origins: { oauthOrigin: string; apiOrigin: string },
  appDir = buildAppDir(),
): string[] {
  const written: string[] = [];
  for (const path of BUILT_POLICY_PAGES) {
    const hashes = prerenderedScriptHashes(path, appDir);
    if (!hashes) continue;
    const metaFile = join(appDir, PRERENDERED_PAGES[path]!.replace(/\.html$/, ".meta"));
    let meta: Meta;
    try {
      meta = JSON.parse(readFileSync(metaFile, "utf8")) as Meta;
    } catch {
      continue;
    }
    const policy = prerenderedPageCsp(hashes, origins);
    if (meta.headers?.["content-security-policy"] === policy) continue;
    meta.headers = { ...meta.headers, "content-security-policy": policy };
    // Whole or not at all: another instance may be reading it.
    const temporary = `${metaFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(meta));
    renameSync(temporary, metaFile);
    written.push(path);
  }
  return written;
}
