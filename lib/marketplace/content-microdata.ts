import type { Cheerio, CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { GENERIC_CATEGORY } from "./content-fields";
import { ownerOfAddress, sameName, type ContentOwner, type PageIdentity } from "./content-identity";
import { imageUrl, largestInSrcset, uniquePictures, youtubeUrl } from "./content-urls";
import { APP_ITEMTYPE, emptyContent, type ListingContent } from "./types";
import { plain } from "./values";

/**
 * The app's schema.org microdata item. Similar apps may be marked up as SoftwareApplication items
 * too, and come first; the listing's item is the one its address or client id names, else the one
 * whose name is the page's app name, never one inside another app's card.
 */

/** An element's microdata value, as the spec reads it. */
export function itemValue(el: Cheerio<Element>): string {
  const tag = el.prop("tagName")?.toLowerCase();
  if (tag === "meta") return el.attr("content") ?? "";
  if (tag === "time") return el.attr("datetime") ?? el.text();
  if (tag === "a" || tag === "link" || tag === "area") return el.attr("href") ?? "";
  if (tag === "img" || tag === "iframe" || tag === "source" || tag === "video" || tag === "embed")
    return (tag === "img" && largestInSrcset(el.attr("srcset") ?? "")) || el.attr("src") || "";
  if (tag === "object") return el.attr("data") ?? "";
  if (tag === "data" || tag === "meter") return el.attr("value") ?? el.text();
  return el.attr("content") ?? el.text();
}

/** An item's properties: elements with the itemprop whose nearest item is this one. */
export function props($: CheerioAPI, scope: Element, name: string): Cheerio<Element> {
  return $(scope)
    .find(`[itemprop~="${name}"]`)
    .filter((_, el) => $(el).parent().closest("[itemscope]")[0] === scope);
}

/** A property's values: nested items give their url-ish or name property. */
function values($: CheerioAPI, scope: Element, name: string, inner: string[]): string[] {
  return props($, scope, name)
    .toArray()
    .map((el) => {
      const $el = $(el);
      if (!$el.is("[itemscope]") || $el.is("img, a, link, meta, iframe")) return itemValue($el);
      const found = inner.map((p) => props($, el, p).first()).find((x) => x.length);
      return found ? itemValue(found) : "";
    })
    .map((v) => v.trim())
    .filter(Boolean);
}

function ownerOfItem($: CheerioAPI, item: Element, identity: PageIdentity): ContentOwner {
  const addresses = [$(item).attr("itemid"), ...values($, item, "url", []), ...values($, item, "sameAs", [])];
  for (const address of addresses) {
    const owner = address ? ownerOfAddress(address, identity) : null;
    if (owner && owner !== "unknown") return owner;
  }
  const ids = values($, item, "identifier", ["value", "propertyID"]).map((v) => v.toLowerCase());
  if (ids.some((id) => identity.ids.has(id))) return "self";
  // An item inside a link to another listing is that app's card.
  const link = $(item).closest("a[href]").attr("href");
  return (link && ownerOfAddress(link, identity)) || "unknown";
}

export function readMicrodataApp($: CheerioAPI, identity: PageIdentity, pageName: string | null): ListingContent {
  const items = $("[itemscope][itemtype]")
    .toArray()
    .filter((el) => APP_ITEMTYPE.test($(el).attr("itemtype") ?? ""))
    .map((el) => ({ el, owner: ownerOfItem($, el, identity), name: plain(values($, el, "name", [])[0] ?? "") }));
  const app =
    items.find((i) => i.owner === "self") ??
    items.find((i) => i.owner === "unknown" && (sameName(i.name, pageName) || !pageName || !i.name));
  if (!app) return emptyContent();
  const base = identity.base;
  const el = app.el;
  const text = (name: string) => plain(values($, el, name, [])[0] ?? "") || null;
  const urls = (name: string) =>
    values($, el, name, ["contentUrl", "embedUrl", "url"])
      .map((v) => imageUrl(v, base))
      .filter((u): u is string => u !== null);
  const video = [...values($, el, "video", ["embedUrl", "contentUrl", "url", "thumbnailUrl"])]
    .map((v) => youtubeUrl(imageUrl(v, base) ?? v))
    .find(Boolean);
  const categories = values($, el, "applicationSubCategory", ["name"])
    .map((c) => plain(c))
    .filter((c) => c && !GENERIC_CATEGORY.test(c));
  return {
    name: app.name || null,
    summary: text("abstract") ?? text("disambiguatingDescription") ?? text("slogan"),
    description: text("description"),
    screenshots: uniquePictures(urls("screenshot")),
    video: video ?? null,
    categories: [...new Set(categories)],
    pricingUrl: urls("offers")[0] ?? null,
  };
}
