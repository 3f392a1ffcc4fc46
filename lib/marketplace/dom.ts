import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { APP_ITEMTYPE, emptyContent, type ListingContent, type ParsedReview, type Votes } from "./types";
import { itemValue, props } from "./content-microdata";
import { count, date, dateIn, installBand, plain, rating } from "./values";

/**
 * What the page's markup says: schema.org microdata, then what a visitor sees — star labels
 * ("Rated 4.3 out of 5", "5 out of 5 stars"), review cards with a name, a time and text, counts
 * such as "17 reviews" and "No reviews yet".
 */

export type MarkupFindings = {
  found: number;
  average: number | null;
  count: number | null;
  reviews: ParsedReview[];
  installBand: string | null;
  votes: Votes | null;
  saysNoReviews: boolean;
  skipped: string[];
};

export const emptyFindings = (): MarkupFindings => ({
  found: 0,
  average: null,
  count: null,
  reviews: [],
  installBand: null,
  votes: null,
  saysNoReviews: false,
  skipped: [],
});

// ---------- microdata ----------

/** Other apps on the page ("Similar apps", links to other listings): their ratings are not this listing's. */
const OTHER_APP =
  "[aria-label*='similar' i], [aria-label*='related' i], [class*='similar' i], [class*='related' i], [class*='recommend' i], [data-testid*='similar' i], [data-testid*='related' i]";
function isOtherApp($: CheerioAPI, el: Element): boolean {
  const node = $(el);
  if (node.closest(OTHER_APP).length) return true;
  const link = node.closest("a[href]");
  return link.length > 0 && /\/marketplace\/app\//.test(link.attr("href") ?? "");
}

const REVIEW_TYPE = /schema\.org\/(Review|UserReview)\/?$/i;

function prop($: CheerioAPI, scope: Element, name: string): string | null {
  const el = props($, scope, name).first();
  if (!el.length) return null;
  if (el.is("[itemscope]")) {
    const inner = props($, el[0]!, "name").first();
    return inner.length ? itemValue(inner) : el.text();
  }
  return itemValue(el);
}

export function readMicrodata($: CheerioAPI): MarkupFindings {
  const result = emptyFindings();
  const typed = (pattern: RegExp) => (_: number, el: Element) => pattern.test($(el).attr("itemtype") ?? "");
  const apps = $("[itemscope][itemtype]").filter(typed(APP_ITEMTYPE));
  // Items without a type are read by their property name (itemprop="review").
  const reviewEls = $("[itemscope]")
    .filter(
      (i, el) =>
        typed(REVIEW_TYPE)(i, el) ||
        (!$(el).attr("itemtype") && /(^|\s)review(\s|$)/.test($(el).attr("itemprop") ?? "")),
    )
    .filter((_, el) => !isOtherApp($, el));
  const app = apps.first()[0];
  const aggregate =
    (app ? props($, app, "aggregateRating").first()[0] : undefined) ??
    $("[itemscope][itemprop~='aggregateRating'], [itemscope][itemtype$='/AggregateRating']")
      .filter((_, el) => !isOtherApp($, el))
      .first()[0];
  result.found = apps.length + reviewEls.length + (aggregate && !app ? 1 : 0);
  if (aggregate) {
    result.average = rating(prop($, aggregate, "ratingValue"), prop($, aggregate, "bestRating"));
    result.count = count(prop($, aggregate, "reviewCount") ?? prop($, aggregate, "ratingCount"));
    if (result.count === 0) result.saysNoReviews = true;
  }
  reviewEls.each((_, el) => {
    const ratingEl = props($, el, "reviewRating").first()[0];
    const stars = ratingEl
      ? rating(prop($, ratingEl, "ratingValue"), prop($, ratingEl, "bestRating"))
      : rating(prop($, el, "ratingValue"));
    const author = plain(prop($, el, "author")) || "Anonymous";
    if (stars === null)
      return void result.skipped.push(`A review by ${author} has no rating from 1 to 5; it was skipped`);
    const replyEl = props($, el, "comment").first();
    result.reviews.push({
      externalId: $(el).attr("data-review-id") ?? prop($, el, "identifier") ?? null,
      anchor: $(el).attr("id") ?? null,
      author,
      stars: Math.round(stars),
      date: date(prop($, el, "datePublished") ?? prop($, el, "dateCreated")),
      text: plain(prop($, el, "reviewBody") ?? prop($, el, "description")),
      upvotes: count(prop($, el, "upvoteCount")) ?? 0,
      reply: replyEl.length
        ? plain(replyEl.is("[itemscope]") ? (prop($, replyEl[0]!, "text") ?? replyEl.text()) : itemValue(replyEl)) ||
          null
        : null,
    });
  });
  return result;
}

/** The app item's listing content (name, description, screenshots, video, categories, pricing), as written. */
export function readMicrodataContent($: CheerioAPI): ListingContent {
  const app = $("[itemscope][itemtype]").filter((_, el) => APP_ITEMTYPE.test($(el).attr("itemtype") ?? ""))[0];
  if (!app) return emptyContent();
  const text = (name: string) => plain(prop($, app, name)).trim() || null;
  const urls = (name: string) =>
    props($, app, name)
      .toArray()
      .map((el) => {
        const $el = $(el);
        if ($el.is("img")) return $el.attr("src") ?? "";
        if ($el.is("[itemscope]")) {
          const inner = ["contentUrl", "embedUrl", "url"].map((p) => props($, el, p).first()).find((x) => x.length);
          return inner ? itemValue(inner) : "";
        }
        return itemValue($el);
      })
      .filter(Boolean);
  return {
    name: text("name"),
    summary: text("abstract") ?? text("disambiguatingDescription"),
    description: text("description"),
    screenshots: urls("screenshot"),
    video: urls("video")[0] ?? null,
    categories: props($, app, "applicationSubCategory")
      .toArray()
      .map((el) => plain(itemValue($(el))).trim())
      .filter(Boolean),
    pricingUrl: urls("offers")[0] ?? null,
  };
}

// ---------- shared by the readers of the visible page ----------

/** The text of an element with its pieces spaced ("4.3" "17 reviews", not "4.317 reviews"). */
export function spacedText($: CheerioAPI, el: Cheerio<AnyNode>): string {
  const parts: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === "text") parts.push((node as unknown as { data: string }).data);
    else if (node.type === "tag" && !["script", "style", "noscript", "template"].includes((node as Element).name))
      for (const child of (node as Element).children) visit(child);
  };
  el.each((_, node) => visit(node));
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** An element's own text, without its children's. */
export const ownText = ($: CheerioAPI, el: Element) =>
  $(el)
    .contents()
    .filter((_, c) => c.type === "text")
    .text()
    .replace(/\s+/g, " ")
    .trim();
