import { ownerOfAddress, ownerOfObject, type ContentOwner, type PageIdentity } from "./content-identity";
import { APP_TYPE } from "./types";
import { isObject, list, plain, type Json } from "./values";

/**
 * The app's own objects among the page's JSON (JSON-LD, Next.js page data, flight rows, other JSON
 * scripts). An object stands for an app when it is typed so (SoftwareApplication…) or has a name
 * beside fields only an app has (tagline, screenshots, categories, icon…); it is the listing's when
 * its client id or listing address says so, or when the page's WebPage names it as `mainEntity`.
 * Other apps' objects — named by another client id or address, listed with other apps, or kept
 * under a "similar"/"popular" key — are never read, whatever their order on the page.
 */

/** Keys that hold other apps: a similar app's data is never the listing's. */
export const OTHER_APPS_KEY =
  /similar|related|recommend|popular|suggest|also_?like|together|other_?apps|more_?apps|trending|featured|alternatives|competitors|spotlight|you_?might|top_?rated|bestsellers?/i;
export const NAME_KEYS = ["name", "title", "appName", "app_name", "displayName", "display_name", "app_title"];
/** Fields that carry a listing's content: an untyped object with a name and such fields is an app. */
const CONTENT_FIELD =
  /^(tagline|summary|short_?description|description|long_?description|full_?description|screenshots?|images|gallery|media|icon|icons|logo|categories|category_?ids|video(_?url)?|pricing(_?url)?|install_?url|company_?name|vendor|partner|developer|ratings?|rating_?summary)$/i;

export type JsonApps = {
  /** The listing's own objects, most trusted source first. */
  self: Json[];
  /** App objects nothing names, outside lists of other apps: the listing's only if their name is its name. */
  anonymous: Json[];
  /** Objects by `@id`, to follow references (`{"@id": "…#app"}`). */
  index: Map<string, Json>;
  /** Category names by id, from the page's category lists (the Marketplace API gives apps `category_ids`). */
  categoryNames: Map<string, string>;
  /** Category names in the page's breadcrumb trail (its root, "Marketplace", is not one). */
  breadcrumbCategories: string[];
};

const types = (o: Json) => list(o["@type"]).filter((t): t is string => typeof t === "string");
export const nameOf = (o: Json): string | null => {
  for (const k of NAME_KEYS) {
    const v = o[k];
    if (typeof v === "string" && plain(v)) return plain(v);
  }
  return null;
};
const contentFields = (o: Json) => Object.keys(o).filter((k) => CONTENT_FIELD.test(k)).length;

/** A reference (`{"@id": "…"}` alone) resolved to the object it names. */
export const resolve = (v: unknown, index: Map<string, Json>): unknown =>
  isObject(v) && typeof v["@id"] === "string" && Object.keys(v).length === 1 ? (index.get(v["@id"]) ?? v) : v;

function breadcrumbNames(o: Json, identity: PageIdentity): string[] {
  const names: string[] = [];
  for (const item of list(o.itemListElement)) {
    if (!isObject(item)) continue;
    const target = isObject(item.item) ? item.item : null;
    const href = typeof item.item === "string" ? item.item : (target?.["@id"] ?? target?.url);
    const name = item.name ?? target?.name;
    if (typeof href !== "string" || typeof name !== "string") continue;
    let path = "";
    try {
      path = new URL(href, identity.base).pathname;
    } catch {
      continue;
    }
    if (/\/categor[a-z]*\/[^/]+/i.test(path) && plain(name)) names.push(plain(name));
  }
  return names;
}

export function findJsonApps(roots: unknown[], identity: PageIdentity): JsonApps {
  const found: JsonApps = {
    self: [],
    anonymous: [],
    index: new Map(),
    categoryNames: new Map(),
    breadcrumbCategories: [],
  };
  const mainIds = new Set<string>();
  const mainNodes = new Set<Json>();
  const seen = new WeakSet<object>();
  let visited = 0;

  const walk = (v: unknown, depth: number, key: string | null, amongApps: boolean) => {
    if (typeof v !== "object" || v === null || seen.has(v) || depth > 60 || visited++ > 100_000) return;
    if (key && OTHER_APPS_KEY.test(key)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      // A list of several named apps is a list of other apps ("similar apps"), unless one names the listing.
      const named = v.filter((o) => isObject(o) && nameOf(o) && (contentFields(o) > 0 || types(o).length)).length;
      if (key && /categor/i.test(key))
        for (const c of v)
          if (isObject(c) && (typeof c.id === "number" || typeof c.id === "string") && nameOf(c))
            found.categoryNames.set(String(c.id), nameOf(c)!);
      const listed = named >= 2 || (key === "itemListElement" && v.length >= 2);
      for (const item of v) walk(item, depth + 1, key, listed);
      return;
    }
    const o = v as Json;
    const typed = types(o);
    const owner: ContentOwner = ownerOfObject(o, identity);
    if (typeof o["@id"] === "string") found.index.set(o["@id"], o);
    if (typed.includes("BreadcrumbList")) found.breadcrumbCategories.push(...breadcrumbNames(o, identity));
    if (o.mainEntity !== undefined && owner !== "other")
      for (const entity of list(o.mainEntity)) {
        if (typeof entity === "string") mainIds.add(entity);
        else if (isObject(entity) && typeof entity["@id"] === "string") mainIds.add(entity["@id"]);
        if (isObject(entity)) mainNodes.add(entity);
      }
    const isApp = typed.length
      ? typed.some((t) => APP_TYPE.test(t))
      : contentFields(o) >= (nameOf(o) === null ? (owner === "self" ? 2 : Infinity) : owner === "self" ? 1 : 2);
    if (isApp) {
      if (owner === "other") return;
      if (owner === "self") found.self.push(o);
      else if (!amongApps) found.anonymous.push(o);
    }
    // A list item's app is still one of the list's apps.
    const inherited = typed.includes("ListItem") && amongApps;
    for (const [k, child] of Object.entries(o)) walk(child, depth + 1, k, inherited);
  };
  for (const root of roots) walk(root, 0, null, false);

  // The page's declared main entity is the listing's app, even when only a fragment (`#app`) names it.
  for (const id of mainIds) {
    const node = found.index.get(id);
    if (node) mainNodes.add(node);
  }
  for (const node of mainNodes) {
    if (!types(node).some((t) => APP_TYPE.test(t)) && nameOf(node) === null) continue;
    if (typeof node["@id"] === "string" && ownerOfAddress(node["@id"], identity) === "other") continue;
    if (ownerOfObject(node, identity) === "other") continue;
    found.anonymous = found.anonymous.filter((a) => a !== node);
    if (!found.self.includes(node)) found.self.push(node);
  }
  // A page-level object that only names the listing (its client id beside the page's title) comes
  // after the app's own objects, whose fields are the app's.
  const strong = (o: Json) => types(o).some((t) => APP_TYPE.test(t)) || contentFields(o) >= 2;
  found.self = [...found.self.filter(strong), ...found.self.filter((o) => !strong(o))];
  return found;
}
