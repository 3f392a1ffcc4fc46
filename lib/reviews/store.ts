import { db } from "@/lib/db";
import { reviewKeys } from "./identity";
import type { ParsedListing } from "./parse-listing";

export type ApplyResult = {
  added: { id: string; author: string; stars: number; text: string; reviewedAt: Date | null }[];
  updated: number;
  removed: number;
  snapshotId: string;
  /** The app's first successful read: its reviews are a baseline, not news. */
  baseline: boolean;
};

/**
 * Stores one successful read of a listing page in a single transaction: a rating snapshot,
 * reviews upserted by their stable key (an edit keeps the previous text as a revision), and
 * reviews gone from the page marked removed. When the page lists only its latest reviews
 * (fewer than its review count), only reviews at least as recent as the oldest one shown can
 * be known to be gone.
 */
export async function applyListing(appId: string, parsed: ParsedListing, runId: string | null, now = new Date()): Promise<ApplyResult> {
  const keys = reviewKeys(parsed.reviews);
  return db.$transaction(async (tx) => {
    const baseline = (await tx.ratingSnapshot.count({ where: { appId } })) === 0;
    // Imported reviews share the sync's keys: when the page shows one, the sync takes it over.
    const existing = new Map((await tx.review.findMany({ where: { appId, source: { in: ["SYNC", "IMPORT"] } } })).map((r) => [r.externalKey, r]));
    const result: ApplyResult = { added: [], updated: 0, removed: 0, snapshotId: "", baseline };

    for (const [i, r] of parsed.reviews.entries()) {
      const key = keys[i]!;
      const old = existing.get(key);
      if (!old) {
        const created = await tx.review.create({
          data: { appId, externalKey: key, source: "SYNC", author: r.author, stars: r.stars, reviewedAt: r.date, text: r.text, upvotes: r.upvotes, publicReply: r.reply, firstSeenAt: now, status: r.reply ? "REPLIED" : "NEW", repliedAt: r.reply ? now : null },
        });
        result.added.push({ id: created.id, author: r.author, stars: r.stars, text: r.text, reviewedAt: r.date });
        continue;
      }
      const edited = old.stars !== r.stars || old.text !== r.text || (old.publicReply ?? null) !== r.reply;
      if (edited) await tx.reviewRevision.create({ data: { reviewId: old.id, stars: old.stars, text: old.text, publicReply: old.publicReply, recordedAt: now } });
      if (edited || old.removedAt || old.source !== "SYNC" || old.upvotes !== r.upvotes || (r.date && old.reviewedAt?.getTime() !== r.date.getTime())) {
        await tx.review.update({
          where: { id: old.id },
          data: {
            source: "SYNC",
            author: r.author,
            stars: r.stars,
            text: r.text,
            upvotes: r.upvotes,
            publicReply: r.reply,
            reviewedAt: r.date ?? old.reviewedAt,
            removedAt: null,
            // A public reply that appears on the page answers the review; a review the reviewer
            // rewrote after it was handled (its stars or text) needs a look again.
            ...(r.reply && !old.publicReply && (old.status === "NEW" || old.status === "NEEDS_REPLY")
              ? { status: "REPLIED", repliedAt: old.repliedAt ?? now }
              : (old.stars !== r.stars || old.text !== r.text) && (old.status === "REPLIED" || old.status === "WONT_REPLY")
                ? { status: "NEEDS_REPLY" }
                : {}),
          },
        });
        if (edited || old.removedAt) result.updated++;
      }
    }

    const seen = new Set(keys);
    const complete = parsed.reviews.length >= parsed.reviewCount;
    const oldestShown = parsed.reviews.reduce<number | null>((min, r) => (r.date && (min === null || r.date.getTime() < min) ? r.date.getTime() : min), null);
    const gone = [...existing.values()].filter(
      (r) => r.source === "SYNC" && !r.removedAt && !seen.has(r.externalKey) && (complete || (oldestShown !== null && r.reviewedAt !== null && r.reviewedAt.getTime() >= oldestShown)),
    );
    if (gone.length) {
      await tx.review.updateMany({ where: { id: { in: gone.map((r) => r.id) } }, data: { removedAt: now } });
      result.removed = gone.length;
    }

    const snapshot = await tx.ratingSnapshot.create({ data: { appId, runId, takenAt: now, average: parsed.ratingAverage, reviewCount: parsed.reviewCount, installBand: parsed.installBand } });
    result.snapshotId = snapshot.id;
    return result;
  });
}
