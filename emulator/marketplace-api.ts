import type { ServerResponse } from "node:http";
import { z } from "zod";
import { sendHtml, sendJson } from "./http";
import { CHALLENGE_HTML } from "./html";
import { ratingOf } from "./listing-page-kit";
import type { Listing, ListingStore } from "./listings";
import type { CollectionStore } from "./collections";

/**
 * The Marketplace's own JSON API, as public code shows it answering (../shared MARKETPLACE.md, "The
 * Marketplace's own API"), served on the emulator's origin:
 * - `GET /api/v1/marketplace/apps/<client_id>` → `{ success, data: { app: { client_id, name, tagline,
 *   description, company_name, icon: { urls, screenshots: [{ urls }] }, category_ids, ratings: { scores:
 *   { average, total }, reviews } } } }` — `reviews` holds only the three newest: the page shows them all;
 * - `GET /api/v1/marketplace/apps/sorted?sort=<key>&page=<0-based>&limit=12[&category=<id>]` → `{ success,
 *   data: { apps: [{ client_id, app_path, name, tagline, company_name, firstPublishedAt, categories: [{ id }] }],
 *   totalElements } }`; `sort` is a collection's key, `category` a category's numeric id (ids are given to
 *   category names in the order they are first seen, from 11).
 * Being undocumented, it can change or go away: `POST /__emulator/marketplace-api` `{ mode }` turns it
 * `off` (every call 404), answers `403`, a bot check (`challenge`), or the same data under the flat field
 * names 2026 catalog exports use (`renamed`: clientId, appPath, ratingAverage, reviewCount, approximateInstalls,
 * jtbdCategories, vendor…). A listing's own `api` answers about that app alone the same ways.
 */
export const API_MODES = ["on", "off", "403", "challenge", "renamed"] as const;
export const apiModeSchema = z.object({ mode: z.enum(API_MODES) });
export type ApiMode = (typeof API_MODES)[number];

export class MarketplaceApiState {
  mode: ApiMode = "on";
  /** Category name → numeric id, as the API numbers them. */
  readonly categoryIds = new Map<string, number>();
  /** Calls by path, for tests. */
  readonly calls: string[] = [];

  categoryId(name: string): number {
    let id = this.categoryIds.get(name);
    if (id === undefined) {
      id = 11 + this.categoryIds.size;
      this.categoryIds.set(name, id);
    }
    return id;
  }
}

const media = (origin: string, name: string) => `${origin}/__emulator/media/${encodeURIComponent(name)}.png`;

function appModel(listing: Listing, state: MarketplaceApiState, origin: string) {
  const rating = ratingOf(listing);
  const newest = [...listing.reviews].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 3);
  return {
    client_id: listing.clientId,
    name: listing.name,
    tagline: listing.summary,
    description: listing.description,
    company_name: listing.builtBy,
    icon: {
      urls: {
        "64x64": media(origin, `${listing.clientId}-icon-64`),
        "256x256": media(origin, `${listing.clientId}-icon`),
      },
      screenshots: listing.screenshots.map((s) => ({
        urls: { "640x400": media(origin, `${s.name}-small`), "1280x800": media(origin, s.name) },
      })),
    },
    category_ids: listing.categories.map((c) => state.categoryId(c)),
    ratings: {
      scores: { average: rating ?? 0, total: listing.reviews.length },
      reviews: newest.map((r) => ({
        id: r.id,
        rating: r.stars,
        comment: r.text,
        created_at: r.date,
        user: { name: r.author },
        likes: r.upvotes,
      })),
    },
  };
}

/** The same app under the flat names of 2026 catalog exports. */
function renamedModel(listing: Listing, state: MarketplaceApiState, origin: string) {
  const rating = ratingOf(listing);
  return {
    clientId: listing.clientId,
    appPath: listing.slug,
    name: listing.name,
    tagline: listing.summary,
    vendor: { name: listing.builtBy },
    ratingAverage: rating,
    reviewCount: listing.reviews.length,
    approximateInstalls: listing.installBand,
    categories: listing.categories.map((c) => ({ id: state.categoryId(c), name: c })),
    jtbdCategories: [],
    featureTypes: [],
    isFree: false,
    screenshots: listing.screenshots.map((s) => ({ url: media(origin, s.name) })),
  };
}

function refused(mode: ApiMode, res: ServerResponse): boolean {
  if (mode === "off") {
    sendJson(res, 404, { success: false, error: "Not found" });
    return true;
  }
  if (mode === "403") {
    sendJson(res, 403, { success: false, error: "Forbidden" });
    return true;
  }
  if (mode === "challenge") {
    sendHtml(res, 403, CHALLENGE_HTML);
    return true;
  }
  return false;
}

/** GET /api/v1/marketplace/apps/<client_id> */
export function apiApp(
  state: MarketplaceApiState,
  listings: ListingStore,
  res: ServerResponse,
  clientId: string,
  origin: string,
) {
  state.calls.push(`app/${clientId}`);
  const listing = listings.listings.get(clientId);
  // An app can answer its own way (a test of one app's fallback leaves the others' API as it is).
  const mode = listing?.api ?? state.mode;
  if (refused(mode, res)) return;
  if (!listing || listing.shape === "challenge")
    return sendJson(res, 404, { success: false, error: `App ${clientId} not found` });
  if (mode === "renamed") return sendJson(res, 200, { success: true, data: renamedModel(listing, state, origin) });
  sendJson(res, 200, { success: true, data: { app: appModel(listing, state, origin) } });
}

/** GET /api/v1/marketplace/apps/sorted?sort&page&limit&category */
export function apiSorted(
  state: MarketplaceApiState,
  listings: ListingStore,
  collections: CollectionStore,
  res: ServerResponse,
  query: URLSearchParams,
) {
  state.calls.push(`sorted?${query}`);
  if (refused(state.mode, res)) return;
  const page = Number(query.get("page") ?? "0");
  const limit = Math.min(50, Number(query.get("limit") ?? "12"));
  const category = query.get("category");
  const list = category
    ? [...collections.lists.values()].find(
        (l) => l.kind === "category" && state.categoryIds.get(l.name) === Number(category),
      )
    : collections.lists.get(`collection/${query.get("sort") ?? ""}`);
  if (!list || !Number.isInteger(page) || page < 0 || !Number.isInteger(limit) || limit < 1)
    return sendJson(res, 400, { success: false, error: "Unknown list" });
  const apps = list.apps.slice(page * limit, (page + 1) * limit).map((a) => {
    const listing = listings.listings.get(a.clientId);
    const name = a.name ?? listing?.name ?? `App ${a.clientId}`;
    return { clientId: a.clientId, slug: listing?.slug ?? null, name, listing };
  });
  if (state.mode === "renamed")
    return sendJson(res, 200, {
      success: true,
      data: {
        content: apps.map((a) => ({
          clientId: a.clientId,
          appPath: a.slug,
          name: a.name,
          ratingAverage: a.listing ? ratingOf(a.listing) : null,
          reviewCount: a.listing?.reviews.length ?? null,
        })),
        total: list.apps.length,
      },
    });
  sendJson(res, 200, {
    success: true,
    data: {
      apps: apps.map((a) => ({
        client_id: a.clientId,
        app_path: a.slug,
        name: a.name,
        tagline: a.listing?.summary ?? "",
        company_name: a.listing?.builtBy ?? "Partner",
        firstPublishedAt: "2025-01-15T10:00:00.000Z",
        categories: (a.listing?.categories ?? []).map((c) => ({ id: state.categoryId(c) })),
      })),
      totalElements: list.apps.length,
    },
  });
}

/** GET /sitemap.xml: every listing's address, as the real site's sitemap lists its pages. */
export function sitemap(listings: ListingStore, res: ServerResponse, origin: string) {
  const urls = [...listings.listings.values()]
    .filter((l) => l.shape !== "challenge")
    .map((l) => `<url><loc>${origin}/en/marketplace/app/${l.slug}/${l.clientId}</loc></url>`)
    .join("");
  res.writeHead(200, { "content-type": "application/xml; charset=utf-8" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
  );
}

export const robotsSchema = z.object({ disallow: z.array(z.string().startsWith("/")).max(20) });

/** GET /robots.txt: everything allowed but what a test disallows, and the sitemap. */
export function robots(disallow: string[], res: ServerResponse, origin: string) {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  res.end(
    [
      "User-agent: *",
      ...(disallow.length ? disallow.map((d) => `Disallow: ${d}`) : ["Allow: /"]),
      "",
      `Sitemap: ${origin}/sitemap.xml`,
      "",
    ].join("\n"),
  );
}
