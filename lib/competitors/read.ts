import "server-only";
import { db } from "@/lib/db";
import { fetchImageHash, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { readListing, type ListingRead, type ListingReadReport } from "@/lib/marketplace/read-listing";
import { listingChanges, parseStored, type StoredContent } from "./changes";
import { reviewKeys } from "@/lib/marketplace/identity";
import type { ParsedListing } from "@/lib/marketplace/listing-page";
import { outboundPolicy } from "@/lib/net/policy";

/**
 * Reading a competitor's public listing, with the same reader as the workspace's own apps (the
 * Marketplace's API first, then the page: lib/marketplace/read-listing.ts), and storing what it says
 * in the competitor's own tables — never in the apps' — in one transaction: a day's figures, and its
 * reviews (new ones dated when first seen).
 */

export type CompetitorRead = {
  name: string | null;
  listing: ParsedListing;
  /** What the page says (null when only the API could be read: the stored listing is then kept). */
  content: StoredContent | null;
  /** Where the listing is (after a rename). */
  url: string;
  report: ListingReadReport;
  evidence: ListingRead["evidence"];
};

/** At most this many screenshots are fetched per read (Pipedrive shows up to 5). */
const MAX_SCREENSHOTS = 10;

export async function readCompetitorPage(url: string, clientId: string, fetch: FetchPageOptions = {}) {
  const policy = fetch.policy ?? outboundPolicy();
  const read = await readListing({ url, clientId }, { ...fetch, policy });
  let content: StoredContent | null = null;
  if (read.content) {
    const screenshots: StoredContent["screenshots"] = [];
    for (const shot of read.content.screenshots.slice(0, MAX_SCREENSHOTS))
      screenshots.push({ url: shot, hash: await fetchImageHash(shot, { policy, timeoutMs: fetch.timeoutMs }) });
    content = { ...read.content, screenshots };
  }
  return {
    name: read.content?.name ?? read.api?.name ?? null,
    listing: read.listing,
    content,
    url: read.url,
    report: read.report,
    evidence: read.evidence,
  } satisfies CompetitorRead;
}

/**
 * Stores a read of a competitor for `day`. On the first read (`baseline`) its reviews are history:
 * stored without a first-seen date, so the feed shows only what appears afterwards; its listing is
 * the one later reads are compared with (each change is logged with before and after).
 */
export async function storeCompetitorRead(
  competitorId: string,
  read: CompetitorRead,
  { day, now, baseline }: { day: string; now: Date; baseline: boolean },
  tx: Pick<typeof db, "competitorSnapshot" | "competitorReview" | "competitor" | "competitorChange"> = db,
) {
  const previous = baseline
    ? null
    : parseStored(
        (await tx.competitor.findUnique({ where: { id: competitorId }, select: { listing: true } }))?.listing ?? null,
      );
  const changes = previous && read.content ? listingChanges(previous, read.content) : [];
  if (changes.length)
    await tx.competitorChange.createMany({ data: changes.map((c) => ({ competitorId, ...c, detectedAt: now })) });
  // Without the page, what the listing says is not known this time: the stored one stays.
  if (read.content)
    await tx.competitor.update({ where: { id: competitorId }, data: { listing: JSON.stringify(read.content) } });
  const l = read.listing;
  const figures = {
    average: l.ratingAverage,
    reviewCount: l.reviewCount,
    installBand: l.installBand,
    votesUp: l.votes?.up ?? null,
    votesDown: l.votes?.down ?? null,
    takenAt: now,
  };
  await tx.competitorSnapshot.upsert({
    where: { competitorId_day: { competitorId, day } },
    create: { competitorId, day, ...figures },
    update: figures,
  });
  const keys = reviewKeys(l.reviews);
  const known = new Set(
    (await tx.competitorReview.findMany({ where: { competitorId }, select: { externalKey: true } })).map(
      (r) => r.externalKey,
    ),
  );
  const fresh = l.reviews.map((r, i) => ({ r, key: keys[i]! })).filter(({ key }) => !known.has(key));
  if (fresh.length)
    await tx.competitorReview.createMany({
      data: fresh.map(({ r, key }) => ({
        competitorId,
        externalKey: key,
        author: r.author,
        stars: r.stars,
        text: r.text,
        reviewedAt: r.date,
        firstSeenAt: baseline ? null : now,
      })),
    });
  return { added: baseline ? 0 : fresh.length, changes };
}
