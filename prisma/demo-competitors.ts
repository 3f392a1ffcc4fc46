import { createHash } from "node:crypto";
import { mediaPng, type ListingInput } from "../emulator/listings";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { listingSlug } from "../lib/marketplace/listing-url";
import { at, DAY, dayBefore, generatedReviews, listScore, ratingAt, type SimReview } from "./demo-history";
import { DEMO_LISTS, listSize, placesAt, readAt } from "./demo-positions";
import { demoReviews } from "./demo-reviews";

/**
 * Two apps QuoteFlow is compared with, with a year of daily figures, reviews and positions; the demo's
 * emulator serves their pages with one review more each, which "Sync now" brings into the feed (one is
 * a 1-star review: a lead) — and DealDocs has rewritten its summary and replaced a screenshot since the last
 * read, which the same sync logs as listing changes.
 */
const DAYS = 365;

/** What a rival's page shows: today's, and what the demo's last read saw (the Sync now finds the difference). */
type Content = {
  summary: string;
  description: string;
  screenshots: { name: string; content: string }[];
  videoUrl: string | null;
  categories: string[];
  pricingUrl: string | null;
};

type Rival = {
  clientId: string;
  name: string;
  content: Content;
  /** What was different at the last read before today; and a change seen earlier, with its day. */
  lastRead: Partial<Content>;
  earlier: { daysAgo: number; field: string; before: string; after: string } | null;
  installBand: string;
  /** Its older reviews, simulated: about one every `every` days since 420 days ago, around `mean` stars. */
  history: { seed: number; every: number; mean: number };
  reviews: { author: string; stars: number; text: string }[];
  today: { author: string; stars: number; text: string };
};

const RIVALS: Rival[] = [
  {
    clientId: "7c1e9a2b4d6f8031",
    name: "DealDocs Quotes",
    content: {
      summary: "Quotes, e-signatures and payments from your Pipedrive deals.",
      description:
        "DealDocs Quotes turns a deal into a branded quote in one click.\n\n- Templates per pipeline\n- E-signatures\n- Card payments on acceptance",
      screenshots: [
        { name: "dealdocs-1", content: "dealdocs-1" },
        { name: "dealdocs-2", content: "dealdocs-2-autumn" },
        { name: "dealdocs-3", content: "dealdocs-3" },
      ],
      videoUrl: "https://www.youtube.com/embed/aqz-KE-bpKQ",
      categories: ["Sales tools", "Documents & proposals"],
      pricingUrl: "https://dealdocs.example.com/pricing",
    },
    lastRead: {
      summary: "Quotes and e-signatures from your Pipedrive deals.",
      screenshots: [
        { name: "dealdocs-1", content: "dealdocs-1" },
        { name: "dealdocs-2", content: "dealdocs-2" },
        { name: "dealdocs-3", content: "dealdocs-3" },
      ],
    },
    earlier: {
      daysAgo: 23,
      field: "pricingUrl",
      before: "(none)",
      after: "https://dealdocs.example.com/pricing",
    },
    installBand: "5,000+",
    history: { seed: 41, every: 5.5, mean: 4.5 },
    reviews: [
      { author: "Nora Holm", stars: 5, text: "Templates are great." },
      { author: "Ivo Brandt", stars: 3, text: "Good, but the e-signature costs extra." },
      { author: "Lena Fox", stars: 2, text: "Support takes days to answer." },
    ],
    today: { author: "Marc Olsen", stars: 1, text: "Quotes stopped syncing back to deals after the update." },
  },
  {
    clientId: "3f5a7c9e1b2d4068",
    name: "PriceBook Pro",
    content: {
      summary: "Price books in every currency, kept in sync with Pipedrive products.",
      description: "PriceBook Pro keeps price lists per market and applies them to deal products.",
      screenshots: [{ name: "pricebook-1", content: "pricebook-1" }],
      videoUrl: null,
      categories: ["Sales tools"],
      pricingUrl: "https://pricebook.example.com/plans",
    },
    lastRead: {},
    earlier: {
      daysAgo: 61,
      field: "name",
      before: "PriceBook",
      after: "PriceBook Pro",
    },
    installBand: "1,000+",
    history: { seed: 43, every: 16, mean: 4 },
    reviews: [
      { author: "Kai Berg", stars: 4, text: "Price lists in every currency." },
      { author: "Ana Ruiz", stars: 4, text: "Does what it says." },
    ],
    today: { author: "Tom Weiss", stars: 4, text: "Bulk discounts finally work." },
  },
];

/** A rival's reviews, oldest first: its simulated history, the recent ones written out, and today's (on the page only). */
function reviewsOf(r: Rival, now: number): { stored: SimReview[]; today: SimReview } {
  const history = generatedReviews({ ...r.history, prefix: r.clientId, fromDaysAgo: 420, toDaysAgo: 45 }, now);
  const recent = r.reviews.map((review, i) => ({
    id: `${r.clientId}-r${i + 1}`,
    ...review,
    date: at(now, 40 - i * 12, 9),
    upvotes: i,
    reply: null,
  }));
  const today = {
    id: `${r.clientId}-today`,
    ...r.today,
    date: new Date(now - 3 * 3_600_000).toISOString(),
    upvotes: 0,
    reply: null,
  };
  return { stored: [...history, ...recent], today };
}

/** Their pages today, on the demo's emulator: every review, and the rating they make. */
export function demoRivalListings(now = Date.now()): ListingInput[] {
  return RIVALS.map((r) => {
    const { stored, today } = reviewsOf(r, now);
    const reviews = [...stored, today];
    return {
      clientId: r.clientId,
      name: r.name,
      builtBy: `${r.name.split(" ")[0]} Inc.`,
      installBand: r.installBand,
      rating: ratingAt(reviews, now).average,
      votes: { up: 120, down: 9 },
      shape: "json-ld",
      ...r.content,
      reviews,
    };
  });
}

/** The rivals by client id and name. */
export const rivalPlaces = () => RIVALS.map((r) => ({ clientId: r.clientId, name: r.name }));
export const rivalCount = () => RIVALS.length;

/** Each rival's list score at an instant, from the reviews its page showed by then. */
export function rivalScoresAt(instant: number, now: number) {
  return RIVALS.map((r) => {
    const { stored, today } = reviewsOf(r, now);
    const { average, count } = ratingAt([...stored, today], instant);
    return { clientId: r.clientId, score: listScore(average, count) };
  });
}

export async function seedDemoCompetitors(
  db: PrismaClient,
  workspaceId: string,
  appId: string,
  userId: string,
  marketplace: string,
  now = Date.now(),
) {
  const top = DEMO_LISTS.find((l) => l.key === "top-rated")!;
  // QuoteFlow's reviews as stored (all but today's newest): the other side of every place in Top rated.
  const context = { reviews: demoReviews(now).slice(0, -1), installs: [], now };
  for (const r of RIVALS) {
    const { stored } = reviewsOf(r, now);
    const slug = listingSlug(r.name);
    const origin = new URL(marketplace).origin;
    const seen = { ...r.content, ...r.lastRead };
    const listing = {
      name: r.name,
      summary: seen.summary,
      description: seen.description,
      screenshots: await Promise.all(
        seen.screenshots.map(async (s) => ({
          url: `${origin}/__emulator/media/${s.name}.png`,
          hash: createHash("sha256")
            .update(await mediaPng(s.content))
            .digest("hex"),
        })),
      ),
      video: seen.videoUrl,
      categories: seen.categories,
      pricingUrl: seen.pricingUrl,
    };
    const competitor = await db.competitor.create({
      data: {
        workspaceId,
        appId,
        clientId: r.clientId,
        name: r.name,
        url: `${marketplace.replace(/\/+$/, "")}/en/marketplace/app/${slug}/${r.clientId}`,
        listing: JSON.stringify(listing),
        createdById: userId,
        createdAt: new Date(now - DAYS * DAY),
      },
    });
    if (r.earlier)
      await db.competitorChange.create({
        data: {
          competitorId: competitor.id,
          field: r.earlier.field,
          before: r.earlier.before,
          after: r.earlier.after,
          detectedAt: new Date(now - r.earlier.daysAgo * DAY),
        },
      });
    const days = Array.from({ length: DAYS }, (_, i) => ({ daysAgo: DAYS - i }));
    // Each day's read: the rating and count its page showed then, and its place in Top rated.
    await db.competitorSnapshot.createMany({
      data: days.map(({ daysAgo }) => {
        const { average, count } = ratingAt(stored, readAt(dayBefore(now, daysAgo)));
        return {
          competitorId: competitor.id,
          day: dayBefore(now, daysAgo),
          average,
          reviewCount: count,
          installBand: r.installBand,
          votesUp: 120,
          votesDown: 9,
          takenAt: new Date(readAt(dayBefore(now, daysAgo))),
        };
      }),
    });
    await db.rankSnapshot.createMany({
      data: days.map(({ daysAgo }) => ({
        competitorId: competitor.id,
        listKind: top.kind,
        listKey: top.key,
        listName: top.name,
        day: dayBefore(now, daysAgo),
        rank: placesAt(top, readAt(dayBefore(now, daysAgo)), context).rivals.find((x) => x.clientId === r.clientId)!
          .rank,
        listSize: listSize(top),
        takenAt: new Date(readAt(dayBefore(now, daysAgo))),
      })),
    });
    await db.competitorReview.createMany({
      data: stored.map((review, i) => ({
        competitorId: competitor.id,
        externalKey: `id:${review.id}`,
        author: review.author,
        stars: review.stars,
        text: review.text,
        reviewedAt: new Date(review.date),
        // The newest one was found by a sync; the older ones were there when the rival was added.
        firstSeenAt: i === stored.length - 1 ? new Date(Date.parse(review.date) + 5 * 3_600_000) : null,
      })),
    });
  }
}
