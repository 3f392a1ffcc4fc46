import { env } from "@/lib/server/env";
import { fetchMarketplace, PageFetchError, type FetchPageOptions, type MarketplaceResponse } from "./fetch-page";
import { findInJson } from "./structure";
import type { ParsedReview } from "./types";
import { count, installBand, isObject, list, plain, rating, type Json } from "./values";

/**
 * The Marketplace's own JSON API (undocumented; what public code shows: ../shared MARKETPLACE.md):
 * - one app: `GET <api>/api/v1/marketplace/apps/<client_id>` → `data.app`;
 * - a sorted list: `GET <api>/api/v1/marketplace/apps/sorted?sort=<key>&page=<0-based>&limit=12[&category=<id>]`
 *   → `data.apps[]` and `data.totalElements`.
 * Read first, because a JSON API changes less often than a page's markup — but only when it answers
 * in a shape recognised here: the app's client id beside a name, a rating under a known model
 * (`ratings.scores.average`, `ratingAverage`…). Anything else (404, 403, a bot check, another shape)
 * is `ApiUnavailable` with the reason, and the caller reads the pages instead.
 */
export const API_PAGE_SIZE = 12;

export type ApiCategory = { id: number | null; name: string | null };

export type ApiApp = {
  clientId: string;
  slug: string | null;
  name: string | null;
  summary: string | null;
  description: string | null;
  company: string | null;
  icon: string | null;
  screenshots: string[];
  categories: ApiCategory[];
  /** Use-case categories ("jobs to be done"), where the API names them. */
  useCases: string[];
  ratingAverage: number | null;
  /** Written reviews, as the API counts them. */
  reviewCount: number | null;
  /** Ratings, where the API counts them apart from written reviews. */
  ratingCount: number | null;
  /** The reviews the API carries, when it carries any (the page may show more). */
  reviews: ParsedReview[] | null;
  installBand: string | null;
  /** Which of the API's keys each figure came from, in words. */
  notes: string[];
};

export type ApiListEntry = {
  clientId: string;
  slug: string | null;
  name: string | null;
  categoryIds: number[];
  ratingAverage: number | null;
  reviewCount: number | null;
};
export type ApiList = { apps: ApiListEntry[]; total: number | null };

export type ApiProblem = "off" | "not-found" | "forbidden" | "challenge" | "shape" | "unavailable";
export class ApiUnavailable extends Error {
  constructor(
    message: string,
    readonly problem: ApiProblem,
    readonly response: MarketplaceResponse | null = null,
  ) {
    super(message);
    this.name = "ApiUnavailable";
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
/** The first of several paths into an object that holds a value (`a.b.c`). */
function at(o: Json, ...paths: string[]): { value: unknown; path: string } | null {
  for (const path of paths) {
    let v: unknown = o;
    for (const key of path.split(".")) v = isObject(v) ? v[key] : undefined;
    if (v !== undefined && v !== null && v !== "") return { value: v, path };
  }
  return null;
}

/** The scale stated beside a value (`{ average: 9, best: 10 }`), when it is. */
function scaleBeside(o: Json, path: string): unknown {
  const parent = path.includes(".") ? at(o, path.split(".").slice(0, -1).join("."))?.value : o;
  if (!isObject(parent)) return undefined;
  return ["best", "bestRating", "scale", "max", "outOf", "out_of"].map((k) => parent[k]).find((v) => v !== undefined);
}

/** A slug from `app_path`: the slug itself, or a listing's path (`/en/marketplace/app/<slug>/<client id>`). */
function slugOf(path: string | null, clientId: string | null): string | null {
  if (!path) return null;
  const parts = path.split(/[/?#]/).filter(Boolean);
  const app = parts.lastIndexOf("app");
  if (app >= 0 && parts[app + 1]) return parts[app + 1]!;
  return (parts.at(-1) === clientId && parts.length > 1 ? parts.at(-2) : parts.at(-1)) ?? null;
}

const CLIENT_KEYS = ["client_id", "clientId", "clientID", "oauthClientId"];
const clientIdOf = (o: Json) => CLIENT_KEYS.map((k) => str(o[k])).find(Boolean) ?? null;

/** The largest picture among `{ "1280x800": url, … }` (or a bare url / `{url}`). */
function pictureOf(v: unknown): string | null {
  if (typeof v === "string") return str(v);
  if (!isObject(v)) return null;
  const direct = str(v.url) ?? str(v.src) ?? str(v.href);
  if (direct) return direct;
  const sized = isObject(v.urls) ? v.urls : v;
  const sizes = Object.entries(sized)
    .map(([k, u]) => ({ area: (/^(\d+)x(\d+)$/.exec(k) ?? []).slice(1).reduce((a, b) => a * Number(b), 1), u: str(u) }))
    .filter((s): s is { area: number; u: string } => s.u !== null && s.area > 1);
  return sizes.sort((a, b) => b.area - a.area)[0]?.u ?? null;
}

function categoriesOf(o: Json): ApiCategory[] {
  const found: ApiCategory[] = [];
  for (const v of list(o.category_ids ?? o.categoryIds)) if (num(v) !== null) found.push({ id: num(v), name: null });
  for (const v of list(o.categories)) {
    if (num(v) !== null) found.push({ id: num(v), name: null });
    else if (typeof v === "string") found.push({ id: null, name: plain(v) || null });
    else if (isObject(v)) found.push({ id: num(v.id), name: str(v.name) ?? str(v.title) ?? str(v.label) });
  }
  const seen = new Set<string>();
  return found.filter((c) => {
    const key = `${c.id}:${c.name}`;
    return (c.id !== null || c.name !== null) && !seen.has(key) && seen.add(key);
  });
}

function screenshotsOf(o: Json): string[] {
  const sources = [
    ...list(o.screenshots),
    ...(isObject(o.icon) ? list(o.icon.screenshots) : []),
    ...list(o.images),
    ...list(o.media).filter((m) => !isObject(m) || !m.type || /image|screenshot/i.test(String(m.type))),
  ];
  return [...new Set(sources.map(pictureOf).filter((u): u is string => u !== null))];
}

/** The app of `/apps/<client_id>`: the object that names the client id, or the single app the answer holds. */
function appObjectOf(json: unknown, clientId: string): Json | null {
  const data = isObject(json) && isObject(json.data) ? json.data : json;
  const candidates = [isObject(data) ? data.app : null, isObject(data) ? data.item : null, data, json].filter(isObject);
  return (
    candidates.find((c) => clientIdOf(c) === clientId) ??
    candidates.find(
      (c) =>
        clientIdOf(c) === null &&
        (str(c.name) || str(c.title)) &&
        (c.ratings || c.rating || c.ratingAverage !== undefined),
    ) ??
    null
  );
}

/** Reads the API's answer about one app; null when it is not a shape recognised here. */
export function parseApiApp(json: unknown, clientId: string): ApiApp | null {
  const o = appObjectOf(json, clientId);
  if (!o) return null;
  const notes: string[] = [];
  const average = at(
    o,
    "ratings.scores.average",
    "ratings.average",
    "ratingAverage",
    "rating_average",
    "averageRating",
    "rating.average",
    "rating",
  );
  const reviewTotal = at(
    o,
    "ratings.reviewCount",
    "ratings.reviews_count",
    "ratings.reviewsCount",
    "reviewCount",
    "review_count",
    "reviewsCount",
  );
  const ratingTotal = at(o, "ratings.scores.total", "ratings.total", "ratingCount", "rating_count", "ratingsCount");
  const reviewsValue = at(o, "ratings.reviews", "reviews");
  const ratingAverage = average ? rating(average.value, scaleBeside(o, average.path)) : null;
  if (average && ratingAverage !== null) notes.push(`rating from ${average.path}`);
  let reviewCount = reviewTotal ? count(reviewTotal.value) : null;
  let reviews: ParsedReview[] | null = null;
  if (reviewsValue && Array.isArray(reviewsValue.value)) {
    reviews = findInJson([reviewsValue.value]).reviews.map((r) => r.review);
    notes.push(`${reviews.length} reviews from ${reviewsValue.path}`);
  } else if (reviewsValue && reviewCount === null) {
    reviewCount = count(reviewsValue.value);
    if (reviewCount !== null) notes.push(`review count from ${reviewsValue.path}`);
  } else if (reviewTotal && reviewCount !== null) notes.push(`review count from ${reviewTotal.path}`);
  const ratingCount = ratingTotal ? count(ratingTotal.value) : null;
  if (reviewCount === null && ratingCount !== null) {
    // Where the API counts only ratings, each is a review on the Marketplace (a rating comes with its review).
    reviewCount = ratingCount;
    notes.push(`review count from ${ratingTotal!.path}`);
  }
  const installs = at(o, "approximateInstalls", "approximate_installs", "installs", "installCount", "install_count");
  const vendor = at(
    o,
    "company_name",
    "companyName",
    "vendor.name",
    "vendor",
    "developer.name",
    "builtBy",
    "partner.name",
  );
  const app: ApiApp = {
    clientId,
    slug: slugOf(str(o.app_path) ?? str(o.appPath) ?? str(o.slug), clientId),
    name: str(o.name) ?? str(o.title),
    summary: str(o.tagline) ?? str(o.summary) ?? str(o.shortDescription) ?? str(o.short_description),
    description: str(o.description) ? plain(o.description) : str(o.fullDescription) ? plain(o.fullDescription) : null,
    company: vendor && typeof vendor.value === "string" ? plain(vendor.value) : null,
    icon: pictureOf(isObject(o.icon) ? o.icon : (o.icon ?? o.iconUrl ?? o.logo)),
    screenshots: screenshotsOf(o),
    categories: categoriesOf(o),
    useCases: list(o.jtbdCategories ?? o.useCases)
      .map((v) => (isObject(v) ? (str(v.name) ?? str(v.title)) : str(v)))
      .filter((v): v is string => v !== null),
    ratingAverage,
    reviewCount,
    ratingCount,
    reviews,
    installBand: installs ? installBand(installs.value) : null,
    notes,
  };
  // Recognised: it names the app, and says something a sync needs.
  return app.name &&
    (app.ratingAverage !== null || app.reviewCount !== null || reviews !== null || clientIdOf(o) === clientId)
    ? app
    : null;
}

/** Reads a sorted list's page; null when it is not a shape recognised here. */
export function parseApiList(json: unknown): ApiList | null {
  const data = isObject(json) && isObject(json.data) ? json.data : json;
  if (!isObject(data)) return null;
  const array = [data.apps, data.content, data.items, data.results].find(Array.isArray) as unknown[] | undefined;
  if (!array) return null;
  const apps: ApiListEntry[] = [];
  for (const item of array) {
    if (!isObject(item)) return null;
    const clientId = clientIdOf(item);
    if (!clientId) return null;
    apps.push({
      clientId,
      slug: slugOf(str(item.app_path) ?? str(item.appPath) ?? str(item.slug), clientId),
      name: str(item.name),
      categoryIds: categoriesOf(item)
        .map((c) => c.id)
        .filter((id): id is number => id !== null),
      ratingAverage: rating(at(item, "ratings.scores.average", "ratingAverage", "rating")?.value),
      reviewCount: count(at(item, "ratings.reviewCount", "reviewCount", "ratings.scores.total")?.value),
    });
  }
  const total = at(data, "totalElements", "total", "totalCount", "page.totalElements", "pageInfo.totalCount");
  return { apps, total: total ? count(total.value) : null };
}

/** The API's origin, or null when the operator turned it off. */
export function apiBase(): string | null {
  const base = env().MARKETPLACE_API_URL;
  return base === "off" ? null : base;
}

async function getJson(
  url: string,
  options: FetchPageOptions,
): Promise<{ json: unknown; response: MarketplaceResponse }> {
  let response: MarketplaceResponse;
  try {
    response = await fetchMarketplace(url, { attempts: 2, ...options, accept: "json" });
  } catch (error) {
    if (!(error instanceof PageFetchError)) throw error;
    const problem: ApiProblem =
      error.kind === "not-found"
        ? "not-found"
        : error.kind === "forbidden" || error.kind === "robots" || error.kind === "refused"
          ? "forbidden"
          : error.kind === "challenge"
            ? "challenge"
            : "unavailable";
    throw new ApiUnavailable(error.message, problem, error.response);
  }
  try {
    return { json: JSON.parse(response.body), response };
  } catch {
    throw new ApiUnavailable("The Marketplace's API answered something that is not JSON", "shape", response);
  }
}

export async function fetchApiApp(
  clientId: string,
  options: FetchPageOptions = {},
): Promise<{ app: ApiApp; response: MarketplaceResponse }> {
  const base = apiBase();
  if (!base) throw new ApiUnavailable("The Marketplace's API is turned off (MARKETPLACE_API_URL=off)", "off");
  const { json, response } = await getJson(`${base}/api/v1/marketplace/apps/${encodeURIComponent(clientId)}`, options);
  const app = parseApiApp(json, clientId);
  if (!app)
    throw new ApiUnavailable(
      `The Marketplace's API answered in a shape Listing Studio does not know (${shapeOf(json)})`,
      "shape",
      response,
    );
  return { app, response };
}

export async function fetchApiList(
  { sort, category, page }: { sort: string; category?: number | null; page: number },
  options: FetchPageOptions = {},
): Promise<{ list: ApiList; response: MarketplaceResponse }> {
  const base = apiBase();
  if (!base) throw new ApiUnavailable("The Marketplace's API is turned off (MARKETPLACE_API_URL=off)", "off");
  const url = new URL(`${base}/api/v1/marketplace/apps/sorted`);
  url.searchParams.set("sort", sort);
  url.searchParams.set("page", String(page));
  url.searchParams.set("limit", String(API_PAGE_SIZE));
  if (category !== undefined && category !== null) url.searchParams.set("category", String(category));
  const { json, response } = await getJson(url.href, options);
  const list = parseApiList(json);
  if (!list)
    throw new ApiUnavailable(
      `The Marketplace's API answered a list in a shape Listing Studio does not know (${shapeOf(json)})`,
      "shape",
      response,
    );
  return { list, response };
}

/** A few of the answer's keys, to say what it looked like. */
function shapeOf(json: unknown): string {
  const keys = (v: unknown) =>
    isObject(v) ? Object.keys(v).slice(0, 6).join(", ") : Array.isArray(v) ? "a list" : typeof v;
  const data = isObject(json) && isObject(json.data) ? `data: ${keys(json.data)}` : keys(json);
  return `it holds ${data || "nothing"}`;
}
