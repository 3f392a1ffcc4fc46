import type { CheerioAPI } from "cheerio";
import type { Json } from "./values";

/**
 * Which app a piece of the page is about. A listing page also shows similar apps, "popular in"
 * rows and apps used together, often in the same shapes and sometimes first; the listing's own
 * data is told apart by what names it: its client id, or a listing address with its client id
 * (or slug) — the address fetched, which after a redirect is the final one, the canonical link
 * or og:url, since a renamed app keeps its client id but not its slug.
 */

export type PageIdentity = {
  /** The page's address, to resolve relative ones against. */
  base: string;
  host: string;
  ids: Set<string>;
  slugs: Set<string>;
};

/** Whose a piece of data is: the listing's, another app's, or nothing says. */
export type ContentOwner = "self" | "other" | "unknown";

type AppAddress = { slug: string; id: string | null };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s).toLowerCase();
  } catch {
    return s.toLowerCase();
  }
};

/**
 * The app a listing address names (`…/marketplace/app/<slug>/<client id>`, the older
 * `marketplace.pipedrive.com/app/<slug>/<client id>`, or `/app/<slug>/<id>` on the page's own host).
 */
export function appAddress(raw: string, identity: Pick<PageIdentity, "base" | "host">): AppAddress | null {
  // A fragment ("#app") names a node of the page's own data, not a listing.
  if (raw.trim().startsWith("#")) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), identity.base);
  } catch {
    return null;
  }
  const marketplace =
    url.pathname.includes("/marketplace/app/") || url.hostname.startsWith("marketplace.") || url.host === identity.host;
  const m = /\/app\/([^/?#]+)(?:\/([^/?#]+))?/.exec(url.pathname);
  if (!marketplace || !m) return null;
  return { slug: decode(m[1]!), id: m[2] ? decode(m[2]) : null };
}

export function pageIdentity($: CheerioAPI, url: string, clientId?: string): PageIdentity {
  let host = "";
  try {
    host = new URL(url).host;
  } catch {
    // A page without a usable address: only the client id can name the app.
  }
  const identity: PageIdentity = { base: url, host, ids: new Set(), slugs: new Set() };
  if (clientId) identity.ids.add(clientId.toLowerCase());
  const addresses = [url, $('link[rel="canonical"]').attr("href"), $('meta[property="og:url"]').attr("content")].filter(
    (a): a is string => !!a,
  );
  for (const address of addresses) {
    const app = appAddress(address, identity);
    if (!app) continue;
    identity.slugs.add(app.slug);
    // Without a client id given, the page's own addresses say it.
    if (app.id && !clientId) identity.ids.add(app.id);
  }
  return identity;
}

/** Whose an address is: null when it is not a listing address at all. */
export function ownerOfAddress(raw: string, identity: PageIdentity): ContentOwner | null {
  const app = appAddress(raw, identity);
  if (!app) return null;
  if (app.id) return identity.ids.has(app.id) ? "self" : identity.ids.size ? "other" : "unknown";
  return identity.slugs.has(app.slug) ? "self" : identity.slugs.size ? "other" : "unknown";
}

const CLIENT_ID_KEYS = /^(client_?id|app_?client_?id|oauth_?client_?id|marketplace_?client_?id)$/i;
const ADDRESS_KEYS =
  /^(@id|url|href|link|permalink|canonical(_?url)?|listing_?url|page_?url|app_?url|marketplace_?url|share_?url|main_?entity_?of_?page)$/i;
const SLUG_KEYS = /^(slug|app_?path|app_?slug|listing_?slug)$/i;

/**
 * Whose a JSON object is, by its own fields: a client id (the strongest), a listing address, then a
 * slug. A client id anywhere among its values names the listing too (`id`, `appId`, …).
 */
export function ownerOfObject(o: Json, identity: PageIdentity): ContentOwner {
  let byAddress: ContentOwner | null = null;
  let bySlug: ContentOwner | null = null;
  for (const [k, v] of Object.entries(o)) {
    const text = typeof v === "string" || typeof v === "number" ? String(v).trim().toLowerCase() : null;
    if (CLIENT_ID_KEYS.test(k) && text)
      return identity.ids.has(text) ? "self" : identity.ids.size ? "other" : "unknown";
    if (text && identity.ids.has(text)) return "self";
    if (ADDRESS_KEYS.test(k) && text) byAddress ??= ownerOfAddress(text, identity);
    if (SLUG_KEYS.test(k) && text && identity.slugs.size)
      bySlug ??= identity.slugs.has(decode(text.replace(/^\/+|\/+$/g, ""))) ? "self" : "other";
  }
  return byAddress ?? bySlug ?? "unknown";
}

/**
 * Names compared as people read them: "QuoteCraft" is "Quotecraft", and "Prospecto" names "Prospecto
 * pour Pipedrive" — but not "Prospecto Pro", which may well be another app.
 */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const fold = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  if (!a || !b) return false;
  const [x, y] = [fold(a), fold(b)];
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short === long || (long.startsWith(`${short} `) && long.slice(short.length).includes("pipedrive"));
}
