import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseListingPage } from "./listing-page";

/**
 * The reader finds ratings and reviews by structure: whatever names the page gives its keys, however
 * deep it nests them, in whatever order, and in whichever script it embeds them, the same listing
 * reads the same.
 */

const word = fc.stringMatching(/^[A-Za-zéøß日Ж]{1,9}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
const name = fc
  .tuple(word, word)
  .map(([a, b]) => `${a[0]!.toUpperCase()}${a.slice(1)} ${b[0]!.toUpperCase()}${b.slice(1)}`);

const canonicalReview = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{4,12}$/),
  author: name,
  stars: fc.integer({ min: 1, max: 5 }),
  // Whole seconds, so every date form (epoch seconds included) says the same instant.
  date: fc
    .integer({ min: Date.UTC(2019, 0, 1) / 1000, max: Date.UTC(2026, 10, 1) / 1000 })
    .map((s) => new Date(s * 1000)),
  text: sentence,
  upvotes: fc.nat({ max: 500 }),
  reply: fc.option(sentence, { nil: null }),
});

const canonical = fc
  .record({
    reviews: fc.uniqueArray(canonicalReview, { minLength: 1, maxLength: 6, selector: (r) => r.id }),
    average: fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
    extra: fc.nat({ max: 300 }),
  })
  .map((c) => ({ ...c, count: c.reviews.length + c.extra }));
type Canonical = typeof canonical extends fc.Arbitrary<infer T> ? T : never;
type R = Canonical["reviews"][number];

/** One way of writing each field, as some page might. */
const starsForms = [
  (s: number) => ({ stars: s }),
  (s: number) => ({ rating: s }),
  (s: number) => ({ score: String(s) }),
  (s: number) => ({ starRating: s }),
  (s: number) => ({ rating: { value: s } }),
  (s: number) => ({ reviewRating: { ratingValue: s, bestRating: 5 } }),
  (s: number) => ({ mark: s }),
  (s: number) => ({ value: String(s) }),
];
const authorForms = [
  (a: string) => ({ author: a }),
  (a: string) => ({ author: { name: a } }),
  (a: string) => ({ user: { displayName: a } }),
  (a: string) => ({ reviewer: { fullName: a } }),
  (a: string) => ({ authorName: a }),
  (a: string) => ({ author: { user: { name: a } } }),
  (a: string) => ({ nick: a }),
  (a: string) => ({ writer: { fullName: a } }),
];
const textForms = ["text", "body", "content", "reviewText", "comment", "message", "reviewBody", "words"].map(
  (k) => (t: string) => ({ [k]: t }),
);
const dateForms = [
  (d: Date) => ({ createdAt: d.toISOString() }),
  (d: Date) => ({ date: d.getTime() }),
  (d: Date) => ({ publishedAt: d.getTime() / 1000 }),
  (d: Date) => ({ datePublished: d.toISOString().replace("T", " ").slice(0, 19) }),
  (d: Date) => ({ created_at: d.toISOString() }),
  (d: Date) => ({ publishedOn: d.toISOString() }),
  (d: Date) => ({ reviewDate: d.getTime() }),
  (d: Date) => ({ postedDate: `$D${d.toISOString()}` }),
];
const replyForms = [
  (r: string) => ({ reply: r }),
  (r: string) => ({ reply: { text: r } }),
  (r: string) => ({ developerResponse: { body: r } }),
  (r: string) => ({ response: { content: r } }),
  (r: string) => ({ replies: [{ text: r }] }),
];
const upvoteForms = ["upvotes", "helpfulCount", "likes", "thumbsUp"].map((k) => (n: number) => ({ [k]: n }));
const idForms = ["id", "reviewId", "uuid", "_id"].map((k) => (id: string) => ({ [k]: id }));
const listForms = [
  (items: unknown[]) => items,
  (items: unknown[]) => ({ edges: items.map((node, i) => ({ cursor: `c${i}`, node })) }),
  (items: unknown[]) => ({ nodes: items }),
  (items: unknown[], total: number) => ({ items, totalCount: total }),
];
const listKeys = ["reviews", "userReviews", "items", "reviewList", "customerReviews", "feedbackEntries"];
const aggregateForms = [
  (a: number, n: number) => ({ rating: a, reviewCount: n }),
  (a: number, n: number) => ({ ratingSummary: { avg: a, total: n } }),
  (a: number, n: number) => ({ aggregateRating: { ratingValue: String(a), ratingCount: n } }),
  (a: number, n: number) => ({ stats: { averageRating: a, numReviews: n } }),
  (a: number, n: number) => ({ reviewsInfo: { score: a, count: n } }),
  (a: number, n: number) => ({ summary: { mean: a, totalReviews: n } }),
  (a: number, n: number) => ({ stats: { averageStars: a, writtenReviews: n } }),
  (a: number, n: number) => ({ avgRating: a, numReviews: n }),
  (a: number, n: number) => ({ ratings: { scores: { average: a, total: n } } }),
  (a: number, n: number) => ({ rating: { percent: `${Math.round(a * 20)}%`, count: String(n) } }),
  (a: number, n: number) => ({ ratingSummary: { mean: a, reviews: n } }),
];
const wrappers = [
  (v: unknown) => ({ data: v }),
  (v: unknown) => ({ props: { pageProps: v } }),
  (v: unknown) => [v],
  (v: unknown) => ({ result: { app: v } }),
  (v: unknown) => ({ queries: [{ state: { data: v } }] }),
];

const variant = fc.record({
  stars: fc.nat({ max: starsForms.length - 1 }),
  author: fc.nat({ max: authorForms.length - 1 }),
  text: fc.nat({ max: textForms.length - 1 }),
  date: fc.nat({ max: dateForms.length - 1 }),
  reply: fc.nat({ max: replyForms.length - 1 }),
  upvotes: fc.nat({ max: upvoteForms.length - 1 }),
  id: fc.nat({ max: idForms.length - 1 }),
  list: fc.nat({ max: listForms.length - 1 }),
  listKey: fc.nat({ max: listKeys.length - 1 }),
  aggregate: fc.nat({ max: aggregateForms.length - 1 }),
  wrappers: fc.array(fc.nat({ max: wrappers.length - 1 }), { maxLength: 3 }),
  container: fc.constantFrom("next-data", "json", "flight"),
  seed: fc.integer(),
});
type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;

/** Shuffles every object's keys (a seeded shuffle, so a failure replays). */
function shuffleKeys(value: unknown, seed: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    seed.n = (seed.n * 1103515245 + 12345) & 0x7fffffff;
    const j = seed.n % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed)]));
}

function render(c: Canonical, v: Variant): string {
  const review = (r: R) => ({
    ...idForms[v.id]!(r.id),
    ...starsForms[v.stars]!(r.stars),
    ...authorForms[v.author]!(r.author),
    ...textForms[v.text]!(r.text),
    ...dateForms[v.date]!(r.date),
    ...upvoteForms[v.upvotes]!(r.upvotes),
    ...(r.reply ? replyForms[v.reply]!(r.reply) : {}),
  });
  const app = {
    clientId: "client-1",
    name: "Some App",
    description: "What it does, in a sentence or two.",
    ...aggregateForms[v.aggregate]!(c.average, c.count),
    [listKeys[v.listKey]!]: listForms[v.list]!(c.reviews.map(review), c.count),
  };
  const data = shuffleKeys(
    v.wrappers.reduce<unknown>((inner, w) => wrappers[w]!(inner), app),
    { n: v.seed },
  );
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const body =
    v.container === "next-data"
      ? `<script id="__NEXT_DATA__" type="application/json">${json}</script>`
      : v.container === "json"
        ? `<script type="application/json" data-state="1">${json}</script>`
        : `<script>self.__next_f.push(${JSON.stringify([1, `0:${JSON.stringify(data).replace(/"\$/g, '"$$$$')}\n`]).replace(/</g, "\\u003c")})</script>`;
  return `<!doctype html><html><head><title>Some App</title></head><body><h1>Some App</h1>${body}</body></html>`;
}

describe("parseListingPage (property)", () => {
  it("reads the same listing whatever the key names, nesting, key order and script", () => {
    fc.assert(
      fc.property(canonical, variant, (c, v) => {
        const parsed = parseListingPage(render(c, v), { clientId: "client-1" });
        expect(parsed.ratingAverage).toBe(c.average);
        expect(parsed.reviewCount).toBe(c.count);
        expect(
          parsed.reviews.map(({ externalId, author, stars, date, text, upvotes, reply }) => ({
            id: externalId,
            author,
            stars,
            date,
            text,
            upvotes,
            reply,
          })),
        ).toEqual(c.reviews);
      }),
      { numRuns: 300 },
    );
  });
});
