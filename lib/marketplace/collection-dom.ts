import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { emptyFacts, fits, listingRef, type Candidate, type Listed } from "./collection-list";
import { pageLinks, samePages } from "./collection-paging";
import { statedCount, type StatedCount } from "./collection-text";
import { count } from "./values";

/**
 * Lists of apps in the markup. In the visible page an app is a *card*: the largest element around a
 * link to its listing that holds no other app. Cards side by side under one parent form a list (a
 * heading between them starts another), so a hero app, a "Popular in …" row and the main grid are
 * separate lists, whatever their classes are called. Navigation, page headers and footers and side
 * rails (landmarks) hold no list of the page, and neither does hidden markup (carousel clones,
 * templates). What a list's surroundings say — "57 apps", "Showing 13–24 of 40", a pager — is read
 * from the nearest enclosing elements that hold no other list.
 */

const HEADING = "h1, h2, h3, h4, h5, h6, [role=heading]";
const HIDDEN = "[hidden], [aria-hidden=true], template, noscript";
const MAIN = "main, [role=main]";
/** "#13", "No. 13", "Nr. 13", "N° 13", "Rank 13", "Platz 13". */
const BADGE = /^(?:#|(?:no|nr|n[°º]|rank|rang|platz|place|puesto|posicion|posizione|positie)\.?\s*#?)\s*(\d{1,4})$/i;
const RANK_ATTRS = ["data-position", "data-rank", "aria-posinset"];

const isTag = (n: AnyNode | null | undefined): n is Element => !!n && n.type === "tag";
const contains = (outer: Element, inner: Element) => {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
};
const ownText = (el: Element) =>
  el.children
    .map((c) => (c.type === "text" ? c.data : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();

/** Page chrome by the ARIA rules: a header or footer is the page's banner or footer only outside sectioning. */
function isLandmark(n: Element): boolean {
  if (
    n.name === "nav" ||
    n.name === "aside" ||
    /^(navigation|complementary|banner|contentinfo)$/.test(n.attribs.role ?? "")
  )
    return true;
  if (n.name !== "header" && n.name !== "footer") return false;
  for (let a = n.parent; isTag(a); a = a.parent)
    if (/^(article|aside|main|nav|section)$/.test(a.name) || a.attribs.role === "main") return false;
  return true;
}
const inLandmark = (el: Element) => {
  for (let n: AnyNode | null = el; isTag(n); n = n.parent) if (isLandmark(n)) return true;
  return false;
};

type Card = { el: Element; link: Element; clientId: string; slug: string };
/** Cards side by side; `box` encloses them all (the rows' parent when the grid is drawn as rows). */
type Group = { cards: Card[]; box: Element; rows: Element[] };

function findCards($: CheerioAPI): Card[] {
  let links = $("body a[href]")
    .toArray()
    .flatMap((el) => {
      const ref = listingRef(el.attribs.href);
      return ref && !$(el).closest(HIDDEN).length && !inLandmark(el) ? [{ el, ...ref }] : [];
    });
  const inMain = links.filter((l) => $(l.el).closest(MAIN).length);
  if (inMain.length) links = inMain;
  const appsUnder = new Map<Element, Set<string>>();
  for (const l of links)
    for (let p = l.el.parent; isTag(p); p = p.parent) appsUnder.set(p, (appsUnder.get(p) ?? new Set()).add(l.clientId));
  const cards = new Map<Element, Card>();
  for (const l of links) {
    let card = l.el;
    for (let p = card.parent; isTag(p) && !$(p).is(`body, html, ${MAIN}`) && appsUnder.get(p)!.size === 1; p = p.parent)
      card = p;
    if (!cards.has(card)) cards.set(card, { el: card, link: l.el, clientId: l.clientId, slug: l.slug });
  }
  return [...cards.values()];
}

function groupCards($: CheerioAPI, cards: Card[]): Group[] {
  const byEl = new Map(cards.map((c) => [c.el, c]));
  const runs: Group[] = [];
  const seen = new Set<Element>();
  for (const card of cards) {
    const box = card.el.parent;
    if (!isTag(box) || seen.has(box)) continue;
    seen.add(box);
    let run: Card[] = [];
    const close = () => {
      if (run.length) runs.push({ cards: run, box, rows: [box] });
      run = [];
    };
    for (const child of box.children.filter(isTag)) {
      const c = byEl.get(child);
      if (c) run.push(c);
      else if ($(child).is(HEADING) || $(child).find(HEADING).length) close();
    }
    close();
  }
  // A grid drawn as rows (a `<div>` of three cards, then another) is one list.
  const onlyCards = (row: Element) => row.children.filter(isTag).every((c) => byEl.has(c));
  const follows = (a: Element, b: Element) => {
    let prev = b.prev;
    while (prev && !isTag(prev)) prev = prev.prev;
    return prev === a && a.name === b.name && onlyCards(a) && onlyCards(b) && isTag(b.parent);
  };
  return runs.reduce<Group[]>((groups, g) => {
    const last = groups.at(-1);
    const row = last?.rows.at(-1);
    if (last && row && follows(row, g.box))
      groups[groups.length - 1] = {
        cards: [...last.cards, ...g.cards],
        box: g.box.parent as Element,
        rows: [...last.rows, g.box],
      };
    else groups.push(g);
    return groups;
  }, []);
}

/**
 * Text a visitor reads in an element about it: cards, navigation, rails, footers and hidden parts
 * left out, and links and buttons too ("See all 23 apps" counts another list, "Load 12 more" a
 * batch); pieces spaced ("57" "apps").
 */
function textOutside($: CheerioAPI, el: Element, skip: Set<Element>, pageUrl: string): string {
  const parts: string[] = [];
  const visit = (n: AnyNode) => {
    if (n.type === "text") parts.push(n.data);
    else if (!isTag(n) || skip.has(n) || $(n).is(HIDDEN)) return;
    else if (isLandmark(n) && n.name !== "header") return;
    else if (n.name === "button" || n.name === "select") return;
    else if (n.name === "a" && !samePages(n.attribs.href ?? "", pageUrl)) return;
    else n.children.forEach(visit);
  };
  visit(el);
  return parts.join(" ");
}

/** The element and every element inside it, in document order. */
const within = (el: Element): Element[] => [el, ...el.children.filter(isTag).flatMap(within)];

/** "Sales and CRM (57)": a heading that counts what it heads. */
function headingCount($: CheerioAPI, el: Element, skip: Set<Element>): number | null {
  const inCard = (h: Element) => [...skip].some((c) => contains(c, h));
  const counted = within(el)
    .filter((h) => $(h).is(HEADING) && !inCard(h))
    .map((h) => /\(\s*(\d{1,5})\s*\)$/.exec($(h).text().replace(/\s+/g, " ").trim())?.[1])
    .find(Boolean);
  return counted ? Number(counted) : null;
}

function rankOf(card: Card): number | null {
  const said = within(card.el)
    .flatMap((el) => [...RANK_ATTRS.map((a) => el.attribs[a]?.trim()), BADGE.exec(ownText(el))?.[1]])
    .find((v) => v && /^\d{1,4}$/.test(v));
  return said && Number(said) > 0 ? Number(said) : null;
}

function nameOf($: CheerioAPI, card: Card): string | null {
  const named = $(card.el).find(`${HEADING}, [itemprop=name]`).first().text().replace(/\s+/g, " ").trim();
  if (named) return named;
  const first = within(card.link)
    .map(ownText)
    .find((t) => t.length > 0);
  return first ?? (card.link.attribs["aria-label"]?.trim() || null);
}

function entriesOf($: CheerioAPI, g: Group): Listed[] {
  const entries = g.cards.map((c) => ({ clientId: c.clientId, slug: c.slug, name: nameOf($, c), rank: rankOf(c) }));
  // `<ol start="13">` numbers its items as the page shows them.
  const start = g.box.name === "ol" ? count(g.box.attribs.start) : null;
  if (start !== null && entries.every((e) => e.rank === null) && g.cards.every((c) => c.el.name === "li"))
    return entries.map((e, i) => ({ ...e, rank: start + i }));
  return entries;
}

export type DomReading = {
  candidates: Candidate[];
  /** What the page says outside any card: a count, or that it lists nothing. */
  text: string;
  said: StatedCount | null;
};

export function domCandidates($: CheerioAPI, pageUrl: string): DomReading {
  const cards = findCards($);
  const skip = new Set(cards.map((c) => c.el));
  const read = (el: Element | undefined) => (el ? textOutside($, el, skip, pageUrl) : "");
  const main = read($(MAIN).first()[0]);
  const said = statedCount(main) ?? statedCount(read($("body")[0]));
  const groups = groupCards($, cards);
  const lists = groups.filter((g) => g.cards.length > 1);
  const pager = pageLinks($, pageUrl).filter((a) => !cards.some((c) => contains(c.el, a)));
  const candidates = groups.map((g): Candidate => {
    const entries = entriesOf($, g);
    const facts = emptyFacts();
    let paged = false;
    const shown = new Set(entries.map((e) => e.clientId)).size;
    // Outwards from the list, up to where another list begins: what is said there is about this one.
    for (let level: AnyNode | null = g.box; isTag(level); level = level.parent) {
      const at = level;
      if (lists.some((o) => o !== g && contains(at, o.box))) break;
      paged ||= pager.some((a) => contains(at, a));
      const near = facts.total === null ? statedCount(read(at)) : null;
      const headed = near ? null : facts.total === null ? headingCount($, at, skip) : null;
      if (near && fits(near.total, shown)) {
        facts.total = near.total;
        if (near.from !== null && near.to !== null) {
          facts.offset = near.from - 1;
          if (near.to < near.total) facts.size = near.to - near.from + 1;
        }
      } else if (fits(headed, shown)) facts.total = headed;
      if (at.name === "body") break;
    }
    return { source: "dom", entries, facts, evidence: facts.total !== null || paged };
  });
  // A card standing alone is a hero or a promotion, unless the page ties it to a count or has nothing else.
  const kept = lists.length ? candidates.filter((c) => c.entries.length > 1 || c.evidence) : candidates;
  return { candidates: kept, text: main || read($("body")[0]), said };
}

/** schema.org microdata: an ItemList's ListItems, each with a position and a URL. */
export function microdataCandidate($: CheerioAPI): Candidate | null {
  const list = $('[itemtype$="schema.org/ItemList"]').first();
  if (!list.length) return null;
  const entries = list
    .find('[itemprop="itemListElement"]')
    .toArray()
    .flatMap((el): Listed[] => {
      const item = $(el);
      const url = item.find('[itemprop="url"]').first();
      const ref =
        listingRef(url.attr("href") ?? url.attr("content")) ?? listingRef(item.find("a[href]").first().attr("href"));
      if (!ref) return [];
      const rank = count(item.find('[itemprop="position"]').first().attr("content"));
      const name = item.find('[itemprop="name"]').first().text().trim() || null;
      return [{ ...ref, name, rank: rank && rank > 0 ? rank : null }];
    });
  if (!entries.length) return null;
  const facts = emptyFacts();
  const total = count(list.find('[itemprop="numberOfItems"]').first().attr("content"));
  if (fits(total, new Set(entries.map((e) => e.clientId)).size)) facts.total = total;
  return { source: "microdata", entries, facts, evidence: facts.total !== null };
}
