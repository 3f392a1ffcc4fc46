import { SOURCE_LABELS, type ParsedReview, type SourceName } from "./types";

/** Where a list of reviews came from: a page's source, or the Marketplace's API. */
export type ReviewSource = SourceName | "api";
const labelOf = (source: ReviewSource) => (source === "api" ? "the Marketplace's API" : SOURCE_LABELS[source]);

/** What several sources say about the same reviews, combined into one list without duplicates. */

const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const untruncated = (s: string) => norm(s).replace(/(\s*(…|\.\.\.)|\s*read more)$/i, "");

/** One text is the other, or the other cut short ("…", "Read more"). */
export function compatible(a: string, b: string) {
  if (!a || !b) return true;
  const [x, y] = [untruncated(a), untruncated(b)];
  return x.startsWith(y) || y.startsWith(x);
}

const DAY = 86_400_000;

export function sameReview(a: ParsedReview, b: ParsedReview): boolean {
  if (a.externalId && b.externalId && a.externalId === b.externalId) return true;
  if (a.anchor && b.anchor && a.anchor === b.anchor) return true;
  if (norm(a.author) !== norm(b.author) || !compatible(a.text, b.text)) return false;
  // A date shown as a day may be the previous or next day of the stored instant, by time zone.
  return !a.date || !b.date || Math.abs(a.date.getTime() - b.date.getTime()) <= DAY;
}

export function mergeReviews(lists: { source: ReviewSource; reviews: ParsedReview[] }[]): {
  reviews: ParsedReview[];
  notes: string[];
} {
  const merged: { review: ParsedReview; source: ReviewSource }[] = [];
  const notes: string[] = [];
  for (const { source, reviews } of lists) {
    const claimed = new Set<number>();
    for (const review of reviews) {
      const index = merged.findIndex((m, i) => !claimed.has(i) && m.source !== source && sameReview(m.review, review));
      if (index < 0) {
        merged.push({ review: { ...review }, source });
        claimed.add(merged.length - 1);
        continue;
      }
      claimed.add(index);
      const kept = merged[index]!.review;
      if (kept.stars !== review.stars)
        notes.push(
          `${labelOf(merged[index]!.source)} gives ${kept.author}'s review ${kept.stars} stars, ${labelOf(source)} ${review.stars}: the first was kept`,
        );
      kept.externalId ??= review.externalId;
      kept.anchor ??= review.anchor;
      kept.date ??= review.date;
      if (review.text.length > kept.text.length && compatible(kept.text, review.text)) kept.text = review.text;
      if (
        review.reply &&
        (!kept.reply || (review.reply.length > kept.reply.length && compatible(kept.reply, review.reply)))
      )
        kept.reply = review.reply;
      kept.upvotes = Math.max(kept.upvotes, review.upvotes);
      if (kept.author === "Anonymous" && review.author !== "Anonymous") kept.author = review.author;
    }
  }
  return { reviews: merged.map((m) => m.review), notes };
}
