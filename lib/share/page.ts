import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SHARE_PAGE_CSP } from "@/lib/http/csp";
import { takeRateLimit } from "@/lib/http/rate-limit";
import { publicRating } from "@/lib/sync/ratings";
import type { PublicRating } from "@/lib/sync/types";
import { lookUpShareLink } from "./lookup";
import { loadSharedPreview } from "./service";
import type { SharedPreview } from "./types";
import { SHARE_HEADERS, shareBusyResponse, shareStatusResponse, type ShareResponse } from "./status-page";
import { countShareView } from "./views";

/**
 * The page of `/p/<token>`, from URL to bytes: the client's rate limit; one query that says whether
 * the link works and what it shows (lib/share/lookup.ts); the page's bytes from memory under that
 * key, or rendered once (components/share/share-document.tsx); the view counted; 304 when the browser has it.
 * A key that changes (an edit, a sync) simply misses: no instance ever needs to be told.
 */
type Page = { body: Uint8Array; etag: string; bytes: number };

const MAX_BYTES = 64 * 1024 * 1024;
type CacheState = { pages: Map<string, Page>; bytes: number; pending: Map<string, Promise<Page | null>> };
const cache: CacheState = ((globalThis as unknown as { __sharePages?: CacheState }).__sharePages ??= {
  pages: new Map(),
  bytes: 0,
  pending: new Map(),
});

function remember(key: string, page: Page) {
  cache.pages.set(key, page);
  cache.bytes += page.bytes;
  // Least recently used first out, within a memory budget.
  for (const [old, p] of cache.pages) {
    if (cache.bytes <= MAX_BYTES) break;
    cache.pages.delete(old);
    cache.bytes -= p.bytes;
  }
}

/** The version of the share page's script and styles (a hash of their bytes), for their URLs. */
let assets: string | undefined;
function assetsVersion() {
  if (assets) return assets;
  const hash = createHash("sha256");
  for (const file of ["share-page.js", "share.css"]) {
    try {
      hash.update(readFileSync(join(process.cwd(), "public", file)));
    } catch {
      hash.update(file);
    }
  }
  return (assets = hash.digest("base64url").slice(0, 10));
}

/**
 * components/share/share-document.tsx, as scripts/share-build.ts compiled it: App Router code runs
 * on React's server-components build, which cannot render HTML, so the renderer is a plain Node
 * module loaded at run time, with React from node_modules.
 */
type Renderer = { renderSharePage(preview: SharedPreview, rating: PublicRating | null, assetsVersion: string): string };
let renderer: Renderer | undefined;
function shareRenderer(): Renderer {
  if (renderer) return renderer;
  const file = join(process.cwd(), ".share", "render.cjs");
  try {
    return (renderer = createRequire(join(process.cwd(), "package.json"))(file) as Renderer);
  } catch (error) {
    throw new Error(
      `The share page renderer ${file} is missing or broken: run npm run build (${(error as Error).message})`,
    );
  }
}

async function render(hash: string): Promise<Page | null> {
  const preview = await loadSharedPreview(hash);
  if (!preview) return null;
  const body = new TextEncoder().encode(
    shareRenderer().renderSharePage(preview, await publicRating(preview.appId), assetsVersion()),
  );
  return {
    body,
    bytes: body.byteLength,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
  };
}

/** The page under its key: from memory, or rendered once however many visitors ask at the same time. */
async function pageFor(hash: string, key: string): Promise<Page | null> {
  const cached = cache.pages.get(key);
  if (cached) {
    cache.pages.delete(key);
    cache.pages.set(key, cached);
    return cached;
  }
  let pending = cache.pending.get(key);
  if (!pending) {
    pending = render(hash).then((page) => {
      if (page) remember(key, page);
      return page;
    });
    cache.pending.set(key, pending);
    void pending.finally(() => cache.pending.delete(key)).catch(() => {});
  }
  return pending;
}

export type SharePageRequest = { token: string; method: "GET" | "HEAD"; ifNoneMatch: string | null; client: string };

export async function sharePage(req: SharePageRequest): Promise<ShareResponse> {
  const allowed = await takeRateLimit("share", req.client);
  if (!allowed.ok) return shareBusyResponse(allowed.retryAfterSeconds);
  const link = lookUpShareLink(req.token);
  if (link.status !== "live") return shareStatusResponse(link.status === "gone" ? 410 : 404);
  const page = await pageFor(link.hash, link.key);
  // Revoked between the lookup and the render.
  if (!page) return shareStatusResponse(410);
  if (req.method === "GET") countShareView(link.linkId);
  const headers = {
    ...SHARE_HEADERS,
    "content-security-policy": SHARE_PAGE_CSP,
    etag: page.etag,
    "content-type": "text/html; charset=utf-8",
  };
  if (req.ifNoneMatch === page.etag) return { status: 304, headers };
  // Its length, known ahead: the server sends the page in one piece rather than chunked.
  return {
    status: 200,
    headers: { ...headers, "content-length": String(page.bytes) },
    body: req.method === "HEAD" ? undefined : page.body,
  };
}
