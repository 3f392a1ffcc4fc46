import type { CollectionInput } from "../emulator/collections";
import type { ListingInput } from "../emulator/listings";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { rivalPlaces } from "./demo-competitors";

/**
 * A year of QuoteFlow's positions in the Marketplace's collections and its categories, one snapshot a
 * day up to yesterday, and the lists as the demo's emulator serves them today: "Sync now" finds it
 * four places higher in Top rated (an alert) and where it was elsewhere.
 */
const DAY = 86_400_000;
const DAYS = 365;

type Plan = {
  kind: "COLLECTION" | "CATEGORY";
  key: string;
  name: string;
  size: number;
  start: number;
  end: number;
  wobble: number;
  today: number;
};

export const DEMO_LISTS: Plan[] = [
  { kind: "COLLECTION", key: "top-rated", name: "Top rated", size: 60, start: 24, end: 9, wobble: 2, today: 5 },
  { kind: "COLLECTION", key: "trending", name: "Trending", size: 24, start: 15, end: 6, wobble: 4, today: 6 },
  {
    kind: "COLLECTION",
    key: "app-extensions",
    name: "App extensions",
    size: 40,
    start: 12,
    end: 12,
    wobble: 1,
    today: 12,
  },
  {
    kind: "CATEGORY",
    key: "proposals-quotes",
    name: "Proposals & quotes",
    size: 14,
    start: 4,
    end: 1,
    wobble: 1,
    today: 1,
  },
  {
    kind: "CATEGORY",
    key: "document-management",
    name: "Document management",
    size: 32,
    start: 11,
    end: 5,
    wobble: 2,
    today: 5,
  },
];

/** The day `n` days before `now`'s UTC day, as YYYY-MM-DD. */
export const dayBefore = (now: number, n: number) =>
  new Date(Math.floor(now / DAY) * DAY - n * DAY).toISOString().slice(0, 10);

/** A steady climb from `start` to `end` with a deterministic wobble, never outside the list. */
function rankOn(plan: Plan, daysAgo: number): number {
  if (daysAgo === 1) return plan.end;
  const t = 1 - daysAgo / DAYS;
  const base = plan.start + (plan.end - plan.start) * t;
  const wobble = Math.round(Math.sin(daysAgo * 0.37 + plan.key.length) * plan.wobble);
  return Math.min(plan.size, Math.max(1, Math.round(base) + wobble));
}

export async function seedDemoPositions(db: PrismaClient, appId: string, now = Date.now()) {
  const rows = DEMO_LISTS.flatMap((plan) =>
    Array.from({ length: DAYS }, (_, i) => {
      const daysAgo = DAYS - i;
      const day = dayBefore(now, daysAgo);
      return {
        appId,
        listKind: plan.kind,
        listKey: plan.key,
        listName: plan.name,
        day,
        rank: rankOn(plan, daysAgo),
        listSize: plan.size,
        takenAt: new Date(Date.parse(`${day}T06:00:00Z`)),
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

/** Today's lists on the emulator, QuoteFlow at its place in each among other apps. */
export function demoCollections(clientId: string): CollectionInput[] {
  return DEMO_LISTS.map((plan) => {
    // QuoteFlow, and in Top rated its two competitors, at their places; other apps around them.
    const placed = [
      { clientId, name: "QuoteFlow", at: plan.today },
      ...(plan.key === "top-rated"
        ? rivalPlaces().map((r) => ({ clientId: r.clientId, name: r.name, at: r.topRated }))
        : []),
    ].sort((a, b) => a.at - b.at);
    // The same app (name) is the same client id in every list it is in.
    const apps = Array.from({ length: plan.size - placed.length }, (_, i) => {
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
