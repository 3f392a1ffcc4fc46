/**
 * Addresses as a listing page writes them, made comparable: relative to the page, wrapped by an image
 * optimizer (next/image, Cloudflare), offered in several sizes, or pointing at a YouTube video in any
 * of its forms. The Marketplace allows one video per listing and only from YouTube, so a video is a
 * YouTube id or nothing.
 */

/** An absolute http(s) address, or null for anything else (data:, javascript:, garbage). */
export function absolute(raw: string, base: string): string | null {
  const text = raw.trim();
  if (!text || /^(data|blob|javascript|about|mailto|tel):/i.test(text)) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The original picture behind an image optimizer's address: `/_next/image?url=<encoded>&w=…` (under any
 * asset prefix) or `/cdn-cgi/image/<options>/<address>`; other addresses as they are.
 */
export function unwrapImage(href: string, base: string): string {
  try {
    const url = new URL(href);
    if (/\/_next\/image\/?$/.test(url.pathname)) {
      const inner = url.searchParams.get("url");
      if (inner) return absolute(inner, base) ?? href;
    }
    const cdn = /\/cdn-cgi\/image\/[^/]*\/(.+)$/.exec(url.pathname);
    if (cdn) return absolute(decodeURIComponent(cdn[1]!), url.origin + "/") ?? href;
  } catch {
    // Not an address: left as it is.
  }
  return href;
}

/** An image address on the page, absolute and unwrapped. */
export function imageUrl(raw: string, base: string): string | null {
  const href = absolute(raw, base);
  return href ? unwrapImage(href, base) : null;
}

/** The largest candidate of a srcset ("a.png 640w, b.png 1280w" or "a.png 1x, b.png 2x"). */
export function largestInSrcset(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  // Candidates are separated by commas followed by space; a URL may itself hold commas (next/image does not).
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = "1x"] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = parseFloat(descriptor) * (/x$/i.test(descriptor) ? 1000 : 1);
    if (!best || (Number.isFinite(size) && size > best.size)) best = { url, size: Number.isFinite(size) ? size : 0 };
  }
  return best?.url ?? null;
}

/** Pixels of a size label ("1280x800", "2880×1800", "640w", "large"); null when it is not one. */
export function sizeOfLabel(label: string): number | null {
  const dims = /^(\d{2,5})\s*[x×]\s*(\d{2,5})$/i.exec(label.trim());
  if (dims) return Number(dims[1]) * Number(dims[2]);
  const width = /^(?:w|width_?)?(\d{2,5})(?:w|px)?$/i.exec(label.trim());
  if (width) return Number(width[1]) ** 2 * 0.625;
  const named = ["thumb", "thumbnail", "tiny", "xs", "small", "sm", "medium", "md", "regular", "large", "lg", "xl"];
  const rank = named.indexOf(label.toLowerCase());
  if (rank >= 0) return rank + 1;
  if (/^(full|original|orig|hd|max|xxl|2x|retina|source)$/i.test(label)) return Number.MAX_SAFE_INTEGER;
  return null;
}

const SIZE_PARAMS = /^(w|h|width|height|q|quality|fit|auto|dpr|fm|format|crop|size|resize)$/i;

/**
 * What makes two addresses the same picture: the original behind an optimizer, without size
 * parameters, and with a size written in the path ("…/a1/1280x800.png" and "…/a1/640x400.png") left out.
 */
export function pictureKey(href: string): string {
  try {
    const url = new URL(href);
    for (const key of [...url.searchParams.keys()]) if (SIZE_PARAMS.test(key)) url.searchParams.delete(key);
    url.pathname = url.pathname.replace(/\d{2,5}[x×]\d{2,5}/gi, "#");
    url.hash = "";
    return url.href.toLowerCase();
  } catch {
    return href.toLowerCase();
  }
}

/** The size a path states ("…/a1/2880x1800.png"), in pixels; 0 when it states none. */
const pathSize = (href: string) => {
  const m = /(\d{2,5})[x×](\d{2,5})/i.exec(href);
  return m ? Number(m[1]) * Number(m[2]) : 0;
};

/** The addresses in order, one per picture: where one is offered at several sizes, the largest. */
export function uniquePictures(urls: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const u of urls) {
    const key = pictureKey(u);
    const known = byKey.get(key);
    if (known === undefined || pathSize(u) > pathSize(known)) byKey.set(key, u);
  }
  return [...byKey.values()];
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/** The video id in a YouTube address (watch, youtu.be, embed, nocookie, shorts, live, /v/, a thumbnail). */
export function youtubeIdOf(raw: string): string | null {
  const text = raw.trim().replace(/^\/\//, "https://");
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|music)\./, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.split("/")[1] ?? null;
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    const path = /^\/(?:embed|shorts|v|e|live)\/([^/?#]+)/.exec(url.pathname);
    id = path ? path[1]! : url.pathname === "/watch" ? url.searchParams.get("v") : null;
  } else if (/^i\d?\.ytimg\.com$|^img\.youtube\.com$/.test(host))
    id = /^\/vi(?:_webp)?\/([^/]+)\//.exec(url.pathname)?.[1] ?? null;
  // An embedded playlist ("embed/videoseries?list=…") is not one video.
  return id && YOUTUBE_ID.test(id) && id !== "videoseries" ? id : null;
}

export const isYoutubeThumbnail = (href: string) => /^https?:\/\/(i\d?\.ytimg\.com|img\.youtube\.com)\//i.test(href);

/**
 * The listing's video as one address: an embed stays an embed (the form the partner gave), every
 * other form becomes the watch page, so the same video is the same address whichever form the page used.
 */
export function youtubeUrl(raw: string, { bareId = false } = {}): string | null {
  const text = raw.trim();
  const id = bareId && YOUTUBE_ID.test(text) ? text : youtubeIdOf(text);
  if (!id) return null;
  return /youtube(-nocookie)?\.com\/embed\//i.test(text)
    ? `https://www.youtube.com/embed/${id}`
    : `https://www.youtube.com/watch?v=${id}`;
}
