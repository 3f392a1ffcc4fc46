import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reviewKeys } from "@/lib/marketplace/identity";
import { compatible } from "@/lib/marketplace/merge";
import type { ParsedListing, ParsedReview } from "@/lib/marketplace/listing-page";

/** What is stored of one read of a listing page (a parsed page, or reviews entered another way). */
export type StoredListingRead = Pick<ParsedListing, "ratingAverage" | "reviewCount" | "installBand"> & {
  votes?: ParsedListing["votes"];
  reviews: (Omit<ParsedReview, "anchor"> & { anchor?: string | null })[];
  /**
   * Only some reviews, as another source than the page chose them (the API's newest, the page being
   * unreadable): none can be known gone, and what that source does not carry (a reply, the anchor, the
   * votes, the text it cuts short) is kept as stored.
   */
  reviewsPartial?: boolean;
};

export type ApplyResult = {
  added: { id: string; author: string; stars: number; text: string; reviewedAt: Date | null }[];
  updated: number;
  removed: number;
  snapshotId: string;
  /** The app's first successful read: its reviews are a baseline, not news. */
  baseline: boolean;
};

/** Reviews marked removed per statement (SQLite's parameter limit is 999 on older builds). */
const GONE_PER_STATEMENT = 500;

/** The new text is the stored one cut short ("…", "Read more"): the stored one is kept. */
const cutShort = (text: string, stored: string) => text.length < stored.length && compatible(stored, text);

const authorDay = (author: string, date: Date | null) =>
  date ? `${author.trim().toLowerCase()}\u0000${date.toISOString().slice(0, 10)}` : null;

/**
 * Stores one successful read of a listing page in a single transaction: a rating snapshot,
 * reviews upserted by their stable key (an edit keeps the previous text as a revision), and
 * reviews gone from the page marked removed. When the page lists only its latest reviews
 * (fewer than its review count), only reviews at least as recent as the oldest one shown can
 * be known to be gone.
 */
export async function applyListing(
  appId: string,
  parsed: StoredListingRead,
  runId: string | null,
  now = new Date(),
  /** Writes that commit with the read or not at all (a sync run's result for the app and its counters). */
  along?: (tx: Prisma.TransactionClient, result: ApplyResult) => Promise<unknown>,
): Promise<ApplyResult> {
  const keys = reviewKeys(parsed.reviews);
  return db.$transaction(async (tx) => {
    const baseline = (await tx.ratingSnapshot.count({ where: { appId } })) === 0;
    // Imported reviews share the sync's keys: when the page shows one, the sync takes it over.
    const rows = await tx.review.findMany({ where: { appId, source: { in: ["SYNC", "IMPORT"] } } });
    const existing = new Map(rows.map((r) => [r.externalKey, r]));
    // A page that starts (or stops) giving ids changes a review's key: the same author on the same
    // day is then the same review, taken over under its new key rather than added twice.
    const byAuthorDay = new Map<string, typeof rows>();
    for (const r of rows) {
      const k = authorDay(r.author, r.reviewedAt);
      if (k) byAuthorDay.set(k, [...(byAuthorDay.get(k) ?? []), r]);
    }
    const claimed = new Set<string>();
    const result: ApplyResult = { added: [], updated: 0, removed: 0, snapshotId: "", baseline };

    for (const [i, r] of parsed.reviews.entries()) {
      const key = keys[i]!;
      let old = existing.get(key);
      if (!old) {
        const k = authorDay(r.author, r.date);
        const same = (k ? (byAuthorDay.get(k) ?? []) : []).filter(
          (c) => !claimed.has(c.id) && !keys.includes(c.externalKey),
        );
        if (same.length === 1) {
          old = same[0]!;
          await tx.review.update({ where: { id: old.id }, data: { externalKey: key } });
        }
      }
      if (old) claimed.add(old.id);
      if (!old) {
        const created = await tx.review.create({
          data: {
            appId,
            externalKey: key,
            source: "SYNC",
            author: r.author,
            stars: r.stars,
            reviewedAt: r.date,
            text: r.text,
            upvotes: r.upvotes,
            publicReply: r.reply,
            anchor: r.anchor ?? null,
            firstSeenAt: now,
            status: r.reply ? "REPLIED" : "NEW",
            repliedAt: r.reply ? now : null,
          },
        });
        result.added.push({ id: created.id, author: r.author, stars: r.stars, text: r.text, reviewedAt: r.date });
        continue;
      }
      const seen = parsed.reviewsPartial
        ? {
            text: cutShort(r.text, old.text) ? old.text : r.text,
            reply: r.reply ?? old.publicReply,
            anchor: r.anchor ?? old.anchor,
            upvotes: r.upvotes || old.upvotes,
          }
        : { text: r.text, reply: r.reply, anchor: r.anchor ?? null, upvotes: r.upvotes };
      const edited = old.stars !== r.stars || old.text !== seen.text || (old.publicReply ?? null) !== seen.reply;
      if (edited)
        await tx.reviewRevision.create({
          data: { reviewId: old.id, stars: old.stars, text: old.text, publicReply: old.publicReply, recordedAt: now },
        });
      if (
        edited ||
        old.removedAt ||
        old.source !== "SYNC" ||
        old.upvotes !== seen.upvotes ||
        old.anchor !== seen.anchor ||
        (r.date && old.reviewedAt?.getTime() !== r.date.getTime())
      ) {
        await tx.review.update({
          where: { id: old.id },
          data: {
            source: "SYNC",
            author: r.author,
            stars: r.stars,
            text: seen.text,
            upvotes: seen.upvotes,
            publicReply: seen.reply,
            anchor: seen.anchor,
            reviewedAt: r.date ?? old.reviewedAt,
            removedAt: null,
            // A public reply that appears on the page answers the review; a review the reviewer
            // rewrote after it was handled (its stars or text) needs a look again.
            ...(seen.reply && !old.publicReply && (old.status === "NEW" || old.status === "NEEDS_REPLY")
              ? { status: "REPLIED", repliedAt: old.repliedAt ?? now }
              : (old.stars !== r.stars || old.text !== seen.text) &&
                  (old.status === "REPLIED" || old.status === "WONT_REPLY")
                ? { status: "NEEDS_REPLY" }
                : {}),
          },
        });
        if (edited || old.removedAt) result.updated++;
      }
    }

    // Without a count, whether the page shows every review cannot be told.
    const complete = parsed.reviewCount !== null && parsed.reviews.length >= parsed.reviewCount;
    const oldestShown = parsed.reviews.reduce<number | null>(
      (min, r) => (r.date && (min === null || r.date.getTime() < min) ? r.date.getTime() : min),
      null,
    );
    const gone = rows.filter(
      (r) =>
        !parsed.reviewsPartial &&
        r.source === "SYNC" &&
        !r.removedAt &&
        !claimed.has(r.id) &&
        (complete || (oldestShown !== null && r.reviewedAt !== null && r.reviewedAt.getTime() >= oldestShown)),
    );
    // In slices: a statement takes a limited number of parameters, and a page can drop thousands of reviews.
    for (let i = 0; i < gone.length; i += GONE_PER_STATEMENT)
      await tx.review.updateMany({
        where: { id: { in: gone.slice(i, i + GONE_PER_STATEMENT).map((r) => r.id) } },
        data: { removedAt: now },
      });
    result.removed = gone.length;

    const snapshot = await tx.ratingSnapshot.create({
      data: {
        appId,
        runId,
        takenAt: now,
        average: parsed.ratingAverage,
        reviewCount: parsed.reviewCount,
        installBand: parsed.installBand,
        votesUp: parsed.votes?.up ?? null,
        votesDown: parsed.votes?.down ?? null,
      },
    });
    result.snapshotId = snapshot.id;
    if (along) await along(tx, result);
    return result;
  });
}
