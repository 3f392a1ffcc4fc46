import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { emptyContent, type ListingContent, type ParsedReview, type Votes } from "./types";
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

const empty = (): MarkupFindings => ({
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

const APP_TYPE = /schema\.org\/(SoftwareApplication|WebApplication|MobileApplication|Product)\/?$/i;
const REVIEW_TYPE = /schema\.org\/(Review|UserReview)\/?$/i;

/** A microdata property's value, as the spec reads it from the element. */
function itemValue($: CheerioAPI, el: Cheerio<Element>): string {
  const tag = el.prop("tagName")?.toLowerCase();
  if (tag === "meta") return el.attr("content") ?? "";
  if (tag === "time") return el.attr("datetime") ?? el.text();
  if (tag === "a" || tag === "link") return el.attr("href") ?? "";
  if (tag === "data" || tag === "meter") return el.attr("value") ?? el.text();
  return el.attr("content") ?? el.text();
}

/** The properties of one item: elements with itemprop whose nearest itemscope is this one. */
function props($: CheerioAPI, scope: Element, name: string): Cheerio<Element> {
  return $(scope)
    .find(`[itemprop~="${name}"]`)
    .filter((_, el) => $(el).parent().closest("[itemscope]")[0] === scope);
}

function prop($: CheerioAPI, scope: Element, name: string): string | null {
  const el = props($, scope, name).first();
  if (!el.length) return null;
  if (el.is("[itemscope]")) {
    const inner = props($, el[0]!, "name").first();
    return inner.length ? itemValue($, inner) : el.text();
  }
  return itemValue($, el);
}

export function readMicrodata($: CheerioAPI): MarkupFindings {
  const result = empty();
  const typed = (pattern: RegExp) => (_: number, el: Element) => pattern.test($(el).attr("itemtype") ?? "");
  const apps = $("[itemscope][itemtype]").filter(typed(APP_TYPE));
  // Items without a type are read by their property name (itemprop="review").
  const reviewEls = $("[itemscope]")
    .filter(
      (i, el) =>
        typed(REVIEW_TYPE)(i, el) ||
        (!$(el).attr("itemtype") && /(^|\s)review(\s|$)/.test($(el).attr("itemprop") ?? "")),
    )
    .filter((_, el) => !isNoise($, el));
  const app = apps.first()[0];
  const aggregate =
    (app ? props($, app, "aggregateRating").first()[0] : undefined) ??
    $("[itemscope][itemprop~='aggregateRating'], [itemscope][itemtype$='/AggregateRating']")
      .filter((_, el) => !isNoise($, el))
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
        ? plain(replyEl.is("[itemscope]") ? (prop($, replyEl[0]!, "text") ?? replyEl.text()) : itemValue($, replyEl)) ||
          null
        : null,
    });
  });
  return result;
}

/** The app item's listing content (name, description, screenshots, video, categories, pricing), as written. */
export function readMicrodataContent($: CheerioAPI): ListingContent {
  const app = $("[itemscope][itemtype]").filter((_, el) => APP_TYPE.test($(el).attr("itemtype") ?? ""))[0];
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
          return inner ? itemValue($, inner) : "";
        }
        return itemValue($, $el);
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
      .map((el) => plain(itemValue($, $(el))).trim())
      .filter(Boolean),
    pricingUrl: urls("offers")[0] ?? null,
  };
}

// ---------- the visible page ----------

const RATED = [
  /\brated\s+(\d(?:[.,]\d+)?)\s+(?:out\s+)?of\s+(\d+)/i,
  /\b(\d(?:[.,]\d+)?)\s+out\s+of\s+(\d+)/i,
  /\b(\d(?:[.,]\d+)?)\s+of\s+(\d+)\s+stars?\b/i,
  /^\s*(\d(?:[.,]\d+)?)\s+stars?\s*$/i,
  /^\s*(\d(?:[.,]\d+)?)\s*\/\s*(5|10)\s*$/,
];

/** A rating a label states ("Rated 4.3 out of 5", "5 out of 5 stars", "4 stars", "4/5"). */
export function ratingInLabel(label: string): number | null {
  for (const pattern of RATED) {
    const m = pattern.exec(label);
    if (m && Number(m[2] ?? 5) <= 10) return rating(m[1], m[2] ?? 5);
  }
  return null;
}

const CARD = "article, li, [class*='review' i], [data-testid*='review' i], [id^='review' i], [itemtype*='Review']";
const REPLY =
  "blockquote, [class*='reply' i], [class*='response' i], [aria-label*='reply' i], [aria-label*='response' i], [data-testid*='reply' i]";
const AUTHOR =
  "[itemprop='author'], [class*='author' i], [class*='reviewer' i], [class*='username' i], [class*='user-name' i], [data-testid*='author' i]";
const NO_REVIEWS =
  /\b(no reviews( yet)?|be the first to (write a )?review|there are no reviews|not (been )?reviewed yet|0 reviews)\b/i;
const HELPFUL = [
  /(\d[\d,]*)\s+(?:people\s+|users\s+)?found (?:this|it) helpful/i,
  /helpful\s*\(\s*(\d[\d,]*)\s*\)/i,
  /(\d[\d,]*)\s+upvotes?\b/i,
];

type Mark = { el: Element; value: number };

/** Other apps on the page ("Similar apps", links to other listings): their ratings are not this listing's. */
const NOISE =
  "[aria-label*='similar' i], [aria-label*='related' i], [class*='similar' i], [class*='related' i], [class*='recommend' i], [data-testid*='similar' i], [data-testid*='related' i]";

function isNoise($: CheerioAPI, el: Element): boolean {
  const node = $(el);
  if (node.closest(NOISE).length) return true;
  const link = node.closest("a[href]");
  return link.length > 0 && /\/marketplace\/app\//.test(link.attr("href") ?? "");
}

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

/** Elements whose label (aria-label, title, alt) or own short text states a rating, other apps' left aside. */
function ratingMarks($: CheerioAPI): Mark[] {
  const marks: Mark[] = [];
  $("body *").each((_, el) => {
    const node = $(el);
    if (node.is("script, style, noscript, template")) return;
    const label = node.attr("aria-label") ?? node.attr("title") ?? node.attr("alt");
    let value = label ? ratingInLabel(label) : null;
    if (value === null) {
      const own = node
        .contents()
        .filter((_, c) => c.type === "text")
        .text()
        .replace(/\s+/g, " ")
        .trim();
      // Short text only ("4.3 out of 5"): a sentence of a review may say "5 out of 5" too.
      if (own && own.length <= 60) value = ratingInLabel(own);
    }
    // A label on the element and on its child (an icon) is one mark.
    if (value !== null && !marks.some((m) => $(m.el).find(el).length) && !isNoise($, el)) marks.push({ el, value });
  });
  return marks;
}

/**
 * The review card around a star mark: among its ancestors that hold no other mark and have a date,
 * the nearest article or list item, else the outermost review-like container.
 */
function cardOf($: CheerioAPI, mark: Element, marks: Mark[]): Cheerio<Element> | null {
  const others = marks.filter((m) => m.el !== mark).map((m) => m.el);
  const candidates: Cheerio<Element>[] = [];
  for (let el = $(mark).parent(); el.length && !el.is("body, html"); el = el.parent()) {
    if (others.some((o) => el.find(o).length > 0)) break;
    if (el.is(CARD) && (el.find("time").length || dateIn(spacedText($, el)))) candidates.push(el as Cheerio<Element>);
  }
  return candidates.find((c) => c.is("article, li, [itemtype*='Review']")) ?? candidates.at(-1) ?? null;
}

const textOf = (el: Cheerio<AnyNode>) => plain(el.text());

function readCard($: CheerioAPI, card: Cheerio<Element>, stars: number, notes: string[]): ParsedReview {
  const replyEl = card.find(REPLY).first();
  const inReply = (el: AnyNode) => replyEl.length > 0 && (replyEl[0] === el || replyEl.find(el as Element).length > 0);
  const time = card.find("time").first();
  const when = time.length
    ? (date(time.attr("datetime")) ?? date(textOf(time)) ?? dateIn(textOf(time)))
    : dateIn(spacedText($, card));
  if (!when && time.length)
    notes.push(`The date "${textOf(time)}" of a review could not be read; the review is kept without a date`);
  const authorEl = card
    .find(AUTHOR)
    .filter((_, el) => !inReply(el))
    .first();
  const author = textOf(
    authorEl.length
      ? authorEl
      : card
          .find("h2, h3, h4, h5, h6, strong, b, cite")
          .filter((_, el) => !inReply(el))
          .first(),
  ).slice(0, 200);
  const paragraphs = card
    .find("p")
    .filter(
      (_, el) =>
        !inReply(el) &&
        !HELPFUL.some((h) => h.test($(el).text())) &&
        ratingInLabel($(el).text()) === null &&
        !$(el).find("time").length,
    )
    .map((_, el) => textOf($(el)))
    .get()
    .filter((t) => t && t !== author);
  const helpful = HELPFUL.map((h) => h.exec(spacedText($, card))).find(Boolean);
  const replyParas = replyEl.find("p");
  const reply = replyEl.length
    ? replyParas.length
      ? replyParas
          .map((_, p) => textOf($(p)))
          .get()
          .join("\n\n")
      : textOf(replyEl).replace(/^(reply|response) from [^:\n]*:?\s*/i, "")
    : "";
  return {
    externalId: card.attr("data-review-id") ?? card.attr("data-id") ?? null,
    anchor: card.attr("id") ?? null,
    author: author || "Anonymous",
    stars: Math.round(stars),
    date: when,
    text: paragraphs.join("\n\n"),
    upvotes: helpful ? (count(helpful[1]) ?? 0) : 0,
    reply: reply || null,
  };
}

export function readVisible($: CheerioAPI): MarkupFindings {
  const result = empty();
  const marks = ratingMarks($);
  const cards: Cheerio<Element>[] = [];
  const headerMarks: Mark[] = [];
  for (const mark of marks) {
    const card = cardOf($, mark.el, marks);
    // A card gives whole stars; a mark outside any card is the listing's rating.
    if (card && Number.isInteger(mark.value)) {
      cards.push(card);
      result.reviews.push(readCard($, card, mark.value, result.skipped));
    } else if (!card) headerMarks.push(mark);
  }
  const outside = (el: Element) => !cards.some((c) => c[0] === el || c.find(el).length > 0);
  const header = headerMarks.find((m) => outside(m.el));
  result.average = header?.value ?? null;
  result.found = marks.length;

  // Counts, install band and votes: read from text outside the review cards and other apps, nearest the rating first.
  for (const card of cards) card.attr("data-ls-card", "");
  const strip = (el: Cheerio<AnyNode>) => spacedText($, el.clone().find(`[data-ls-card], ${NOISE}`).remove().end());
  const near = header
    ? [$(header.el).parent(), $(header.el).parent().parent(), $(header.el).parent().parent().parent()].filter(
        (el) => el.length && !el.is("body, html"),
      )
    : [];
  const texts = [...near.map(strip), strip($("body"))];
  const pageText = texts.at(-1)!;
  for (const card of cards) card.removeAttr("data-ls-card");
  for (const text of texts) {
    const m = /(\d[\d,.]*)\s+(?:reviews?|ratings?)\b/i.exec(text);
    if (m) {
      result.count = count(m[1]!);
      break;
    }
  }
  if (NO_REVIEWS.test(pageText)) result.saysNoReviews = true;
  const band = /(\d[\d,.]*\s*\+?\s*(?:k\+?)?)\s+(?:installs|installations)\b/i.exec(pageText);
  result.installBand = band ? installBand(band[1]) : null;
  const up = /(\d[\d,]*)\s+(?:people\s+)?(?:upvotes?|up-?voted|thumbs up|votes?)\b/i.exec(pageText);
  const down = /(\d[\d,]*)\s+(?:downvotes?|down-?voted|thumbs down)\b/i.exec(pageText);
  if (up || down) result.votes = { up: up ? count(up[1]) : null, down: down ? count(down[1]) : null };
  return result;
}
