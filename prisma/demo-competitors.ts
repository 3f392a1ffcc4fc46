import { createHash } from "node:crypto";
import { mediaPng, type ListingInput } from "../emulator/listings";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { listingSlug } from "../lib/marketplace/listing-url";
import { dayBefore, DEMO_LISTS } from "./demo-positions";

/**
 * Two apps QuoteFlow is compared with, with a year of daily figures, reviews and positions; the demo's
 * emulator serves their pages with one review more each, which "Sync now" brings into the feed (one is
 * a 1-star review: a lead) — and DealDocs has rewritten its summary and replaced a screenshot since the last
 * read, which the same sync logs as listing changes.
 */
const DAY = 86_400_000;
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
  rating: [number, number];
  reviewsPerMonth: number;
  topRated: [number, number];
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
    rating: [4.6, 4.2],
    reviewsPerMonth: 6,
    topRated: [4, 11],
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
    rating: [3.9, 4.1],
    reviewsPerMonth: 2,
    topRated: [20, 16],
    reviews: [
      { author: "Kai Berg", stars: 4, text: "Price lists in every currency." },
      { author: "Ana Ruiz", stars: 4, text: "Does what it says." },
    ],
    today: { author: "Tom Weiss", stars: 4, text: "Bulk discounts finally work." },
  },
];

const between = ([from, to]: [number, number], t: number) => from + (to - from) * t;

function reviewsOf(r: Rival, now: number) {
  return r.reviews.map((review, i) => ({
    id: `${r.clientId}-r${i + 1}`,
    ...review,
    date: new Date(Math.floor(now / DAY) * DAY - (40 - i * 12) * DAY + 9 * 3_600_000).toISOString(),
    upvotes: i,
  }));
}

/** Their pages today, on the demo's emulator. */
export function demoRivalListings(now = Date.now()): ListingInput[] {
  return RIVALS.map((r) => ({
    clientId: r.clientId,
    name: r.name,
    builtBy: `${r.name.split(" ")[0]} Inc.`,
    installBand: r.installBand,
    rating: Math.round(r.rating[1] * 10) / 10,
    votes: { up: 120, down: 9 },
    shape: "json-ld",
    ...r.content,
    reviews: [
      ...reviewsOf(r, now),
      { id: `${r.clientId}-today`, ...r.today, date: new Date(now - 3 * 3_600_000).toISOString(), upvotes: 0 },
    ],
  }));
}

/** The apps in the demo's lists today: the rivals at their places (QuoteFlow's own are in demo-positions.ts). */
export const rivalPlaces = () => RIVALS.map((r) => ({ clientId: r.clientId, name: r.name, topRated: r.topRated[1] }));

export async function seedDemoCompetitors(
  db: PrismaClient,
  workspaceId: string,
  appId: string,
  userId: string,
  marketplace: string,
  now = Date.now(),
) {
  const top = DEMO_LISTS.find((l) => l.key === "top-rated")!;
  for (const r of RIVALS) {
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
    const days = Array.from({ length: DAYS }, (_, i) => ({ daysAgo: DAYS - i, t: i / (DAYS - 1) }));
    await db.competitorSnapshot.createMany({
      data: days.map(({ daysAgo, t }) => ({
        competitorId: competitor.id,
        day: dayBefore(now, daysAgo),
        average: Math.round(between(r.rating, t) * 100) / 100,
        reviewCount: Math.round(r.reviewsPerMonth * 12 * t) + r.reviews.length,
        installBand: r.installBand,
        votesUp: 120,
        votesDown: 9,
        takenAt: new Date(Date.parse(`${dayBefore(now, daysAgo)}T06:00:00Z`)),
      })),
    });
    await db.rankSnapshot.createMany({
      data: days.map(({ daysAgo, t }) => ({
        competitorId: competitor.id,
        listKind: top.kind,
        listKey: top.key,
        listName: top.name,
        day: dayBefore(now, daysAgo),
        rank: Math.round(between(r.topRated, t)),
        listSize: top.size,
      })),
    });
    await db.competitorReview.createMany({
      data: reviewsOf(r, now).map((review, i) => ({
        competitorId: competitor.id,
        externalKey: `id:${review.id}`,
        author: review.author,
        stars: review.stars,
        text: review.text,
        reviewedAt: new Date(review.date),
        // The newest one was found by a sync; the older ones were there when the rival was added.
        firstSeenAt: i === r.reviews.length - 1 ? new Date(Date.parse(review.date) + 5 * 3_600_000) : null,
      })),
    });
  }
}
