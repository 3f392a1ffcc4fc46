import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { emptyFindings, ownText, spacedText, type MarkupFindings } from "./dom";
import {
  averageAndCountIn,
  averageIn,
  helpfulIn,
  installBandIn,
  NO_REVIEWS,
  OTHER_APPS_HEADING,
  ratingPhrase,
  REPLY_START,
  reviewCountIn,
} from "./phrases";
import type { ParsedReview } from "./types";
import { date, dateIn, folded, plain } from "./values";

/**
 * What a visitor sees, read by content rather than by class names (which a site's build renames at
 * will): star marks — labels such as "Rated 4 out of 5" or "4 von 5 Sternen", rows of ★ — each in a
 * review card, that is the largest element around it holding no other mark and a date or a name; the
 * listing's own rating and count outside the cards ("4.3 ★ · 48 reviews", "4,7 von 5 Sternen · 1.234
 * Bewertungen"); and none of it from rows of other apps (a link to another listing, a "Similar apps"
 * or "Beliebt in …" row).
 */

type Mark = { el: Element; value: number };
type Context = { clientId?: string | null };

const SKIP = "script, style, noscript, template, head";
const LISTING_LINK = /\/marketplace\/app\/[^/?#]+\/([A-Za-z0-9_-]{6,64})/;

/** The elements that show other apps (rows under a "Similar apps"-like heading, links to other listings). */
function otherApps($: CheerioAPI, { clientId }: Context): Set<Element> {
  const noise = new Set<Element>();
  $("h1, h2, h3, h4, h5, h6, [role='heading'], [aria-label], div, span, p, strong").each((_, el) => {
    const node = $(el);
    const label = node.attr("aria-label") ?? "";
    const own = node.children().length <= 2 ? spacedText($, node) : "";
    const heading =
      node.is("h1, h2, h3, h4, h5, h6, [role='heading']") || (own.length <= 60 && node.children().length === 0);
    if ((heading && own && OTHER_APPS_HEADING.test(folded(own))) || (label && OTHER_APPS_HEADING.test(folded(label)))) {
      // The row is the heading's container: the heading's parent, unless the label is on the row itself.
      const row = label && !heading ? node : node.parent();
      if (row.length && !row.is("body, html, main")) noise.add(row[0] as Element);
    }
  });
  // A link to another listing, and the small row around it (its name, its stars, its count).
  $("a[href]").each((_, el) => {
    const id = LISTING_LINK.exec($(el).attr("href") ?? "")?.[1];
    if (!id || id === clientId) return;
    noise.add(el);
    const row = $(el).parent();
    if (row.length && !row.is("body, html, main") && !row.find("h1").length && spacedText($, row).length <= 200)
      noise.add(row[0] as Element);
  });
  // The site's own header, navigation and footer (a review card's <header> is the review's).
  $("header, nav, footer")
    .filter((_, el) => $(el).closest("article, li, main").length === 0)
    .each((_, el) => void noise.add(el));
  return noise;
}

const inNoise = ($: CheerioAPI, el: Element, noise: Set<Element>) => {
  for (let node: Element | null = el; node; node = node.parent as Element | null) if (noise.has(node)) return true;
  return false;
};

/** Elements whose label or own short text states a rating, those of other apps left aside. */
function ratingMarks($: CheerioAPI, noise: Set<Element>): Mark[] {
  const marks: Mark[] = [];
  $("body *").each((_, el) => {
    const node = $(el);
    if (node.is(SKIP)) return;
    const label = node.attr("aria-label") ?? node.attr("title") ?? node.attr("alt") ?? node.attr("data-rating");
    let value = label ? ratingPhrase(label) : null;
    if (value === null) {
      const own = node.children().length === 0 ? spacedText($, node) : ownText($, el);
      // Short text only ("4.3 out of 5"): a sentence of a review may say "5 out of 5" too.
      if (own && own.length <= 60) value = ratingPhrase(own);
    }
    // A label on the element and on its child (an icon) is one mark.
    if (value !== null && !marks.some((m) => $(m.el).find(el).length) && !inNoise($, el, noise))
      marks.push({ el, value });
  });
  return marks;
}

/** A date an element shows: a `<time>`, or a short text that is a date (a relative one included). */
function dateOfCard($: CheerioAPI, card: Cheerio<Element>): { date: Date | null; el: Element | null } {
  const time = card.find("time").first();
  if (time.length) {
    const at = date(time.attr("datetime")) ?? date(plain(time.text())) ?? dateIn(plain(time.text()));
    if (at) return { date: at, el: time[0]! };
  }
  for (const el of card.find("*").toArray()) {
    if ($(el).children().length) continue;
    const text = spacedText($, $(el));
    if (text.length > 60) continue;
    const at = date(text) ?? (text.length <= 40 ? dateIn(text) : null);
    if (at) return { date: at, el };
  }
  return { date: null, el: null };
}

const AUTHOR_HINT =
  "[itemprop='author'], [class*='author' i], [class*='reviewer' i], [class*='user' i], [class*='name' i], [data-testid*='author' i]";
const NOT_A_NAME =
  /^(verified|verifiziert|verifie|verificado|helpful|hilfreich|utile|util|reply|antwort|reponse|respuesta|resposta|show more|read more|mehr|plus|mas|\d|[★☆⭐])/;

/** The card's author: where the markup says so, else the first short name-like text before the review's words. */
function authorOf($: CheerioAPI, card: Cheerio<Element>, skip: Set<Element>): string {
  const fit = (el: Element) => {
    const text = plain($(el).text());
    if (!text || text.length > 60 || skip.has(el)) return null;
    if (/^[A-Z]{1,3}$/.test(text) || NOT_A_NAME.test(folded(text))) return null;
    if (date(text) || dateIn(text) || ratingPhrase(text) !== null || !/\p{L}{2}/u.test(text)) return null;
    if (text.split(/\s+/).length > 6) return null;
    return text;
  };
  for (const el of card.find(AUTHOR_HINT).toArray()) {
    if ($(el).children().length > 2) continue;
    const name = fit(el);
    if (name) return name;
  }
  for (const el of card.find("strong, b, cite, h3, h4, h5, h6").toArray()) {
    const name = fit(el);
    if (name) return name;
  }
  for (const el of card.find("*").toArray()) {
    if ($(el).children().length || $(el).is("p, button, a, time")) continue;
    const name = fit(el);
    if (name) return name;
  }
  return "";
}

const REPLY_SELECTOR =
  "blockquote, [class*='reply' i], [class*='response' i], [aria-label*='reply' i], [aria-label*='response' i], [data-testid*='reply' i]";

function readCard($: CheerioAPI, card: Cheerio<Element>, stars: number, mark: Element, notes: string[]): ParsedReview {
  let replyEl = card.find(REPLY_SELECTOR).first();
  if (!replyEl.length) {
    const started = card
      .find("p, div")
      .toArray()
      .find((el) => $(el).children("p, div").length === 0 && REPLY_START.test(plain($(el).text())));
    if (started) replyEl = $(started) as Cheerio<Element>;
  }
  const inReply = (el: AnyNode) => replyEl.length > 0 && (replyEl[0] === el || replyEl.find(el as Element).length > 0);
  const when = dateOfCard($, card);
  const skip = new Set<Element>([mark, ...(when.el ? [when.el] : []), ...card.find(REPLY_SELECTOR).toArray()]);
  const author = authorOf($, card, skip).slice(0, 200);
  const isText = (el: Element) => {
    const text = plain($(el).text());
    return (
      !inReply(el) &&
      !skip.has(el) &&
      text.length > 0 &&
      text !== author &&
      helpfulIn(text) === null &&
      ratingPhrase(text) === null &&
      !(text.length <= 40 && (date(text) || dateIn(text)))
    );
  };
  let paragraphs = card
    .find("p")
    .toArray()
    .filter(isText)
    .map((el) => plain($(el).text()));
  if (!paragraphs.length) {
    const leaves = card
      .find("*")
      .toArray()
      .filter((el) => $(el).children().length === 0 && !$(el).is("button, a") && isText(el))
      .map((el) => plain($(el).text()))
      .filter((t) => t.length >= 15);
    paragraphs = leaves.length ? [leaves.reduce((a, b) => (b.length > a.length ? b : a))] : [];
  }
  if (!when.date && card.find("time").length)
    notes.push(
      `The date "${plain(card.find("time").first().text())}" of a review could not be read; the review is kept without a date`,
    );
  const replyParas = replyEl.find("p");
  const reply = replyEl.length
    ? (replyParas.length
        ? replyParas
            .map((_, p) => plain($(p).text()))
            .get()
            .join("\n\n")
        : plain(replyEl.text())
      ).replace(REPLY_START, "")
    : "";
  return {
    externalId: card.attr("data-review-id") ?? card.attr("data-id") ?? null,
    anchor: card.attr("id") ?? null,
    author: author || "Anonymous",
    stars: Math.round(stars),
    date: when.date,
    text: paragraphs.join("\n\n"),
    upvotes: helpfulIn(spacedText($, card)) ?? 0,
    reply: reply || null,
  };
}

/**
 * The review card around a star mark: the largest element around it that holds no other mark, provided
 * it has a date or a name-like author and some words; null for a mark that is no review's (the listing's).
 */
function cardOf($: CheerioAPI, mark: Element, marks: Mark[]): Cheerio<Element> | null {
  const others = marks.filter((m) => m.el !== mark).map((m) => m.el);
  let card: Cheerio<Element> | null = null;
  // The page's title is never in a review: a card stops below the element that holds it.
  for (let el = $(mark).parent(); el.length && !el.is("body, html, main"); el = el.parent()) {
    if (others.some((o) => el.find(o).length > 0) || el.find("h1").length) break;
    card = el as Cheerio<Element>;
  }
  if (!card) return null;
  const when = dateOfCard($, card);
  const words = spacedText($, card).length;
  return (when.date || authorOf($, card, new Set([mark]))) && words >= 20 ? card : null;
}

/** Text of the page outside review cards and other apps' rows, labels (aria-label) included. */
function outsideText($: CheerioAPI, root: Cheerio<AnyNode>, excluded: Set<Element>): string {
  const parts: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === "text") parts.push((node as unknown as { data: string }).data);
    else if (node.type === "tag") {
      const el = node as Element;
      if (excluded.has(el) || $(el).is(SKIP)) return;
      const label = el.attribs?.["aria-label"];
      if (label) parts.push(` ${label} `);
      for (const child of el.children) visit(child);
      parts.push(" ");
    }
  };
  root.each((_, n) => visit(n));
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

export function readVisible($: CheerioAPI, context: Context = {}): MarkupFindings {
  const result = emptyFindings();
  const noise = otherApps($, context);
  const marks = ratingMarks($, noise);
  const cards: Element[] = [];
  const headerMarks: Mark[] = [];
  for (const mark of marks) {
    const card = Number.isInteger(mark.value * 2) ? cardOf($, mark.el, marks) : null;
    if (card && !cards.includes(card[0]!)) {
      cards.push(card[0]!);
      result.reviews.push(readCard($, card, mark.value, mark.el, result.skipped));
    } else if (!card) headerMarks.push(mark);
  }
  result.found = marks.length;
  const excluded = new Set<Element>([...noise, ...cards]);
  const header = headerMarks.find((m) => !cards.some((c) => $(c).find(m.el).length));
  // The listing's rating and count: by the header mark first, then anywhere outside the cards and other apps.
  const near = header
    ? [1, 2, 3, 4].map((n) => {
        let el: Cheerio<AnyNode> = $(header.el);
        for (let i = 0; i < n; i++) el = el.parent();
        return el;
      })
    : [];
  const texts = [...near.filter((el) => el.length && !el.is("body, html")).map((el) => outsideText($, el, excluded))];
  const pageText = outsideText($, $("body"), excluded);
  texts.push(pageText);
  const pair = texts.map(averageAndCountIn).find(Boolean) ?? null;
  result.average =
    header && header.value % 1 !== 0
      ? header.value
      : (pair?.average ?? texts.map(averageIn).find((a) => a !== null) ?? header?.value ?? null);
  result.count = texts.map(reviewCountIn).find((n) => n !== null) ?? pair?.count ?? null;
  if (result.count === null) {
    // A count alone beside the reviews' heading: "Reviews 14".
    const heading = $("h2, h3").filter((_, el) =>
      /^(reviews?|bewertungen|avis|resenas|opiniones|avaliacoes|recensioni|beoordelingen)$/.test(
        folded(plain($(el).text())),
      ),
    );
    const badge = heading
      .first()
      .siblings()
      .filter((_, el) => /^\d{1,3}(?:[.,\s]\d{3})*$/.test(plain($(el).text())))
      .first();
    if (badge.length) result.count = Number(plain(badge.text()).replace(/[.,\s]/g, ""));
  }
  if (NO_REVIEWS.test(folded(pageText))) result.saysNoReviews = true;
  result.installBand = installBandIn(pageText);
  const up = /(\d[\d,]*)\s+(?:people\s+)?(?:upvotes?|up-?voted|thumbs up)\b/i.exec(pageText);
  const down = /(\d[\d,]*)\s+(?:downvotes?|down-?voted|thumbs down)\b/i.exec(pageText);
  if (up || down)
    result.votes = {
      up: up ? Number(up[1]!.replace(/,/g, "")) : null,
      down: down ? Number(down[1]!.replace(/,/g, "")) : null,
    };
  return result;
}
