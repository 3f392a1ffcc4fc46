import type { ServerResponse } from "node:http";
import { kebabCase } from "es-toolkit/compat";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { z } from "zod";
import { sendHtml, sendJson } from "./http";
import { CHALLENGE_HTML } from "./html";
import { LISTING_SHAPES, listingHtml } from "./listing-pages";
import { API_MODES } from "./marketplace-api";

/**
 * Public Marketplace listing pages, as www.pipedrive.com serves them, at
 * `/<lang>/marketplace/app/<slug>/<client_id>`: the slug is the app's name in kebab case with words
 * split at case changes (lodash's rule), and the page comes in the shape chosen per listing
 * (listing-pages.ts). Tests can make the next requests of a listing fail: HTTP 500, 429 with
 * Retry-After, a slow answer, or a page without data.
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

/** Pipedrive's slug of an app name: "RingCentral App Connect" → ring-central-app-connect. */
export const pipedriveSlug = (name: string) => kebabCase(name);

export const listingSchema = z
  .object({
    clientId: z.string().min(1),
    /** Defaults to the slug Pipedrive makes of the name. */
    slug: z.string().min(1).optional(),
    name: z.string().min(1),
    builtBy: z.string().min(1).default("Partner"),
    summary: z.string().default(""),
    installBand: z.string().nullable().default(null),
    /** Defaults to the mean of the reviews, as the page computes it. */
    rating: z.number().min(1).max(5).nullable().optional(),
    votes: z.object({ up: z.number().int().min(0), down: z.number().int().min(0) }).optional(),
    reviews: z.array(listingReviewSchema).default([]),
    /** The listing's content, as partners write it in Developer Hub. */
    description: z.string().default(""),
    /**
     * Screenshots, served at /__emulator/media/<name>.png; `content` (default: the name) decides the
     * picture, so an image replaced at the same address is a different picture.
     */
    screenshots: z
      .array(
        z
          .union([z.string().min(1), z.object({ name: z.string().min(1), content: z.string().optional() })])
          .transform((s) =>
            typeof s === "string" ? { name: s, content: s } : { name: s.name, content: s.content ?? s.name },
          ),
      )
      .max(10)
      .default([]),
    videoUrl: z.string().nullable().default(null),
    categories: z.array(z.string().min(1)).default([]),
    pricingUrl: z.string().nullable().default(null),
    /** Where the page keeps its data (listing-pages.ts). */
    shape: z.enum(LISTING_SHAPES).default("json-ld"),
    /**
     * Slugs the listing had before a rename, and what they answer now: 404 (what Pipedrive's renamed
     * partner pages do), a permanent redirect to the new address, or the page itself with its canonical
     * link naming the new address.
     */
    previousSlugs: z.array(z.string().min(1)).default([]),
    /** How the Marketplace's API answers about this app (null: as the API's mode says, marketplace-api.ts). */
    api: z.enum(API_MODES).nullable().default(null),
    renamed: z.enum(["404", "redirect", "canonical"]).default("404"),
  })
  .transform((l) => ({ ...l, slug: l.slug ?? pipedriveSlug(l.name) }));
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

export type Listing = z.output<typeof listingSchema>;
export type ListingInput = z.input<typeof listingSchema>;
export type ListingFault = z.infer<typeof listingFaultSchema>["faults"][number];

export class ListingStore {
  readonly listings = new Map<string, Listing>();
  readonly faults = new Map<string, ListingFault[]>();
  readonly requests = new Map<string, { count: number; userAgent: string | null }>();

  put(input: ListingInput) {
    const listing = listingSchema.parse(input);
    this.listings.set(listing.clientId, listing);
    for (const s of listing.screenshots) this.media.set(s.name, s.content);
    return listing;
  }

  /** Screenshot name → what it shows. */
  readonly media = new Map<string, string>();
}

/** The picture of a screenshot: a small PNG whose colour follows what it shows. */
export function mediaPng(content: string) {
  const hash = createHash("sha256").update(content).digest();
  return sharp({
    create: { width: 64, height: 40, channels: 3, background: { r: hash[0]!, g: hash[1]!, b: hash[2]! } },
  })
    .png()
    .toBuffer();
}

/** GET /__emulator/media/<name>.png */
export async function mediaFile(store: ListingStore, res: ServerResponse, name: string) {
  const content = store.media.get(name);
  if (content === undefined) return sendJson(res, 404, { error: "No such image" });
  const png = await mediaPng(content);
  res.writeHead(200, { "content-type": "image/png", "content-length": png.length, "cache-control": "no-cache" });
  res.end(png);
}

/**
 * GET /<lang>/marketplace/app/<slug>/<clientId>. Another slug than the listing's answers 404 (the
 * slug is part of the address); a challenge-shaped listing answers what a bot check answers.
 */
export async function listingPage(
  store: ListingStore,
  res: ServerResponse,
  slug: string,
  clientId: string,
  userAgent: string | null,
  origin: string,
) {
  const seen = store.requests.get(clientId) ?? { count: 0, userAgent: null };
  store.requests.set(clientId, { count: seen.count + 1, userAgent });
  const fault = store.faults.get(clientId)?.shift();
  if (fault?.mode === "500") return sendHtml(res, 500, "<h1>Internal Server Error</h1>");
  if (fault?.mode === "429")
    return sendJson(
      res,
      429,
      { error: "Too many requests" },
      fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {},
    );
  if (fault?.mode === "garbage")
    return sendHtml(
      res,
      200,
      "<!doctype html><html><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>",
    );
  if (fault?.mode === "slow") await new Promise((r) => setTimeout(r, fault.delayMs ?? 20_000));
  const listing = store.listings.get(clientId);
  if (res.destroyed) return;
  if (listing?.shape === "challenge") return sendHtml(res, 403, CHALLENGE_HTML);
  if (listing && listing.slug !== slug && listing.renamed === "redirect" && listing.previousSlugs.includes(slug)) {
    res.writeHead(301, { location: `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}` });
    return res.end();
  }
  const oldSlug = listing && listing.slug !== slug && listing.previousSlugs.includes(slug);
  if (!listing || (listing.slug !== slug && !(oldSlug && listing.renamed === "canonical")))
    return sendHtml(
      res,
      404,
      "<!doctype html><html><head><title>Page not found | Pipedrive</title></head><body><h1>This app could not be found</h1></body></html>",
    );
  sendHtml(res, 200, listingHtml(listing, origin));
}
