import { NAME_KEYS, OTHER_APPS_KEY, resolve, type JsonApps } from "./content-json";
import {
  absolute,
  imageUrl,
  isYoutubeThumbnail,
  largestInSrcset,
  sizeOfLabel,
  uniquePictures,
  youtubeIdOf,
  youtubeUrl,
} from "./content-urls";
import { emptyContent, type ListingContent } from "./types";
import { isObject, list, plain, type Json } from "./values";

/**
 * One app object's listing content, its fields found by the shapes of their names and values:
 * screenshots one per picture whatever sizes are offered (`urls: {"640x400": …, "1280x800": …}` → the
 * largest), mixed media lists split into pictures and the video, category ids named through the
 * page's category list, and the icon's addresses kept aside so the visible page's icon is never
 * taken for a screenshot.
 */

/** schema.org's broad application categories are not the Marketplace's. */
export const GENERIC_CATEGORY = /^(\w*Application|https?:\/\/schema\.org\/.*)$/;

const SUMMARY_KEYS =
  /^(summary|short_?description|short_?desc|tagline|tag_?line|subtitle|sub_?title|headline|short_?summary|abstract|disambiguating_?description|slogan|one_?liner|teaser|excerpt|short_?text)$/i;
const DESCRIPTION_KEYS =
  /^(description|full_?description|long_?description|description_?html|about|body(_?html|_?markdown|_?text)?|overview|long_?text)$/i;
const SCREENSHOT_KEYS =
  /^(screenshots?|screen_?shots?|gallery|gallery_?images|images|media_?images|carousel|slides|listing_?images|pictures|photos)$/i;
const MEDIA_KEYS = /^(media|assets|media_?items|gallery_?items|attachments)$/i;
const VIDEO_KEYS =
  /^(videos?|video_?url|video_?link|video_?id|youtube(_?(url|id|link|video|video_?id))?|yt_?id|demo_?video|promo_?video|intro_?video|trailer|listing_?video)$/i;
/** Not schema.org's `applicationCategory`: it is the broad kind of software ("BusinessApplication", "CustomerSupport"). */
const CATEGORY_KEYS =
  /^(categories|category|app_?categories|application_?sub_?category|category_?names|category_?list)$/i;
const CATEGORY_ID_KEYS = /^(category_?ids|categories_?ids)$/i;
const PRICING_KEYS = /^(pricing(_?url|_?link|_?page(_?url)?)?|price_?url|plans_?url|offers)$/i;
const ICON_KEYS = /^(icon|icons|icon_?url|logo|logo_?url|avatar|image)$/i;
/** Objects inside the app that are someone else (its vendor) or its reviews: their pictures are not screenshots. */
const NOT_CONTENT =
  /^(company|vendor|partner|author|developer|publisher|provider|owner|creator|organization|brand|seller|maker|built_?by)$|review|rating|score|feedback|comment/i;

const URL_KEYS = [
  "url",
  "src",
  "contentUrl",
  "content_url",
  "href",
  "link",
  "original",
  "full",
  "large",
  "image",
  "imageUrl",
  "image_url",
  "file",
  "uri",
  "path",
];
const SIZED_KEYS = ["urls", "sizes", "variants", "formats", "renditions", "versions", "sources", "files"];

/** An address in a JSON string: absolute, rooted, relative with ./ or ../, or a bare path to a picture. */
const looksLikeAddress = (s: string) =>
  /^(https?:)?\/\/|^\/(?!\/)|^\.{1,2}\//.test(s.trim()) ||
  /^[\w.~%-]+(\/[\w.~%-]+)*\.(png|jpe?g|webp|avif)$/i.test(s.trim());
const isVideoAddress = (u: string) =>
  youtubeIdOf(u) !== null || /vimeo\.com|wistia|vidyard|loom\.com|\.(mp4|webm|mov|m3u8)(\?|$)/i.test(u);

/** A list however it is wrapped: `{items: […]}`, `{nodes: […]}`, GraphQL `{edges: [{node}]}`. */
function unwrapList(v: unknown): unknown[] {
  if (isObject(v))
    for (const k of ["items", "nodes", "edges", "data", "list", "results", "entries"])
      if (Array.isArray(v[k])) return (v[k] as unknown[]).map((e) => (isObject(e) && isObject(e.node) ? e.node : e));
  return list(v);
}

const isVideoItem = (o: Json) =>
  ["type", "kind", "@type", "mediaType", "media_type", "mimeType", "mime_type", "format", "provider"].some(
    (k) => typeof o[k] === "string" && /video|youtube|vimeo/i.test(o[k]),
  ) || ["youtubeId", "youtube_id", "videoId", "video_id"].some((k) => typeof o[k] === "string");

/** The largest picture of an object keyed by size (`{"640x400": …, "1280x800": …}`), or of a list of sized ones. */
function largestSized(v: unknown, base: string): string | null {
  let best: { url: string; size: number } | null = null;
  const offer = (url: string | null, size: number) => {
    if (url && (!best || size > best.size)) best = { url, size };
  };
  if (typeof v === "string" && /\s\d+[wx]\b/.test(v)) return imageUrl(largestInSrcset(v) ?? "", base);
  if (Array.isArray(v))
    for (const item of v) {
      if (!isObject(item)) continue;
      const w = Number(item.width ?? item.w ?? 0);
      const h = Number(item.height ?? item.h ?? w * 0.625);
      offer(pictureOf(item, base, false), w * h);
    }
  else if (isObject(v))
    for (const [k, item] of Object.entries(v)) {
      const size = sizeOfLabel(k);
      if (size !== null) offer(typeof item === "string" ? imageUrl(item, base) : pictureOf(item, base, false), size);
    }
  return best === null ? null : (best as { url: string }).url;
}

/** One picture's address from whatever holds it: a string, sizes, an ImageObject, a CMS asset. */
export function pictureOf(v: unknown, base: string, sized = true): string | null {
  if (typeof v === "string") return looksLikeAddress(v) ? imageUrl(v, base) : null;
  if (!isObject(v) || isVideoItem(v)) return null;
  // Keyed by dimensions, or by size names only ({small, large}): the largest. An ImageObject's own
  // address comes before its thumbnail.
  const dimensioned = Object.keys(v).some((k) => /\d/.test(k) && sizeOfLabel(k) !== null);
  const addressed = ["url", "src", "contentUrl", "content_url", "href", "uri"].some((k) => typeof v[k] === "string");
  if (sized && (dimensioned || !addressed)) {
    const own = largestSized(v, base);
    if (own) return own;
  }
  if (sized) {
    for (const k of [...SIZED_KEYS, "srcset", "srcSet", "src_set"]) {
      const inner = v[k] !== undefined ? largestSized(v[k], base) : null;
      if (inner) return inner;
    }
  }
  for (const k of URL_KEYS) {
    const inner = v[k] !== undefined ? pictureOf(v[k], base) : null;
    if (inner) return inner;
  }
  return null;
}

/** Screenshots from a list, or from an object keyed by id or position (`{"a1": {urls}, "a2": {urls}}`). */
function screenshotsOf(v: unknown, base: string): string[] {
  let items = unwrapList(v);
  const sizes = isObject(v)
    ? Object.entries(v).filter(([k, list]) => sizeOfLabel(k) !== null && Array.isArray(list))
    : [];
  if (sizes.length)
    // Lists by size (`{"640x400": […], "1280x800": […]}`): the same pictures at each size.
    items = sizes.sort(([a], [b]) => sizeOfLabel(b)! - sizeOfLabel(a)!)[0]![1] as unknown[];
  else if (isObject(v) && items[0] === v && !pictureOf(v, base))
    // Keyed by field names (`{icon, screenshots}`) it is a group of fields, read as such by the caller.
    items = Object.keys(v).some((k) => SCREENSHOT_KEYS.test(k) || ICON_KEYS.test(k)) ? [] : Object.values(v);
  const urls = items
    .map((item) => pictureOf(item, base))
    .filter((u): u is string => u !== null && !isVideoAddress(u) && !isYoutubeThumbnail(u));
  return uniquePictures(urls);
}

/** The YouTube video a value names: an address, an id under a video key, a VideoObject, `{provider: "youtube", id}`. */
export function videoOf(v: unknown, key = ""): string | null {
  if (typeof v === "string") return youtubeUrl(v, { bareId: /youtube|yt_?id|video_?id/i.test(key) });
  if (Array.isArray(v)) return v.map((item) => videoOf(item, key)).find(Boolean) ?? null;
  if (!isObject(v)) return null;
  const saysYoutube = ["provider", "platform", "source", "host", "type", "service"].some(
    (k) => typeof v[k] === "string" && /youtube/i.test(v[k]),
  );
  for (const k of [
    "embedUrl",
    "embed_url",
    "contentUrl",
    "content_url",
    "url",
    "video_url",
    "videoUrl",
    "link",
    "href",
    "src",
    "watchUrl",
  ]) {
    const u = typeof v[k] === "string" ? youtubeUrl(v[k]) : null;
    if (u) return u;
  }
  for (const k of ["youtubeId", "youtube_id", "youtubeVideoId", "videoId", "video_id", "ytId"])
    if (typeof v[k] === "string") return youtubeUrl(v[k], { bareId: true });
  if (saysYoutube)
    for (const k of ["id", "key", "externalId", "external_id", "value"])
      if (typeof v[k] === "string") return youtubeUrl(v[k], { bareId: true });
  const thumb = v.thumbnailUrl ?? v.thumbnail_url ?? v.thumbnail;
  return typeof thumb === "string" && isYoutubeThumbnail(thumb) ? youtubeUrl(thumb) : null;
}

function categoryNames(v: unknown, apps: JsonApps): string[] {
  return unwrapList(v)
    .map((c) => {
      if (typeof c === "number") return apps.categoryNames.get(String(c)) ?? null;
      if (typeof c === "string") return /^\d+$/.test(c) ? (apps.categoryNames.get(c) ?? null) : c;
      if (!isObject(c)) return null;
      const name = [c.name, c.label, c.title, c.displayName, c.display_name].find((n) => typeof n === "string");
      const id = c.id ?? c.key;
      return (name as string | undefined) ?? (id !== undefined ? (apps.categoryNames.get(String(id)) ?? null) : null);
    })
    .map((c) => (c ? plain(c) : ""))
    .filter((c) => c && !GENERIC_CATEGORY.test(c) && !/^https?:\/\//.test(c));
}

function addressOf(v: unknown, base: string): string | null {
  if (typeof v === "string") return looksLikeAddress(v) ? absolute(v, base) : null;
  if (Array.isArray(v)) return v.map((item) => addressOf(item, base)).find(Boolean) ?? null;
  if (!isObject(v)) return null;
  for (const k of ["url", "href", "link", "pricingUrl", "pricing_url"]) {
    const u = addressOf(v[k], base);
    if (u) return u;
  }
  return null;
}

/** Every address an icon value holds, at every size (its screenshots, where a model nests them there, aside). */
function iconAddresses(v: unknown, base: string, depth = 0): string[] {
  if (typeof v === "string") return looksLikeAddress(v) ? [imageUrl(v, base)].filter((u): u is string => !!u) : [];
  if (depth > 3) return [];
  if (Array.isArray(v)) return v.flatMap((item) => iconAddresses(item, base, depth + 1));
  if (!isObject(v)) return [];
  return Object.entries(v)
    .filter(([k]) => !SCREENSHOT_KEYS.test(k))
    .flatMap(([, item]) => iconAddresses(item, base, depth + 1));
}

export type AppContent = ListingContent & { icons: string[] };

export function readAppObject(o: Json, apps: JsonApps, base: string): AppContent {
  const content: AppContent = { ...emptyContent(), icons: [] };
  const text = (v: unknown) => (typeof v === "string" && plain(v) ? plain(v) : null);
  for (const k of NAME_KEYS) content.name ??= text(o[k]);

  const read = (fields: [string, unknown][], nested: boolean) => {
    for (const [k, raw] of fields) {
      const v = resolve(raw, apps.index);
      if (SUMMARY_KEYS.test(k)) content.summary ??= text(v);
      else if (DESCRIPTION_KEYS.test(k)) {
        const t = text(v);
        if (t && (!content.description || (!nested && t.length > content.description.length))) content.description = t;
      } else if (SCREENSHOT_KEYS.test(k)) {
        if (!content.screenshots.length) content.screenshots = screenshotsOf(v, base);
        // A group of the app's pictures (`images: {icon, screenshots}`) is read as its own fields.
        if (!content.screenshots.length && isObject(v) && !nested) read(Object.entries(v), true);
      } else if (MEDIA_KEYS.test(k) && Array.isArray(v)) {
        // A mixed list: pictures are screenshots, the video item is the video.
        if (!content.screenshots.length) content.screenshots = screenshotsOf(v, base);
        content.video ??= videoOf(v.filter((item) => !isObject(item) || isVideoItem(item) || typeof item === "string"));
      } else if (MEDIA_KEYS.test(k) && isObject(v)) read(Object.entries(v), true);
      else if (VIDEO_KEYS.test(k)) content.video ??= videoOf(v, k);
      else if (CATEGORY_KEYS.test(k) || CATEGORY_ID_KEYS.test(k))
        content.categories = [...new Set([...content.categories, ...categoryNames(v, apps)])];
      else if (PRICING_KEYS.test(k)) content.pricingUrl ??= addressOf(v, base);
      else if (ICON_KEYS.test(k)) {
        content.icons.push(...iconAddresses(v, base));
        if (isObject(v) && !nested) read(Object.entries(v), true);
      } else if (!nested && isObject(v) && !NOT_CONTENT.test(k) && !OTHER_APPS_KEY.test(k))
        // One level down (`details: {…}`, `listing: {…}`): the app's own fields, when it groups them.
        read(Object.entries(v), true);
    }
  };
  read(Object.entries(o), false);
  return content;
}
