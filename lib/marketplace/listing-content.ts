import { load, type CheerioAPI } from "cheerio";
import { readMicrodataContent, spacedText } from "./dom";
import { emptyContent, type ListingContent } from "./types";
import { pageDocuments } from "./listing-page";
import { isObject, list, plain, type Json } from "./values";

/**
 * What a listing page says about the app, as a partner compares it over time: name, summary,
 * description, screenshots, video, categories and pricing link. The page's format is not
 * documented, so each is looked for where the rating is: the app's object in JSON-LD, Next.js page
 * data, flight data or other JSON (found by its type or by holding the client id, with fields found
 * by the shapes of their names), then microdata, then what a visitor sees. What is not found is
 * null (or empty): never guessed.
 */
export type { ListingContent };

const APP_TYPE = /^(SoftwareApplication|WebApplication|MobileApplication|Product)$/;
/** schema.org's broad application categories are not the Marketplace's. */
const GENERIC_CATEGORY = /^(\w+Application|https?:\/\/schema\.org\/.*)$/;

const SUMMARY_KEYS = /^(summary|short_?description|tagline|subtitle|headline|short_?summary)$/i;
const DESCRIPTION_KEYS = /^(description|full_?description|long_?description|about|body_?(html|markdown)?)$/i;
const SCREENSHOT_KEYS = /^(screenshots?|gallery|images|media_?images|carousel)$/i;
const MEDIA_KEYS = /^(media|assets)$/i;
const VIDEO_KEYS = /^(video|video_?url|youtube(_?url)?|demo_?video)$/i;
const CATEGORY_KEYS = /^(categories|category|application_?sub_?category)$/i;
const PRICING_KEYS = /^(pricing(_?url|_?link|_?page)?|offers)$/i;
const URL_KEYS = ["url", "src", "contentUrl", "embedUrl", "href", "link", "original", "large"];

const clean = (s: string) => s.replace(/\s+/g, " ").trim();
const textOf = (v: unknown): string | null => {
  if (typeof v !== "string") return null;
  const t = plain(v).trim();
  return t ? t : null;
};

function absolute(raw: string, base: string): string | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A URL held by a value: a string, or an object's url/src/contentUrl… */
function urlOf(v: unknown, base: string): string | null {
  if (typeof v === "string") return /^(https?:)?\/\/|^\//.test(v.trim()) ? absolute(v, base) : null;
  if (!isObject(v)) return null;
  for (const k of URL_KEYS) {
    const u = urlOf(v[k], base);
    if (u) return u;
  }
  const youtube = v.youtubeId ?? v.youtube_id ?? v.videoId;
  return typeof youtube === "string" && /^[\w-]{11}$/.test(youtube)
    ? `https://www.youtube.com/watch?v=${youtube}`
    : null;
}

const isVideoUrl = (u: string) => /youtube\.com|youtu\.be|vimeo\.com|wistia|vidyard|\.(mp4|webm|mov)(\?|$)/i.test(u);

function categoryNames(v: unknown): string[] {
  return list(v)
    .map((c) => (typeof c === "string" ? c : isObject(c) ? (c.name ?? c.title ?? c.label) : null))
    .map((c) => (typeof c === "string" ? clean(c) : ""))
    .filter((c) => c && !GENERIC_CATEGORY.test(c));
}

const unique = <T>(items: T[]) => [...new Set(items)];

/** The app's own object among the page's JSON: typed as an application, or holding the client id beside a name. */
function appObjects(roots: unknown[], clientId: string | undefined): Json[] {
  const typed: Json[] = [];
  const named: Json[] = [];
  const seen = new WeakSet<object>();
  let visited = 0;
  const walk = (v: unknown, depth: number) => {
    if (typeof v !== "object" || v === null || seen.has(v) || depth > 60 || visited++ > 100_000) return;
    seen.add(v);
    if (Array.isArray(v)) {
      // A list of several apps ("similar apps") holds other apps, not this one.
      const apps = v.filter((o) => isObject(o) && typeof o.name === "string").length;
      for (const item of v)
        if (apps < 2 || (clientId && isObject(item) && Object.values(item).includes(clientId))) walk(item, depth + 1);
      return;
    }
    const o = v as Json;
    if (list(o["@type"]).some((t) => typeof t === "string" && APP_TYPE.test(t))) typed.push(o);
    else if (clientId && typeof o.name === "string" && Object.values(o).includes(clientId)) named.push(o);
    for (const child of Object.values(o)) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return [...named, ...typed];
}

function fromObject(o: Json, base: string): ListingContent {
  const content: ListingContent = emptyContent();
  content.name = textOf(o.name);
  const fields = Object.entries(o);
  const media = fields
    .filter(([k, v]) => MEDIA_KEYS.test(k) && isObject(v))
    .flatMap(([, v]) => Object.entries(v as Json));
  for (const [k, v] of [...fields, ...media]) {
    if (SUMMARY_KEYS.test(k)) content.summary ??= textOf(v);
    else if (DESCRIPTION_KEYS.test(k)) {
      const text = textOf(v);
      if (text && (!content.description || text.length > content.description.length)) content.description = text;
    } else if (SCREENSHOT_KEYS.test(k) || (k === "image" && Array.isArray(v) && v.length > 1)) {
      const urls = list(v)
        .map((item) => urlOf(item, base))
        .filter((u): u is string => u !== null && !isVideoUrl(u));
      if (urls.length && !content.screenshots.length) content.screenshots = unique(urls);
    } else if (VIDEO_KEYS.test(k))
      content.video ??=
        list(v)
          .map((item) => urlOf(item, base))
          .find(Boolean) ?? null;
    else if (CATEGORY_KEYS.test(k)) content.categories = unique([...content.categories, ...categoryNames(v)]);
    else if (PRICING_KEYS.test(k))
      content.pricingUrl ??=
        list(v)
          .map((item) => urlOf(item, base))
          .find(Boolean) ?? null;
  }
  return content;
}

/** Each field from the first source that has it. */
function merge(...sources: ListingContent[]): ListingContent {
  const out: ListingContent = emptyContent();
  for (const s of sources) {
    out.name ??= s.name;
    out.summary ??= s.summary;
    out.description ??= s.description;
    out.video ??= s.video;
    out.pricingUrl ??= s.pricingUrl;
    if (!out.screenshots.length) out.screenshots = s.screenshots;
    if (!out.categories.length) out.categories = s.categories;
  }
  return out;
}

/** What a visitor sees: the page's header, its sections, gallery, video frame and category links. */
function fromVisible($: CheerioAPI, base: string): ListingContent {
  const main = $("main").first().length ? $("main").first() : $("body");
  const section = (pattern: RegExp) =>
    main
      .find("section, div, article")
      .filter((_, el) => {
        const attrs = `${$(el).attr("id") ?? ""} ${$(el).attr("class") ?? ""} ${$(el).attr("aria-label") ?? ""}`;
        const heading = $(el).children("h2, h3").first().text();
        return pattern.test(attrs) || pattern.test(heading);
      })
      .first();
  const about = section(/description|about|overview/i);
  const aboutText = about.length ? clean(spacedText($, about.clone().children("h2, h3").remove().end())) : "";
  const gallery = section(/gallery|screenshot/i);
  const frame = main.find("iframe[src], video[src], video source[src]").first().attr("src");
  const videoLink = main
    .find("a[href]")
    .toArray()
    .map((a) => $(a).attr("href")!)
    .find((h) => isVideoUrl(h));
  const categories = main
    .find('a[href*="/marketplace/categories/"]')
    .toArray()
    .map((a) => clean($(a).text()))
    .filter(Boolean);
  const pricing = main
    .find("a[href]")
    .toArray()
    .find((a) => /pricing|plans/i.test($(a).text()) || /\/pricing(\/|$|\?)/i.test($(a).attr("href")!));
  const meta = (sel: string) => textOf($(sel).attr("content"));
  return {
    name: textOf(main.find("h1").first().text()),
    summary: meta('meta[name="description"]') ?? meta('meta[property="og:description"]'),
    description: aboutText || null,
    screenshots: unique(
      gallery
        .find("img")
        .toArray()
        .map((img) => absolute($(img).attr("src") ?? "", base))
        .filter((u): u is string => u !== null),
    ),
    video: (frame && absolute(frame, base)) || (videoLink && absolute(videoLink, base)) || null,
    categories: unique(categories),
    pricingUrl: pricing ? absolute($(pricing).attr("href")!, base) : null,
  };
}

export function readListingContent(
  html: string,
  { url, clientId }: { url: string; clientId?: string },
): ListingContent {
  const $ = load(html);
  const documents = pageDocuments($);
  const fromJson = (["json-ld", "next-data", "flight", "json"] as const).flatMap((source) =>
    appObjects(documents[source].values, clientId).map((o) => fromObject(o, url)),
  );
  const micro = readMicrodataContent($);
  const microContent: ListingContent = {
    ...micro,
    screenshots: micro.screenshots.map((s) => absolute(s, url)).filter((u): u is string => u !== null),
    video: micro.video ? absolute(micro.video, url) : null,
    pricingUrl: micro.pricingUrl ? absolute(micro.pricingUrl, url) : null,
    categories: micro.categories.filter((c) => !GENERIC_CATEGORY.test(c)),
  };
  return merge(...fromJson, microContent, fromVisible($, url));
}
