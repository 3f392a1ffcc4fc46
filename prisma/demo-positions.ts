import type { CollectionInput } from "../emulator/collections";
import type { ListingInput } from "../emulator/listings";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { rivalCount, rivalPlaces, rivalScoresAt } from "./demo-competitors";
import {
  DAY,
  dayBefore,
  installsBefore,
  listField,
  listScore,
  placeIn,
  quoteflowInstalls,
  ratingAt,
  type SimReview,
} from "./demo-history";
import { demoReviews } from "./demo-reviews";

/**
 * A year of QuoteFlow's positions in the Marketplace's collections and its categories, one snapshot a
 * day up to yesterday, and the lists as the demo's emulator serves them today — each place worked out
 * from the simulated history (demo-history.ts): rating lists from the rating and review count the page
 * showed that day, Trending from the last 30 days' installs, against the same field of other apps. A
 * low review can only push QuoteFlow down; the first "Sync now" reads today's places the same way.
 */
const DAYS = 365;

type Plan = {
  kind: "COLLECTION" | "CATEGORY";
  key: string;
  name: string;
  /** rating: by the rating pulled towards the mean (listScore); installs: by the last 30 days' installs. */
  by: "rating" | "installs" | "fixed";
  /** The other apps of the list, as scores (or install counts), best first. */
  field: number[];
  /** For "fixed": where the app always is. */
  fixed?: number;
  /** Whether the rivals QuoteFlow follows are in the list (they are in Top rated). */
  rivals?: boolean;
};

export const DEMO_LISTS: Plan[] = [
  {
    kind: "COLLECTION",
    key: "top-rated",
    name: "Top rated",
    by: "rating",
    field: listField(101, 57, 4.7, 3.0),
    rivals: true,
  },
  { kind: "COLLECTION", key: "trending", name: "Trending", by: "installs", field: listField(102, 23, 400, 12) },
  {
    kind: "COLLECTION",
    key: "app-extensions",
    name: "App extensions",
    by: "fixed",
    field: listField(103, 39, 1, 0),
    fixed: 12,
  },
  {
    kind: "CATEGORY",
    key: "proposals-quotes",
    name: "Proposals & quotes",
    by: "rating",
    field: listField(104, 13, 4.55, 3.3),
  },
  {
    kind: "CATEGORY",
    key: "document-management",
    name: "Document management",
    by: "rating",
    field: listField(105, 31, 4.75, 3.3),
  },
];

export const listSize = (plan: Plan) => plan.field.length + 1 + (plan.rivals ? rivalCount() : 0);

/**
 * Where QuoteFlow and (in the lists they are in) its rivals stand at an instant: QuoteFlow's rating from
 * `reviews` (the stored ones in the history, every one on the page today).
 */
export function placesAt(
  plan: Plan,
  instant: number,
  { reviews, installs, now }: { reviews: SimReview[]; installs: { type: string; occurredAt: Date }[]; now: number },
): { quoteflow: number; rivals: { clientId: string; rank: number }[] } {
  if (plan.by === "fixed") return { quoteflow: plan.fixed!, rivals: [] };
  if (plan.by === "installs") return { quoteflow: placeIn(installsBefore(installs, instant), plan.field), rivals: [] };
  const { average, count } = ratingAt(reviews, instant);
  const mine = listScore(average, count);
  const rivals = plan.rivals ? rivalScoresAt(instant, now) : [];
  return {
    quoteflow: placeIn(
      mine,
      plan.field,
      rivals.map((r) => r.score),
    ),
    rivals: rivals.map((r) => ({
      clientId: r.clientId,
      rank: placeIn(r.score, plan.field, [mine, ...rivals.filter((o) => o !== r).map((o) => o.score)]),
    })),
  };
}

/** The instant a day's positions were read (06:00 UTC). */
export const readAt = (day: string) => Date.parse(`${day}T06:00:00Z`);

export async function seedDemoPositions(db: PrismaClient, appId: string, now = Date.now()) {
  // What was stored by then: every review but the newest, which only today's page shows.
  const context = { reviews: demoReviews(now).slice(0, -1), installs: quoteflowInstalls(now), now };
  const rows = DEMO_LISTS.flatMap((plan) =>
    Array.from({ length: DAYS }, (_, i) => {
      const day = dayBefore(now, DAYS - i);
      return {
        appId,
        listKind: plan.kind,
        listKey: plan.key,
        listName: plan.name,
        day,
        rank: placesAt(plan, readAt(day), context).quoteflow,
        listSize: listSize(plan),
        takenAt: new Date(readAt(day)),
      };
    }),
  );
  await db.rankSnapshot.createMany({ data: rows });
}

const OTHER_APPS = [
  "Deal Radar",
  "Mailmerge Pro",
  "Signwell Connect",
  "Invoice Bridge",
  "Call Logger Plus",
  "Lead Enricher",
  "Pipeline Pulse",
  "Doc Forge",
  "Meeting Booker",
  "Churn Guard",
];

/** Today's lists on the emulator, QuoteFlow (and in Top rated its two rivals) at the places today's pages give them. */
export function demoCollections(clientId: string, now = Date.now()): CollectionInput[] {
  const context = { reviews: demoReviews(now), installs: quoteflowInstalls(now), now };
  const names = new Map(rivalPlaces().map((r) => [r.clientId, r.name]));
  return DEMO_LISTS.map((plan) => {
    const places = placesAt(plan, now, context);
    const placed = [
      { clientId, name: "QuoteFlow", at: places.quoteflow },
      ...places.rivals.map((r) => ({ clientId: r.clientId, name: names.get(r.clientId)!, at: r.rank })),
    ].sort((a, b) => a.at - b.at);
    // The same app (name) is the same client id in every list it is in.
    const apps = Array.from({ length: listSize(plan) - placed.length }, (_, i) => {
      const name = `${OTHER_APPS[i % OTHER_APPS.length]}${i >= OTHER_APPS.length ? ` ${Math.floor(i / OTHER_APPS.length) + 1}` : ""}`;
      return { clientId: `mkt-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, name };
    });
    for (const p of placed) apps.splice(p.at - 1, 0, { clientId: p.clientId, name: p.name });
    return {
      kind: plan.kind === "COLLECTION" ? ("collection" as const) : ("category" as const),
      key: plan.key,
      name: plan.name,
      shape: plan.kind === "COLLECTION" ? ("flight" as const) : ("json-ld" as const),
      pageSize: 20,
      apps,
    };
  });
}

/** How many of each category's first apps the demo gives a page to (and suggests as competitors). */
const LEADERS = 4;

/** The first other apps of QuoteFlow's categories as the demo's lists have them. */
function categoryLeaders(clientId: string) {
  return demoCollections(clientId)
    .filter((c) => c.kind === "category")
    .flatMap((c) =>
      c.apps
        .map((a, i) => ({ ...a, rank: i + 1, listKey: c.key, listName: c.name }))
        .filter((a) => a.clientId !== clientId)
        .slice(0, LEADERS),
    );
}

/** Their pages on the demo's emulator, so a suggestion can be followed. */
export const demoLeaderListings = (clientId: string): ListingInput[] =>
  [...new Map(categoryLeaders(clientId).map((a) => [a.clientId, a])).values()].map((a, i) => ({
    clientId: a.clientId,
    name: a.name!,
    builtBy: `${a.name!.split(" ")[0]} Labs`,
    installBand: ["1,000+", "500+", "100+"][i % 3]!,
    shape: "json-ld" as const,
    reviews: [
      { id: `${a.clientId}-r1`, author: "Eva Lind", stars: 4, date: "2026-09-14T09:00:00Z", text: "Does the job." },
    ],
  }));

/** What the last sync kept of QuoteFlow's categories, so suggestions show before the first Sync now. */
export async function seedDemoLeaders(db: PrismaClient, workspaceId: string, clientId: string, now = Date.now()) {
  await db.listLeader.createMany({
    data: categoryLeaders(clientId).map((a) => ({
      workspaceId,
      listKey: a.listKey,
      listName: a.listName,
      clientId: a.clientId,
      slug: null,
      name: a.name ?? null,
      rank: a.rank,
      readAt: new Date(now - DAY),
    })),
  });
}
