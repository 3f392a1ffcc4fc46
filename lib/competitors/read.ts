import "server-only";
import { load } from "cheerio";
import { db } from "@/lib/db";
import { fetchImageHash, fetchListingPage, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { readListingContent } from "@/lib/marketplace/listing-content";
import { listingChanges, parseStored, type StoredContent } from "./changes";
import { reviewKeys } from "@/lib/marketplace/identity";
import { parseListingPage, type ParsedListing } from "@/lib/marketplace/listing-page";
import { outboundPolicy } from "@/lib/net/policy";

/**
 * Reading a competitor's public page, with the same client, limits and reader as the workspace's own
 * apps, and storing what it says in the competitor's own tables — never in the apps' — in one
 * transaction: a day's figures, and its reviews (new ones dated when first seen).
 */

export type CompetitorRead = { name: string | null; listing: ParsedListing; content: StoredContent };

/** At most this many screenshots are fetched per read (Pipedrive shows up to 5). */
const MAX_SCREENSHOTS = 10;

/** The app's name as its page titles it ("QuoteFlow | Pipedrive Marketplace" → "QuoteFlow"). */
export function pageName(html: string): string | null {
  const $ = load(html);
  const candidates = [
    $('meta[property="og:title"]').attr("content"),
    $("main h1, h1").first().text(),
    $("title").first().text(),
  ];
  for (const c of candidates) {
    const name = c
      ?.replace(/\s*[|–-]\s*Pipedrive Marketplace\s*$/i, "")
      .replace(/\s+/g, " ")
      .trim();
    if (name) return name.slice(0, 120);
  }
  return null;
}

export async function readCompetitorPage(url: string, clientId: string, fetch: FetchPageOptions = {}) {
  const policy = fetch.policy ?? outboundPolicy();
  const html = await fetchListingPage(url, { ...fetch, policy });
  const listing = parseListingPage(html, { clientId });
  const content = readListingContent(html, { url, clientId });
  const screenshots: StoredContent["screenshots"] = [];
  for (const shot of content.screenshots.slice(0, MAX_SCREENSHOTS))
    screenshots.push({ url: shot, hash: await fetchImageHash(shot, { policy, timeoutMs: fetch.timeoutMs }) });
  return { name: pageName(html), listing, content: { ...content, screenshots } } satisfies CompetitorRead;
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
  const changes = previous ? listingChanges(previous, read.content) : [];
  if (changes.length)
    await tx.competitorChange.createMany({ data: changes.map((c) => ({ competitorId, ...c, detectedAt: now })) });
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
