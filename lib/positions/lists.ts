import { kebabCase } from "es-toolkit/compat";

/**
 * The Marketplace lists an app can hold a position in: the collections every app may enter (ordered by
 * ratings and reviews; App extensions by having extensions) and the categories the listing chose. Their
 * addresses are not documented; these follow the listing pages' form, `/<lang>/marketplace/…`.
 */
export type ListKind = "COLLECTION" | "CATEGORY";
export type MarketplaceList = { kind: ListKind; key: string; name: string };

export const MARKETPLACE_COLLECTIONS: MarketplaceList[] = [
  { kind: "COLLECTION", key: "top-rated", name: "Top rated" },
  { kind: "COLLECTION", key: "trending", name: "Trending" },
  { kind: "COLLECTION", key: "app-extensions", name: "App extensions" },
];

export const categoryList = (name: string): MarketplaceList => ({ kind: "CATEGORY", key: kebabCase(name), name });

/** Every list an app with these categories can be found in, each once. */
export function listsFor(categories: string[]): MarketplaceList[] {
  const lists = [...MARKETPLACE_COLLECTIONS, ...categories.filter((c) => c.trim()).map((c) => categoryList(c.trim()))];
  const seen = new Set<string>();
  return lists.filter((l) => (seen.has(listId(l)) ? false : (seen.add(listId(l)), l.key !== "")));
}

export const listId = (list: { kind: string; key: string }) => `${list.kind}:${list.key}`;

export const listUrl = (marketplace: string, list: MarketplaceList) =>
  `${marketplace.replace(/\/+$/, "")}/en/marketplace/${list.kind === "COLLECTION" ? "collections" : "categories"}/${encodeURIComponent(list.key)}`;

/** "#4", or "not listed" when the whole list was read without the app. */
export const rankLabel = (rank: number | null) => (rank === null ? "not listed" : `#${rank}`);

/** A change of position in words: "moved from #7 to #4 in Sales tools". */
export function rankChangeText(listName: string, from: number | null, to: number | null): string {
  if (from === null) return `entered ${listName} at #${to}`;
  if (to === null) return `left ${listName} (was #${from})`;
  return `moved from #${from} to #${to} in ${listName}`;
}

/** The categories a stored listing draft names (JSON text; anything unreadable names none). */
export const categoriesOf = (draft: string | null | undefined): string[] => {
  try {
    const data = draft ? (JSON.parse(draft) as { categories?: unknown }) : {};
    return Array.isArray(data.categories) ? data.categories.filter((c): c is string => typeof c === "string") : [];
  } catch {
    return [];
  }
};
