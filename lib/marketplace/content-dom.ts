import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { ownerOfAddress, type PageIdentity } from "./content-identity";

/**
 * Where on the visible page the listing's own content is. Besides the listing, a page shows other
 * apps (similar, popular, used together, often as cards linking to their listings), reviews (whose
 * avatars, links and videos are the reviewers'), and the site's navigation and footer. They are
 * told apart by structure — a link to another listing, a section whose title or class says what it
 * is — not by the exact class names of one version of the site.
 */

/** The page's main content, or its body when it marks none. */
export function contentRoot($: CheerioAPI): Cheerio<Element> {
  const main = $("main, [role='main']").first();
  return main.length ? main : $("body");
}

/** The words of class names, ids and test ids: "Reviews_root__uT6bN" → reviews, root, ut6bn; "user-reviews" → user, reviews. */
export function attributeWords($: CheerioAPI, el: Element): string[] {
  const node = $(el);
  return [node.attr("class"), node.attr("id"), node.attr("data-testid"), node.attr("data-section")]
    .filter((a): a is string => !!a)
    .join(" ")
    .split(/[\s_\-:]+|(?<=[a-z])(?=[A-Z])/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

const NOT_LISTING_WORDS = new Set([
  "similar",
  "related",
  "recommended",
  "recommendations",
  "recommend",
  "popular",
  "alternatives",
  "trending",
  "spotlight",
  "together",
  "review",
  "reviews",
  "testimonial",
  "testimonials",
  "comments",
  "footer",
  "cookie",
  "cookies",
  "newsletter",
  "ähnliche",
  "similaires",
  "similares",
  "relacionados",
  "beliebt",
  "populaires",
  "populares",
  "bewertungen",
]);

/** A section title (or label) that says the section is about other apps, or holds reviews. */
export const NOT_LISTING_TITLE =
  /(?<!\p{L})(similar|related|recommended|popular|you (might|may) (also )?like|also like|used together|other apps|more apps|more from|apps like|others also|alternatives|trending|customers also|discover more|reviews?|ratings? (and|&) reviews|ähnliche|beliebt|bewertungen|similaires|populaires|avis|similares|populares|relacionad\p{L}*|reseñas|opiniones|avaliações|recensioni|beoordelingen|vergelijkbare)(?!\p{L})/iu;

const HEADING = "h1, h2, h3, h4, h5, h6, [role='heading']";
const TITLE_WORDS = new Set([
  "title",
  "heading",
  "headline",
  "font-semibold",
  "font-bold",
  "text-xl",
  "text-2xl",
  "text-lg",
]);

/** A section's own title: its first heading, or a first child styled as one (utility-class pages use divs). */
export function sectionTitle($: CheerioAPI, el: Element): string | null {
  let first = $(el).children().first();
  // A section header wrapping its title (`<header><h2>Similar apps</h2><a>See all</a></header>`).
  if (first.is("header, hgroup") || (first.children().length && first.children().first().is(HEADING)))
    first = first.children().first();
  if (!first.length || first.is("h1")) return null;
  const classes = (first.attr("class") ?? "").toLowerCase().split(/\s+/);
  const styled =
    classes.some((c) => TITLE_WORDS.has(c) || /(^|[_-])(title|heading)([_-]|$)/.test(c)) &&
    first
      .children()
      .toArray()
      .every((c) => $(c).is("span, strong, b, em, i, a, small, svg"));
  if (!first.is(HEADING) && !styled) return null;
  const text = first.text().replace(/\s+/g, " ").trim();
  return text && text.length <= 80 ? text : null;
}

/** Whether a link leads to another app's listing. */
export function linksToOtherApp($: CheerioAPI, el: Element, identity: PageIdentity): boolean {
  const href = $(el).attr("href");
  return !!href && ownerOfAddress(href, identity) === "other";
}

type Verdicts = { root: Element | undefined; up: Map<Element, boolean>; card: Map<Element, boolean> };
/** Verdicts per node for one read (keyed by its identity): every element's question shares its ancestors' answers. */
const verdicts = new WeakMap<PageIdentity, Verdicts>();

/** Whether a node itself says it is not the listing's: site chrome, another app's link, a section about other apps or reviews. */
function saysOutside($: CheerioAPI, node: Element, identity: PageIdentity, isRoot: boolean): boolean {
  const $node = $(node);
  if ($node.is("footer, nav, [role='navigation'], [role='contentinfo']")) return true;
  // The site's own header (a page without a main element): not a header around the app's name.
  if ($node.is("header") && !$node.find("h1").length && !$node.parents("main, article, section").length) return true;
  if ($node.is("a[href]") && linksToOtherApp($, node, identity)) return true;
  if (attributeWords($, node).some((w) => NOT_LISTING_WORDS.has(w))) return true;
  const label = $node.attr("aria-label");
  if (label && NOT_LISTING_TITLE.test(label)) return true;
  // The main content's own first heading titles the page, not a section of it.
  const title = isRoot ? null : sectionTitle($, node);
  return title !== null && NOT_LISTING_TITLE.test(title);
}

/**
 * Whether an element belongs to something other than the listing: another app's card or section,
 * the reviews, the site's navigation or footer.
 */
export function outsideListing($: CheerioAPI, el: AnyNode, identity: PageIdentity): boolean {
  let cache = verdicts.get(identity);
  if (!cache) verdicts.set(identity, (cache = { root: contentRoot($)[0], up: new Map(), card: new Map() }));
  const { root, up, card } = cache;
  const upward = (node: Element | null): boolean => {
    if (!node || node.type !== "tag" || node.name === "body" || node.name === "html") return false;
    let verdict = up.get(node);
    if (verdict === undefined) {
      verdict =
        saysOutside($, node, identity, node === root) || (node !== root && upward(node.parent as Element | null));
      up.set(node, verdict);
    }
    return verdict;
  };
  // A small block holding a link to another listing is that app's card (the link may be beside a picture).
  const isCard = (node: Element | null): boolean => {
    if (!node || node.type !== "tag" || node === root || node.name === "body") return false;
    let verdict = card.get(node);
    if (verdict === undefined) {
      const $node = $(node);
      verdict =
        $node.text().length < 300 &&
        $node
          .find("a[href]")
          .toArray()
          .some((a) => linksToOtherApp($, a, identity));
      card.set(node, verdict);
    }
    return verdict;
  };
  const node = el as Element;
  const parent = node.parent as Element | null;
  return upward(node) || isCard(parent) || (parent !== root && isCard(parent?.parent as Element | null));
}

/** The elements matching a selector within the listing's own content. */
export function listingElements($: CheerioAPI, selector: string, identity: PageIdentity): Element[] {
  const root = verdicts.get(identity)?.root ?? contentRoot($)[0];
  return $(root ?? "body")
    .find(selector)
    .toArray()
    .filter((el) => !outsideListing($, el, identity));
}

/** The page's app name from its title: "CallNest – Telefonie für Pipedrive | Pipedrive Marketplace" → "CallNest". */
export function titleName(title: string | undefined): string | null {
  let t = (title ?? "").replace(/\s+/g, " ").trim();
  for (let again = true; again;) {
    const m = /^(.+?)\s+[|–—·:-]\s+([^|–—·]*)$/.exec(t);
    again = !!m && /pipedrive|marketplace/i.test(m[2]!);
    if (again) t = m![1]!.trim();
  }
  return t || null;
}
