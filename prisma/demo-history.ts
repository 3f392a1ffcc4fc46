import { demoInstallHistory, prng } from "./demo-installs";

/**
 * The demo's one simulated history, from which every seeded figure and every page the demo's emulator
 * serves is derived: QuoteFlow's dates at Pipedrive, its reviews (so its rating each day is the mean of
 * the reviews posted by then), the rivals' reviews likewise, and each app's place in a list from its
 * rating and review count against the same field of other apps. Nothing is drawn independently, so no
 * page contradicts another.
 */
export const DAY = 86_400_000;

/** QuoteFlow at Pipedrive, in days before today: created, submitted, approved and published. */
export const QUOTEFLOW_DATES = { created: 440, submitted: 420, approved: 406, published: 404 } as const;

/** The UTC day `n` days before `now`'s day, as YYYY-MM-DD. */
export const dayBefore = (now: number, n: number) =>
  new Date(Math.floor(now / DAY) * DAY - n * DAY).toISOString().slice(0, 10);

export type SimReview = {
  id: string;
  author: string;
  stars: number;
  date: string;
  text: string;
  upvotes: number;
  reply: string | null;
};

/** A day `daysAgo` before `now`, at `hour` UTC. */
export const at = (now: number, daysAgo: number, hour = 10) =>
  new Date(Math.floor(now / DAY) * DAY - daysAgo * DAY + hour * 3_600_000).toISOString();

const FIRST_NAMES = ["Alex", "Bea", "Carl", "Dana", "Emil", "Fay", "Gus", "Hana", "Ivan", "Jill", "Karl", "Lina"];
const LAST_NAMES = ["Moreau", "Larsen", "Okafor", "Silva", "Keller", "Nowak", "Haas", "Rossi", "Sato", "Brandt"];
const TEXTS: Record<number, string[]> = {
  5: ["Does exactly what we needed.", "Our team uses it every day.", "Setup took minutes.", "Great support."],
  4: ["Solid app, a few rough edges.", "Works well; the settings could be clearer.", "Good value."],
  3: ["Fine for basic use.", "Does the job, slowly with large deals."],
  2: ["Had sync problems for a week.", "Missing features we were promised."],
  1: ["Stopped working after an update."],
};

/**
 * Reviews spread from `fromDaysAgo` to `toDaysAgo` (inclusive), about one every `every` days, with stars
 * drawn around `mean`: the older history of an app, before the reviews written out by hand.
 */
export function generatedReviews(
  {
    seed,
    prefix,
    fromDaysAgo,
    toDaysAgo,
    every,
    mean,
  }: {
    seed: number;
    prefix: string;
    fromDaysAgo: number;
    toDaysAgo: number;
    every: number;
    mean: number;
  },
  now: number,
): SimReview[] {
  const random = prng(seed);
  const reviews: SimReview[] = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d--) {
    if (random() * every >= 1) continue;
    // Stars: mostly around the mean, now and then a low one.
    const u = random();
    const stars = u < 0.04 ? 1 : u < 0.08 ? 2 : Math.max(1, Math.min(5, Math.round(mean + (random() - 0.5) * 1.6)));
    const pool = TEXTS[stars]!;
    const n = reviews.length;
    reviews.push({
      id: `${prefix}-h${n + 1}`,
      author: `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`,
      stars,
      date: at(now, d, 8 + Math.floor(random() * 10)),
      text: pool[Math.floor(random() * pool.length)]!,
      upvotes: Math.floor(random() * 6),
      reply: null,
    });
  }
  return reviews;
}

/** The page's rating at an instant: the mean of the reviews posted by then, to one decimal (null before any). */
export function ratingAt(reviews: { stars: number; date: string }[], instant: number) {
  const posted = reviews.filter((r) => Date.parse(r.date) <= instant);
  if (!posted.length) return { average: null, count: 0 };
  const mean = posted.reduce((s, r) => s + r.stars, 0) / posted.length;
  return { average: Math.round(mean * 10) / 10, count: posted.length };
}

/**
 * How the demo's lists order apps by rating: the average pulled towards 3.8 until an app has a few dozen
 * reviews, so a new app with three 5-star reviews does not top a list. Higher is better.
 */
export const listScore = (average: number | null, count: number) =>
  average === null ? 0 : (average * count + 3.8 * 12) / (count + 12);

/** An app's place in a list: 1 + the apps of the field (and the others named) that score higher. */
export function placeIn(score: number, field: number[], others: number[] = []) {
  return 1 + [...field, ...others].filter((s) => s > score).length;
}

/** A list's other apps (not QuoteFlow, not the rivals), as fixed scores: the field every place is taken in. */
export function listField(seed: number, size: number, top: number, bottom: number): number[] {
  const random = prng(seed);
  return Array.from(
    { length: size },
    (_, i) => top - ((top - bottom) * i) / Math.max(1, size - 1) + (random() - 0.5) * 0.01,
  );
}

/**
 * QuoteFlow's installs: its year since publication, reported by its own backend through the events API
 * (its listing's callback is its own server, so the gateway never sees them).
 */
export const QUOTEFLOW_INSTALLS = {
  seed: 7,
  days: 365,
  startPerDay: 2,
  endPerDay: 7,
  launchDay: 210,
  companyBase: 500_000,
  source: "API",
} as const;

export const quoteflowInstalls = (now: number) => demoInstallHistory(QUOTEFLOW_INSTALLS, now);

/** Installs in the 30 days before an instant: what the Trending list ranks by. */
export function installsBefore(events: { type: string; occurredAt: Date }[], instant: number) {
  return events.filter(
    (e) => e.type === "INSTALL" && e.occurredAt.getTime() <= instant && e.occurredAt.getTime() > instant - 30 * DAY,
  ).length;
}
