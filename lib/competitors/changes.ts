import type { ListingContent } from "@/lib/marketplace/listing-content";
import { plural } from "@/lib/text/words";

/**
 * A competitor's listing as a sync last read it, and what changed since: each field's before and
 * after, in words a change log shows. Screenshots are compared by the SHA-256 of their pictures (an
 * image replaced at the same address is a change; the same picture at a new address is not).
 */
export type StoredContent = Omit<ListingContent, "screenshots"> & {
  screenshots: { url: string; hash: string | null }[];
};

export const CHANGE_FIELDS = [
  "name",
  "summary",
  "description",
  "screenshots",
  "video",
  "categories",
  "pricingUrl",
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const CHANGE_LABELS: Record<ChangeField, string> = {
  name: "name",
  summary: "summary",
  description: "description",
  screenshots: "screenshots",
  video: "video",
  categories: "categories",
  pricingUrl: "pricing link",
};

export type ListingChange = { field: ChangeField; before: string; after: string };

const norm = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
const NONE = "(none)";

function screenshotChange(before: StoredContent["screenshots"], after: StoredContent["screenshots"]) {
  // The same picture is the same screenshot wherever it is served from; a picture that could not be
  // fetched is taken to be unchanged where its address is.
  const same = (a: (typeof before)[number], b: (typeof after)[number]) =>
    a.hash && b.hash ? a.hash === b.hash : a.url === b.url;
  if (before.length === after.length && before.every((b, i) => same(b, after[i]!))) return null;
  const kept = after.filter((a) => before.some((b) => same(b, a))).length;
  const added = after.length - kept;
  const removed = before.length - before.filter((b) => after.some((a) => same(b, a))).length;
  const replaced = Math.min(added, removed);
  const parts = [
    replaced ? `${replaced} replaced` : "",
    added - replaced ? `${added - replaced} added` : "",
    removed - replaced ? `${removed - replaced} removed` : "",
    !added && !removed ? "reordered" : "",
  ].filter(Boolean);
  return {
    before: plural(before.length, "screenshot", "screenshots"),
    after: `${plural(after.length, "screenshot", "screenshots")} (${parts.join(", ")})`,
  };
}

/**
 * The changes from one read to the next. A field the new read did not find counts as removed only
 * when the page was clearly read whole (its name and description were found): a page whose layout
 * changed is never reported as a competitor deleting its listing.
 */
export function listingChanges(before: StoredContent, after: StoredContent): ListingChange[] {
  const whole = Boolean(after.name && after.description);
  const changes: ListingChange[] = [];
  for (const field of CHANGE_FIELDS) {
    if (field === "screenshots") {
      if (!after.screenshots.length && !whole) continue;
      const change = screenshotChange(before.screenshots, after.screenshots);
      if (change) changes.push({ field, ...change });
    } else if (field === "categories") {
      if (!after.categories.length && !whole) continue;
      const [b, a] = [before.categories, after.categories].map((c) => [...c].sort().join(", "));
      if (b !== a)
        changes.push({
          field,
          before: before.categories.join(", ") || NONE,
          after: after.categories.join(", ") || NONE,
        });
    } else {
      const [b, a] = [norm(before[field]), norm(after[field])];
      if (!a && !whole) continue;
      if (b !== a) changes.push({ field, before: before[field] ?? NONE, after: after[field] ?? NONE });
    }
  }
  return changes;
}

export function parseStored(json: string | null): StoredContent | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as StoredContent;
    return Array.isArray(v.screenshots) && Array.isArray(v.categories) ? v : null;
  } catch {
    return null;
  }
}
