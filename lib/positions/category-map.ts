import "server-only";
import { db } from "@/lib/db";
import type { ApiApp } from "@/lib/marketplace/api";

/**
 * The Marketplace's categories are numeric ids on its API side and names on its pages. The map is
 * learned from what is read — names the API gives beside its ids, or an app whose API answer has one
 * category id and whose page names one category — and kept, so positions can ask the API for a
 * category's list by id and suggestions can name what the API numbers.
 */
export async function learnCategories(api: ApiApp | null, pageCategories: string[]): Promise<number> {
  if (!api) return 0;
  const pairs = new Map<number, string>();
  for (const c of api.categories) if (c.id !== null && c.name) pairs.set(c.id, c.name);
  const ids = api.categories.filter((c) => c.id !== null && !c.name).map((c) => c.id!);
  const names = [...new Set(pageCategories.map((c) => c.trim()).filter(Boolean))];
  if (ids.length === 1 && names.length === 1 && !pairs.size) pairs.set(ids[0]!, names[0]!);
  for (const [id, name] of pairs)
    await db.marketplaceCategory.upsert({ where: { id }, create: { id, name }, update: { name } });
  return pairs.size;
}

/** The API's id of a category the pages name (case and spacing aside), when it was learned. */
export async function categoryIdOf(name: string): Promise<number | null> {
  const wanted = name.trim().toLowerCase();
  const rows = await db.marketplaceCategory.findMany({ select: { id: true, name: true } });
  return rows.find((r) => r.name.trim().toLowerCase() === wanted)?.id ?? null;
}

/** Every learned category, by id. */
export async function categoryNames(): Promise<Map<number, string>> {
  return new Map((await db.marketplaceCategory.findMany()).map((c) => [c.id, c.name]));
}
