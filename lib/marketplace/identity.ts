import { createHash } from "node:crypto";

/**
 * How a review keeps one identity across syncs: by the page's own
 * id, or, when the page gives none, by a hash of its author and day — which survives an edit
 * of the text (an edit then updates the review instead of looking like a new one).
 */

type Keyed = { externalId: string | null; author: string; date: Date | null; text: string };

const hash = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/** Stable keys for the reviews of one page, in order; repeats of the same key get a suffix. */
export function reviewKeys(reviews: Keyed[]): string[] {
  const seen = new Map<string, number>();
  return reviews.map((r) => {
    const base = r.externalId
      ? `id:${r.externalId}`
      : r.date
        ? `h:${hash(r.author.trim().toLowerCase(), r.date.toISOString().slice(0, 10))}`
        : `h:${hash(r.author.trim().toLowerCase(), r.text.trim())}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
