import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { attributeWords, listingElements, sectionTitle } from "./content-dom";
import { nameElement } from "./content-page";
import type { PageIdentity } from "./content-identity";
import { imageUrl, isYoutubeThumbnail, largestInSrcset, pictureKey, youtubeIdOf, youtubeUrl } from "./content-urls";

/**
 * The listing's screenshots and video as a visitor sees them. Screenshots are the pictures of the
 * listing's gallery, one per picture: not the app's icon (the square picture beside its name), not
 * the page's social card, not a video's thumbnail, not other apps' icons or reviewers' avatars, and
 * a looping carousel's cloned slides are the same pictures again. Pictures are PNG or JPG (the
 * Marketplace accepts nothing else for listing images), at their original address when an image
 * optimizer (next/image) serves them.
 */

const GALLERY_WORDS = new Set([
  "gallery",
  "screenshot",
  "screenshots",
  "screens",
  "carousel",
  "slider",
  "slides",
  "slide",
  "media",
  "swiper",
  "embla",
  "splide",
  "glide",
  "lightbox",
  "images",
  "photos",
  "galerie",
  "galería",
  "galeria",
  "bilder",
  "captures",
  "capturas",
  "imagens",
]);
const GALLERY_TITLE =
  /^(screenshots?|gallery|images|media|galerie|bilder|screenshots|captures d.écran|capturas|imagens|galería|galeria)/i;
const CLONE_WORDS = new Set(["clone", "cloned", "duplicate"]);
const NOT_A_SCREENSHOT_PATH = /(^|[/_.-])(icons?|logos?|avatars?|favicon|badges?|emoji|flags?)([/_.@-]|\d|$)/i;
const NOT_A_SCREENSHOT_WORDS = new Set(["icon", "logo", "avatar", "favicon", "badge"]);

function isGallery($: CheerioAPI, el: Element): boolean {
  if (attributeWords($, el).some((w) => GALLERY_WORDS.has(w))) return true;
  if (/carousel|slide/i.test($(el).attr("aria-roledescription") ?? "")) return true;
  const label = $(el).attr("aria-label") ?? sectionTitle($, el) ?? "";
  return GALLERY_TITLE.test(label.trim());
}
const inGallery = ($: CheerioAPI, el: Element) =>
  $(el)
    .parents()
    .toArray()
    .some((p) => isGallery($, p));

/** The picture an image shows, at its largest: a lightbox link's target, a lazy source, the srcset's widest. */
function pictureAddress($: CheerioAPI, img: Element, base: string): string | null {
  const node = $(img);
  const link = node.closest("a[href]").attr("href");
  if (link && /\.(png|jpe?g|webp|avif)(\?|#|$)/i.test(link)) return imageUrl(link, base);
  const srcset = node.attr("data-srcset") ?? node.attr("srcset");
  const candidates = [
    node.attr("data-src"),
    node.attr("data-lazy-src"),
    node.attr("data-original"),
    srcset ? largestInSrcset(srcset) : undefined,
    node.attr("src"),
  ];
  for (const c of candidates) {
    const url = c ? imageUrl(c, base) : null;
    if (url) return url;
  }
  return null;
}

const dimension = (v: string | undefined) => (v && /^\d+(px)?$/.test(v.trim()) ? parseInt(v, 10) : null);

/** The app's icon or another small square (an avatar, a badge), by its address, its label or its size. */
function isIconLike($: CheerioAPI, img: Element, url: string, icons: Set<string>): boolean {
  if (icons.has(pictureKey(url))) return true;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Kept whole.
  }
  if (NOT_A_SCREENSHOT_PATH.test(path) || /\.(svg|gif|ico)$/i.test(path)) return true;
  const words = [...attributeWords($, img), ...($(img).attr("alt") ?? "").toLowerCase().split(/\W+/)];
  if (words.some((w) => NOT_A_SCREENSHOT_WORDS.has(w))) return true;
  const [w, h] = [dimension($(img).attr("width")), dimension($(img).attr("height"))];
  if (w !== null && h !== null) {
    const ratio = w / Math.max(h, 1);
    if (Math.max(w, h) <= 256 && ratio >= 0.8 && ratio <= 1.25) return true;
  }
  return (w !== null && w <= 48) || (h !== null && h <= 48);
}

/** The picture beside the app's name, before it in the heading's block: the icon. */
function iconBesideHeading($: CheerioAPI, identity: PageIdentity): Element | null {
  const heading = nameElement($, identity);
  if (!heading) return null;
  for (const block of [$(heading).parent(), $(heading).parent().parent()]) {
    const all = block.find("*").toArray();
    const first = all.find((el) => el.name === "img");
    if (first && all.indexOf(first) < all.indexOf(heading) && !inGallery($, first)) return first;
  }
  return null;
}

const THUMB_WORDS = new Set(["thumb", "thumbs", "thumbnail", "thumbnails", "pager", "filmstrip"]);
const isThumb = ($: CheerioAPI, el: Element) =>
  [el, ...$(el).parents().toArray()].some((p) => attributeWords($, p).some((w) => THUMB_WORDS.has(w)));

const BACKGROUND = /background(?:-image)?\s*:[^;]*url\(\s*['"]?([^'")]+)['"]?\s*\)/i;

export function visibleScreenshots($: CheerioAPI, identity: PageIdentity, iconUrls: string[]): string[] {
  const icons = new Set(iconUrls.map(pictureKey));
  const icon = iconBesideHeading($, identity);
  type Shot = { url: string; key: string; clone: boolean; hidden: boolean; gallery: boolean; thumb: boolean };
  const shots: Shot[] = [];
  for (const el of listingElements($, "img, [style*='url(']", identity)) {
    const isImg = $(el).is("img");
    const gallery = inGallery($, el);
    // Background pictures count only in a gallery: elsewhere they are decoration.
    const url = isImg
      ? pictureAddress($, el, identity.base)
      : gallery
        ? imageUrl(BACKGROUND.exec($(el).attr("style") ?? "")?.[1] ?? "", identity.base)
        : null;
    if (!url || el === icon || isYoutubeThumbnail(url) || youtubeIdOf($(el).closest("a[href]").attr("href") ?? ""))
      continue;
    if (isIconLike($, el, url, icons)) continue;
    const chain = [el, ...$(el).parents().toArray()];
    shots.push({
      url,
      key: pictureKey(url),
      clone: chain.some((p) => attributeWords($, p).some((w) => CLONE_WORDS.has(w))),
      hidden: chain.some((p) => $(p).attr("aria-hidden") === "true"),
      gallery,
      thumb: isThumb($, el),
    });
  }
  // A gallery, where the page has one, holds the screenshots; pictures elsewhere are not.
  const pool = shots.some((s) => s.gallery) ? shots.filter((s) => s.gallery) : shots;
  // A viewer with a strip of thumbnails shows the same pictures twice, at other addresses: the strip
  // counts when it shows more of them (a viewer may show only the current one).
  const large = pictures(pool.filter((s) => !s.thumb));
  const thumbs = pictures(pool.filter((s) => s.thumb));
  return thumbs.length > large.length ? thumbs : large;
}

/**
 * One address per picture, in the gallery's order. A carousel repeats pictures: cloned slides (marked
 * so) and slides hidden from assistive technology stand behind a plain occurrence of the same picture.
 */
function pictures(shots: { url: string; key: string; clone: boolean; hidden: boolean }[]): string[] {
  const rank = (s: { clone: boolean; hidden: boolean }) => (s.clone ? 2 : s.hidden ? 1 : 0);
  const best = new Map<string, { url: string; at: number; rank: number }>();
  shots.forEach((shot, at) => {
    const known = best.get(shot.key);
    if (!known || rank(shot) < known.rank) best.set(shot.key, { url: shot.url, at, rank: rank(shot) });
  });
  return [...best.values()].sort((a, b) => a.at - b.at).map((s) => s.url);
}

// ---------- video ----------

const ID_ATTRIBUTES = ["videoid", "data-videoid", "data-video-id", "data-youtube-id", "data-yt-id", "data-ytid"];
const URL_ATTRIBUTES = [
  "src",
  "data-src",
  "data-youtube",
  "data-video",
  "data-video-url",
  "data-embed",
  "data",
  "href",
];
const VIDEO_HINT = /video|watch|play|youtube|ansehen|vidéo|ver el|assistir|guarda|bekijk/i;

/** The YouTube video an element stands for, and whether it is plainly the listing's video (a player or its thumbnail). */
function videoOfElement($: CheerioAPI, el: Element): { url: string; strong: boolean } | null {
  const node = $(el);
  for (const attr of ID_ATTRIBUTES) {
    const v = node.attr(attr);
    const url = v ? youtubeUrl(v, { bareId: true }) : null;
    if (url) return { url, strong: true };
  }
  if (/youtube|(^|\W)yt(\W|$)/i.test(`${el.name} ${node.attr("class") ?? ""}`)) {
    const url = node.attr("data-id") ? youtubeUrl(node.attr("data-id")!, { bareId: true }) : null;
    if (url) return { url, strong: true };
  }
  for (const attr of URL_ATTRIBUTES) {
    const v = node.attr(attr);
    const url = v ? youtubeUrl(v) : null;
    if (!url) continue;
    if (!node.is("a")) return { url, strong: true };
    // A link is the listing's video when it looks like one (a thumbnail, a play button, "Watch the video")
    // or sits in the gallery; a link in the description's text is only a link.
    const label = `${node.attr("aria-label") ?? ""} ${node.attr("title") ?? ""} ${node.attr("class") ?? ""} ${node.text()}`;
    return { url, strong: node.find("img").length > 0 || VIDEO_HINT.test(label) || inGallery($, el) };
  }
  const background = BACKGROUND.exec(node.attr("style") ?? "")?.[1];
  const thumb = node.is("img") ? node.attr("src") : background;
  if (thumb && isYoutubeThumbnail(thumb)) return { url: youtubeUrl(thumb)!, strong: true };
  return null;
}

export function visibleVideo($: CheerioAPI, identity: PageIdentity): string | null {
  const found = listingElements(
    $,
    "iframe, embed, object, lite-youtube, [videoid], [data-videoid], [data-video-id], [data-youtube-id], [data-yt-id], [data-ytid], [data-youtube], [data-video], [data-video-url], [data-embed], [data-id], [data-src], a[href], img[src], [style*='url(']",
    identity,
  )
    .map((el) => videoOfElement($, el))
    .filter((v): v is { url: string; strong: boolean } => v !== null);
  const declared = [
    'meta[property="og:video"]',
    'meta[property="og:video:url"]',
    'meta[property="og:video:secure_url"]',
    'meta[name="twitter:player"]',
    'meta[property="twitter:player"]',
    'meta[name="twitter:player:stream"]',
  ]
    .map((selector) => youtubeUrl($(selector).attr("content") ?? ""))
    .find(Boolean);
  return found.find((v) => v.strong)?.url ?? declared ?? found[0]?.url ?? null;
}
