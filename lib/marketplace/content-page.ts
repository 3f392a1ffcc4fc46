import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { sameName, type PageIdentity } from "./content-identity";
import { attributeWords, contentRoot, listingElements, sectionTitle, titleName } from "./content-dom";
import { absolute } from "./content-urls";
import { ownText } from "./dom";
import { folded, plain } from "./values";

/**
 * What a visitor reads about the app: its name, tagline, description, categories and pricing link,
 * found by the page's structure (the heading, the block around it, labelled sections, category
 * links) in any of the Marketplace's languages.
 */

const clean = (s: string) => s.replace(/\s+/g, " ").trim();
const meta = ($: CheerioAPI, selector: string) => plain($(selector).attr("content") ?? "") || null;

/** The titles the page gives itself, without the site's name. */
export function pageTitles($: CheerioAPI): string[] {
  return [
    $('meta[property="og:title"]').attr("content"),
    $('meta[name="twitter:title"]').attr("content"),
    $("title").first().text(),
  ]
    .map(titleName)
    .filter((t): t is string => !!t);
}

const ADORNMENT_WORDS = new Set([
  "badge",
  "tag",
  "chip",
  "pill",
  "label",
  "sr",
  "only",
  "visually",
  "hidden",
  "verified",
]);

/** A heading's text without what adorns it ("QuoteCraft <span class=badge>Verified</span>" is "QuoteCraft"). */
function withoutAdornments($: CheerioAPI, el: Element): string {
  const copy = $(el).clone();
  copy
    .find("*")
    .filter((_, child) => attributeWords($, child).some((w) => ADORNMENT_WORDS.has(w)))
    .remove();
  return copy.text() || $(el).text();
}

/**
 * The element showing the app's name: the listing's heading (the one its title names, if several),
 * else, on pages without one (utility-class markup), the first short text that is the title's name.
 */
export function nameElement($: CheerioAPI, identity: PageIdentity): Element | null {
  const titles = pageTitles($);
  // A heading that is only the site's name (a screen-reader "Pipedrive Marketplace") is not the app's.
  const headings = listingElements($, "h1", identity).filter((el) => {
    const text = clean(withoutAdornments($, el));
    return text && !/^(pipedrive|marketplace|pipedrive marketplace|marketplace pipedrive)$/i.test(text);
  });
  const named = headings.find((h) => titles.some((t) => sameName(clean(withoutAdornments($, h)), t)));
  if (named ?? headings[0]) return named ?? headings[0]!;
  return (
    listingElements($, "div, span, p, strong, b, h2, h3", identity).find((el) => {
      const text = clean($(el).text());
      return (
        $(el).children().length === 0 && text.length <= 80 && titles.some((t) => t === text || t.startsWith(`${text} `))
      );
    }) ?? null
  );
}

/** The app's name as shown, or as the page's title gives it. */
export function visibleName($: CheerioAPI, identity: PageIdentity): string | null {
  const el = nameElement($, identity);
  return (el && clean(withoutAdornments($, el))) || pageTitles($)[0] || null;
}

const TAGLINE_WORDS = new Set([
  "tagline",
  "summary",
  "subtitle",
  "subheading",
  "lead",
  "abstract",
  "slogan",
  "excerpt",
  "teaser",
  "strapline",
  "short",
]);
const VENDOR_LINE =
  /^(by|built by|developed by|made by|von|entwickelt von|par|développé par|por|desarrollado por|di|da|door)\s/i;
const RATING_LINE = /\d\s*(★|\/\s*(5|10)\b|out of|of 5|von 5|sur 5|de 5|reviews?|bewertungen|avis|reseñas|avaliações)/i;

/** The tagline shown beside the app's name: a block around the heading marked as its summary. */
export function visibleTagline($: CheerioAPI, identity: PageIdentity): string | null {
  const heading = nameElement($, identity);
  if (!heading) return null;
  let block = $(heading).parent();
  for (let level = 0; level < 3 && block.length && !block.is("main, body, html, [role='main']"); level++) {
    const found = block
      .find("p, div, span, h2, h3")
      .toArray()
      .find((el) => {
        if (!attributeWords($, el).some((w) => TAGLINE_WORDS.has(w)) || $(el).find("h1").length) return false;
        const text = clean($(el).text());
        return text.length >= 10 && text.length <= 400 && !VENDOR_LINE.test(text) && !RATING_LINE.test(text);
      });
    if (found) return clean($(found).text());
    block = block.parent();
  }
  return null;
}

/** The short description the page states for sharing and search, og:description first. */
export function metaSummary($: CheerioAPI): string | null {
  return (
    meta($, 'meta[property="og:description"]') ??
    meta($, 'meta[name="twitter:description"]') ??
    meta($, 'meta[name="description"]')
  );
}

const DESCRIPTION_TITLE =
  /^(about|overview|description|über|übersicht|beschreibung|à propos|a propos|présentation|presentation|descripción|descripcion|acerca de|sobre|visão geral|descrição|descricao|panoramica|descrizione|informazioni|over|beschrijving|overzicht)(?!\p{L})/iu;
const DESCRIPTION_WORDS = new Set(["description", "about", "overview", "desc"]);

/** The app's description section: titled or classed as one, without its headings, sidebars and category lists. */
export function visibleDescription($: CheerioAPI, identity: PageIdentity): string | null {
  const section = listingElements($, "section, div, article", identity).find((el) => {
    if ($(el).find("h1").length) return false;
    const title = sectionTitle($, el);
    return (
      (title !== null && DESCRIPTION_TITLE.test(title)) || attributeWords($, el).some((w) => DESCRIPTION_WORDS.has(w))
    );
  });
  if (!section) return null;
  const copy = $(section).clone();
  // The category list inside it ("Categories: Webinars") is not the description.
  for (const el of copy.find("*").toArray()) {
    if (!isCategoryLabel(ownText($, el))) continue;
    const parent = $(el).parent();
    if (!labelIsLeaf($, el)) $(el).remove();
    else if (parent[0] !== copy[0] && clean(parent.text()).length < 300) parent.remove();
    else for (const part of [el, ...valuesAfter($, el)]) $(part).remove();
  }
  copy.find("h1, h2, h3, h4, h5, h6, [role='heading'], aside, nav, footer, button, script, style, template").remove();
  const text = plain(copy.html() ?? "");
  return text || null;
}

// ---------- categories ----------

const CATEGORY_LABEL =
  /^(app )?(categor(y|ies|ia|ias|ie|ieen|ien)|kategorie|kategorien|kategori|kategorier)( de l'app| der app)?$/;
const isCategoryLabel = (text: string) =>
  CATEGORY_LABEL.test(
    folded(text)
      .replace(/[\s:：,·•|;/]+/g, " ")
      .trim(),
  );
/** A label standing alone ("<h3>Categories</h3>", "<dt>…"), rather than a block with its values inside. */
const labelIsLeaf = ($: CheerioAPI, el: Element) => $(el).children().length === 0;

const CATEGORY_PATH = /\/(categor[a-z]*|kategori[a-z]*)\/[^/?#]+/i;
const isCategoryLink = (href: string | undefined, base: string) => {
  const url = href ? absolute(href, base) : null;
  if (!url) return false;
  const { pathname, searchParams } = new URL(url);
  return CATEGORY_PATH.test(pathname) || searchParams.has("category");
};

/** The names in a block of values: its links, list items, chips, or its text split at separators. */
function namesIn($: CheerioAPI, el: Element): string[] {
  const node = $(el);
  const pick = (selector: string) =>
    node
      .find(selector)
      .addBack(selector)
      .toArray()
      .map((e) => clean($(e).text()))
      .filter(Boolean);
  const links = pick("a");
  if (links.length) return links;
  const items = pick("li");
  if (items.length) return items;
  const chips = node
    .find("*")
    .toArray()
    .filter((e) => $(e).children().length === 0)
    .map((e) => clean($(e).text()))
    .filter(Boolean);
  if (chips.length > 1) return chips;
  return clean(node.text())
    .split(/\s*[,·•|;]\s*/)
    .filter(Boolean);
}

/** Elements up to the next heading or label: the values of the label before them. */
function upToNextLabel($: CheerioAPI, elements: Element[]): Element[] {
  const end = elements.findIndex(
    (el) => $(el).is("h1, h2, h3, h4, h5, h6, dt, th, [role='heading']") || isCategoryLabel(ownText($, el)),
  );
  return end < 0 ? elements : elements.slice(0, end);
}
const valuesAfter = ($: CheerioAPI, label: Element) => upToNextLabel($, $(label).nextAll().toArray());

/** The names a label gives: inside it ("<p>Categories: <a>…</a></p>"), or in the elements after it. */
function labelledNames($: CheerioAPI, label: Element): string[] {
  const values = labelIsLeaf($, label) ? valuesAfter($, label) : upToNextLabel($, $(label).children().toArray());
  return values.flatMap((el) => namesIn($, el));
}

export type VisibleCategories = { shown: string[]; breadcrumbs: string[] };

/**
 * The categories the page shows for the app: labelled ("Categories", "Kategorien", "Catégories" …)
 * and linked to category pages, outside other apps' cards; the breadcrumb trail's categories only as
 * a last resort (its root, the Marketplace, never).
 */
export function visibleCategories($: CheerioAPI, identity: PageIdentity): VisibleCategories {
  const labelled = listingElements($, "h2, h3, h4, h5, h6, dt, th, strong, b, span, p, div, label", identity)
    .filter((el) => isCategoryLabel(ownText($, el)))
    .flatMap((el) => labelledNames($, el))
    .filter((name) => !isCategoryLabel(name));
  const classed = listingElements($, "div, ul, ol, p, span, dd, section", identity)
    .filter(
      (el) =>
        attributeWords($, el).some((w) => w === "categories" || w === "category") &&
        !$(el).find("h1").length &&
        !$(el)
          .parents()
          .toArray()
          .some((p) => attributeWords($, p).some((w) => /crumb/.test(w))),
    )
    .flatMap((el) => namesIn($, el))
    .filter((name) => !isCategoryLabel(name));
  // Unlabelled category links before the app's name are the site's menus, not the app's categories.
  const heading = nameElement($, identity);
  const all = heading ? $("*").toArray() : [];
  const afterHeading = (el: Element) => !heading || all.indexOf(el) > all.indexOf(heading);
  const linked = listingElements($, "a[href]", identity)
    .filter((a) => isCategoryLink($(a).attr("href"), identity.base) && afterHeading(a))
    .map((a) => clean($(a).text()));
  const trails = $("[itemtype*='BreadcrumbList'], nav, ol, ul")
    .toArray()
    .filter(
      (el) =>
        attributeWords($, el).some((w) => /crumb/.test(w)) ||
        /crumb|brotkr|ariane|migas|navega/i.test($(el).attr("aria-label") ?? "") ||
        ($(el).is("nav") && contentRoot($).find(el).length > 0),
    );
  const breadcrumbs = trails.flatMap((trail) =>
    $(trail)
      .find("a[href]")
      .toArray()
      .filter((a) => isCategoryLink($(a).attr("href"), identity.base))
      .map((a) => clean($(a).text())),
  );
  const unique = (names: string[]) => [...new Set(names.filter(Boolean))];
  const shown = unique([...labelled, ...linked]);
  return { shown: shown.length ? shown : unique(classed), breadcrumbs: unique(breadcrumbs) };
}

// ---------- pricing ----------

const PRICING_TEXT =
  /^(see |view |check )?(pricing|prices?|plans?( (&|and) pricing)?|preise|preis|tarifs?|prix|precios|preços|precos|prezzi|prijzen)$/i;
const PRICING_PATH = /\/(pricing|prices|plans|preise|tarifs?|precios|precos|prezzi|prijzen)(\/|$|\?|\.)/i;

/** The app's pricing page: a link so labelled leading off the Marketplace (Pipedrive's own pricing is not it). */
export function visiblePricing($: CheerioAPI, identity: PageIdentity): string | null {
  for (const a of listingElements($, "a[href]", identity)) {
    const href = absolute($(a).attr("href") ?? "", identity.base);
    if (!href || new URL(href).host === identity.host) continue;
    if (PRICING_TEXT.test(clean($(a).text())) || PRICING_PATH.test(new URL(href).pathname)) return href;
  }
  return null;
}
