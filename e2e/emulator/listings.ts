import type { ServerResponse } from "node:http";
import { z } from "zod";
import { sendHtml, sendJson } from "./http";

/**
 * Public Marketplace listing pages, as www.pipedrive.com serves them: the visible page plus
 * schema.org JSON-LD with the rating and the reviews. Tests can make the next requests of a
 * listing fail: HTTP 500, 429 with Retry-After, a slow answer, or a page without data.
 */
export const listingReviewSchema = z.object({
  id: z.string().min(1),
  author: z.string().min(1),
  stars: z.number().int().min(1).max(5),
  date: z.string().min(1),
  text: z.string(),
  upvotes: z.number().int().min(0).default(0),
  reply: z.string().nullable().default(null),
});

export const listingSchema = z.object({
  clientId: z.string().min(1),
  slug: z.string().min(1),
  name: z.string().min(1),
  builtBy: z.string().min(1).default("Partner"),
  summary: z.string().default(""),
  installBand: z.string().nullable().default(null),
  /** Defaults to the mean of the reviews, as the page computes it. */
  rating: z.number().min(1).max(5).nullable().optional(),
  reviews: z.array(listingReviewSchema).default([]),
});

export const listingFaultSchema = z.object({
  clientId: z.string().min(1),
  faults: z
    .array(
      z.object({
        mode: z.enum(["500", "429", "slow", "garbage"]),
        retryAfter: z.string().optional(),
        delayMs: z.number().int().min(0).max(120_000).optional(),
      }),
    )
    .max(20),
});

export type Listing = z.infer<typeof listingSchema>;
export type ListingFault = z.infer<typeof listingFaultSchema>["faults"][number];

export class ListingStore {
  readonly listings = new Map<string, Listing>();
  readonly faults = new Map<string, ListingFault[]>();
  readonly requests = new Map<string, { count: number; userAgent: string | null }>();

  put(listing: Listing) {
    this.listings.set(listing.clientId, listing);
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function ratingOf(listing: Listing): number | null {
  if (listing.rating !== undefined) return listing.rating;
  if (listing.reviews.length === 0) return null;
  return Math.round((listing.reviews.reduce((s, r) => s + r.stars, 0) / listing.reviews.length) * 10) / 10;
}

export function listingHtml(listing: Listing, origin: string): string {
  const rating = ratingOf(listing);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "SoftwareApplication",
    name: listing.name,
    applicationCategory: "BusinessApplication",
    url: `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}`,
    author: { "@type": "Organization", name: listing.builtBy },
    ...(rating !== null ? { aggregateRating: { "@type": "AggregateRating", ratingValue: rating, reviewCount: listing.reviews.length, bestRating: 5, worstRating: 1 } } : {}),
    review: listing.reviews.map((r) => ({
      "@type": "Review",
      identifier: r.id,
      author: { "@type": "Person", name: r.author },
      datePublished: r.date,
      reviewBody: r.text,
      reviewRating: { "@type": "Rating", ratingValue: r.stars, bestRating: 5 },
      interactionStatistic: { "@type": "InteractionCounter", interactionType: "https://schema.org/LikeAction", userInteractionCount: r.upvotes },
      ...(r.reply ? { comment: { "@type": "Comment", text: r.reply, author: { "@type": "Organization", name: listing.builtBy } } } : {}),
    })),
  };
  const reviews = listing.reviews
    .map((r) => `<article class="review"><h3>${escape(r.author)}</h3><p aria-label="${r.stars} stars">${"★".repeat(r.stars)}</p><time datetime="${escape(r.date)}">${escape(r.date.slice(0, 10))}</time><p>${escape(r.text)}</p><p>${r.upvotes} found this helpful</p>${r.reply ? `<blockquote>${escape(r.reply)}</blockquote>` : ""}</article>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(listing.name)} | Pipedrive Marketplace</title>
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script></head>
<body><header><h1>${escape(listing.name)}</h1><p>Built by ${escape(listing.builtBy)}</p><p>${escape(listing.summary)}</p>
${rating !== null ? `<p>${rating} out of 5 · ${listing.reviews.length} reviews</p>` : "<p>No reviews yet</p>"}
${listing.installBand ? `<p>${escape(listing.installBand)} installs</p>` : ""}</header>
<section aria-label="Reviews">${reviews}</section></body></html>`;
}

/** GET /en/marketplace/app/<slug>/<clientId>. */
export async function listingPage(store: ListingStore, res: ServerResponse, clientId: string, userAgent: string | null, origin: string) {
  const seen = store.requests.get(clientId) ?? { count: 0, userAgent: null };
  store.requests.set(clientId, { count: seen.count + 1, userAgent });
  const fault = store.faults.get(clientId)?.shift();
  if (fault?.mode === "500") return sendHtml(res, 500, "<h1>Internal Server Error</h1>");
  if (fault?.mode === "429") return sendJson(res, 429, { error: "Too many requests" }, fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {});
  if (fault?.mode === "garbage") return sendHtml(res, 200, "<!doctype html><html><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>");
  if (fault?.mode === "slow") await new Promise((r) => setTimeout(r, fault.delayMs ?? 20_000));
  const listing = store.listings.get(clientId);
  if (!listing) return sendHtml(res, 404, "<h1>This app could not be found</h1>");
  if (res.destroyed) return;
  sendHtml(res, 200, listingHtml(listing, origin));
}
