import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The rendered HTML of share pages, kept in memory by token hash. A page is rendered once (by
 * an internal request to `/shared/<hash>`, the only way that page answers) and served from here
 * until the listing or the link changes; `dropSharePage` makes the next visit render again.
 */
/** The body is kept encoded, so serving it costs no re-encoding. */
type Page = { body: Uint8Array; etag: string };

export const SHARE_PAGE_SCRIPT = "/share-page.js";

/**
 * A share page as visitors get it: the app's rendered HTML without any of the framework's
 * scripts (nothing on it needs React), plus one small script file of its own for the video and
 * the lightbox. So the page loads almost no JavaScript, and its policy allows no inline script.
 */
export function staticSharePage(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b(?=[^>]*\bas="script")[^>]*>/gi, "")
    .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi, "")
    .replace("</head>", `<script src="${SHARE_PAGE_SCRIPT}" defer></script></head>`);
}

type CacheState = { pages: Map<string, Page>; pending: Map<string, Promise<Page | null>>; generation: Map<string, number>; key: string };
const state: CacheState = ((globalThis as unknown as { __sharePages?: CacheState }).__sharePages ??= {
  pages: new Map(),
  pending: new Map(),
  generation: new Map(),
  key: randomBytes(24).toString("base64url"),
});

const MAX_PAGES = 500;
export const RENDER_KEY_HEADER = "x-share-render-key";

/** The per-process key that lets the internal render through; nothing outside the process knows it. */
export const renderKey = () => state.key;

export function dropSharePage(hash: string) {
  state.pages.delete(hash);
  state.pending.delete(hash);
  state.generation.set(hash, (state.generation.get(hash) ?? 0) + 1);
}

/** This server itself, never an address taken from a request (the render key must not leave the process). */
function internalOrigin() {
  const { PORT, AUTH_URL } = env();
  return PORT ? `http://127.0.0.1:${PORT}` : new URL(AUTH_URL).origin;
}

async function render(hash: string): Promise<Page | null> {
  const res = await fetch(`${internalOrigin()}/shared/${hash}`, {
    headers: { [RENDER_KEY_HEADER]: state.key },
    cache: "no-store",
    redirect: "error",
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Rendering a share page answered ${res.status}`);
  const body = new TextEncoder().encode(staticSharePage(await res.text()));
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** The page of a live link; renders it when it is not cached (one render however many visitors wait). */
export async function sharePage(hash: string): Promise<Page | null> {
  const cached = state.pages.get(hash);
  if (cached) return cached;
  let pending = state.pending.get(hash);
  if (!pending) {
    const generation = state.generation.get(hash) ?? 0;
    pending = render(hash).then((page) => {
      // A change while this render was running makes its result outdated: do not keep it.
      if (page && (state.generation.get(hash) ?? 0) === generation) {
        if (state.pages.size >= MAX_PAGES) state.pages.delete(state.pages.keys().next().value!);
        state.pages.set(hash, page);
      }
      return page;
    });
    pending.finally(() => state.pending.get(hash) === pending && state.pending.delete(hash)).catch(() => {});
    state.pending.set(hash, pending);
  }
  return pending;
}
