import type { PrismaClient } from "../lib/generated/prisma/client";
import { at, generatedReviews, QUOTEFLOW_DATES, ratingAt, type SimReview } from "./demo-history";

/**
 * The public reviews of the demo's published app, as its Marketplace page shows them (the
 * emulator serves the same list). The newest one is on the page only, so the demo's first
 * "Sync now" finds a new review and raises an alert.
 */
export type DemoReview = SimReview;

const DAY = 86_400_000;
const REPLY = "Thanks for taking the time to review QuoteFlow! — The QuoteFlow team";

const PLAN: [daysAgo: number, author: string, stars: number, text: string, upvotes: number, reply: string | null][] = [
  [43, "Ana Souza", 5, "Quotes straight from the deal's products. Saves our team an hour a day.", 12, REPLY],
  [
    41,
    "Tom Berg",
    4,
    "Good app. Setup took a while to understand, but support answered fast.",
    4,
    "Thanks Tom! We rewrote the setup steps in version 2.3.",
  ],
  [38, "Mei Chen", 5, "Finally a quoting tool that keeps the deal value in sync.", 7, REPLY],
  [36, "Jonas Weber", 5, "Schnell eingerichtet, die Angebote sehen professionell aus.", 3, null],
  [
    33,
    "Priya Nair",
    3,
    "Works, but I would like more templates for the PDF.",
    6,
    "More templates arrive next month — thanks Priya!",
  ],
  [31, "Lars Holm", 5, "Our reps love the quote panel in the deal view.", 2, REPLY],
  [28, "Chloé Martin", 4, "Très pratique. Il manque l'export en Word.", 1, null],
  [
    26,
    "Farid Haddad",
    2,
    "Quotes do not pick up discounts set on the deal products.",
    9,
    "Hi Farid, discounts are supported since 2.4 — could you update and tell us?",
  ],
  [24, "Grace Kim", 5, "Clients open the quote link and we see it on the deal. Great.", 5, REPLY],
  [21, "Hiro Tanaka", 5, "見積書の作成がとても簡単になりました。", 2, null],
  [19, "Ines Duarte", 4, "Solid. The approval flow could be more flexible.", 3, null],
  [16, "Kemi Adeyemi", 5, "Best Pipedrive add-on we installed this year.", 4, REPLY],
  [14, "Otto Lind", 3, "Nice idea, a bit slow with 100+ products.", 2, null],
  [11, "Maya Cohen", 5, "Set up in ten minutes, first quote sent in fifteen.", 1, null],
  [8, "Dmitri Petrov", 1, "Stopped syncing the deal value after the last update.", 6, null],
  [6, "Noor Aziz", 4, "Useful, and the support team is responsive.", 0, null],
  [3, "Eva Novak", 5, "Exactly what we needed for our quoting process.", 0, null],
  [1, "Ben Carter", 2, "The PDF logo is blurry on retina screens.", 0, null],
];

/**
 * Every review on QuoteFlow's page, oldest first: a year of them from its publication on (the low ones
 * answered), then the last six weeks written out. The newest is the one the demo's first sync finds.
 */
export function demoReviews(now = Date.now()): DemoReview[] {
  const history = generatedReviews(
    {
      seed: 31,
      prefix: "qf-review",
      fromDaysAgo: QUOTEFLOW_DATES.published - 2,
      toDaysAgo: 45,
      every: 11,
      mean: 4.5,
    },
    now,
  ).map((r) => (r.stars <= 3 ? { ...r, reply: "Thanks for telling us — this is fixed in the latest version." } : r));
  const recent = PLAN.map(([daysAgo, author, stars, text, upvotes, reply], i) => ({
    id: `qf-review-${i + 1}`,
    author,
    stars,
    date: at(now, daysAgo),
    text,
    upvotes,
    reply,
  }));
  return [...history, ...recent];
}

/** QuoteFlow's rating and review count at an instant, as its page showed them. */
export const quoteflowRatingAt = (instant: number, now = Date.now()) => ratingAt(demoReviews(now), instant);

/** The reviews already synced (all but the newest), daily rating snapshots, runs and reply work. */
/** QuoteFlow's public Marketplace page, as the demo's emulator serves it (App Router flight data). */
export function demoListing(clientId: string, now = Date.now()) {
  return {
    clientId,
    name: "QuoteFlow",
    builtBy: "Acme Sales Tools",
    summary: "Quotes from deals",
    installBand: "1,000+",
    votes: { up: 64, down: 5 },
    reviews: demoReviews(now),
    shape: "flight" as const,
  };
}

export async function seedDemoReviews(
  db: PrismaClient,
  appId: string,
  workspaceId: string,
  userId: string,
  now = Date.now(),
) {
  const all = demoReviews(now);
  const known = all.slice(0, -1);
  for (const [i, r] of known.entries()) {
    const reviewedAt = new Date(r.date);
    const replied = r.reply !== null;
    await db.review.create({
      data: {
        appId,
        externalKey: `id:${r.id}`,
        source: "SYNC",
        author: r.author,
        stars: r.stars,
        reviewedAt,
        text: r.text,
        upvotes: r.upvotes,
        publicReply: r.reply,
        firstSeenAt: new Date(reviewedAt.getTime() + 6 * 3_600_000),
        status: replied ? "REPLIED" : i >= known.length - 4 ? "NEW" : r.stars <= 3 ? "NEEDS_REPLY" : "WONT_REPLY",
        replyText: r.reply,
        repliedAt: replied ? new Date(reviewedAt.getTime() + (8 + (i % 12) * 5) * 3_600_000) : null,
        repliedById: replied ? userId : null,
        assigneeId: !replied && r.stars <= 3 ? userId : null,
      },
    });
  }
  // One snapshot a day since the first review: the page's average of the reviews posted so far.
  const first = Date.parse(known[0]!.date);
  const snapshots = [];
  for (let t = Math.floor(first / DAY) * DAY + DAY + 4 * 3_600_000; t < now - 12 * 3_600_000; t += DAY) {
    const { average, count } = ratingAt(known, t);
    snapshots.push({ appId, takenAt: new Date(t), average, reviewCount: count, installBand: "1,000+" });
  }
  await db.ratingSnapshot.createMany({ data: snapshots });
  for (let d = 3; d >= 1; d--) {
    const startedAt = new Date(now - d * DAY - 2 * 3_600_000);
    const run = await db.syncRun.create({
      data: {
        workspaceId,
        trigger: "CRON",
        status: "SUCCEEDED",
        startedAt,
        finishedAt: new Date(startedAt.getTime() + 1400),
        appsTotal: 1,
        appsDone: 1,
      },
    });
    await db.syncRunApp.create({
      data: {
        runId: run.id,
        appId,
        url: "(the Marketplace page)",
        status: "SUCCEEDED",
        parser: "json-ld",
        finishedAt: run.finishedAt!,
      },
    });
  }
  const templates = [
    [
      "Thank you",
      "Hi {{first_name}}, thank you for the {{stars}}-star review of {{app}}! Reviews like yours help other teams find us. — {{my_name}}",
    ],
    [
      "Sorry, we're on it",
      "Hi {{first_name}}, sorry that {{app}} let you down. We would like to fix this: please write to support@quoteflow.example.com and mention this review. — {{my_name}}, {{app}} team",
    ],
    [
      "Feature request noted",
      "Thanks {{first_name}}! We've added your idea to the {{app}} roadmap and will let you know when it ships. — {{my_name}}",
    ],
  ];
  for (const [name, body] of templates)
    await db.replyTemplate.create({ data: { workspaceId, name: name!, body: body! } });
}
