import type { Listing } from "./listings";
import { escapeHtml } from "./html";

/** What every shape of a listing page shares: the page around the data, its media, dates and "similar apps". */

export type Review = Listing["reviews"][number];

export const SIMILAR = [
  { id: "sim-1", clientId: "0a1b2c3d4e5f6071", name: "Deal Radar", rating: 4.8, reviews: 212 },
  { id: "sim-2", clientId: "9f8e7d6c5b4a3921", name: "Mailmerge Pro", rating: 3.9, reviews: 58 },
];

export const mediaUrl = (origin: string, name: string) => `${origin}/__emulator/media/${encodeURIComponent(name)}.png`;
export const categoryKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const humanDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );

export function page(listing: Listing, origin: string, head: string, body: string) {
  const url = `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>${escapeHtml(listing.name)} | Pipedrive Marketplace</title>
<link rel="canonical" href="${url}"/><meta property="og:url" content="${url}"/><meta name="description" content="${escapeHtml(listing.summary)}"/>${head}</head>
<body><div id="__next"><nav class="Header_nav__k2Lp0"><a href="/en/marketplace">Marketplace</a> <a href="/en/marketplace/categories">Categories</a> <a href="/login">Log in</a></nav>
<main class="AppPage_main__x81Qa"><header class="AppHeader_root__Jd2sA"><h1>${escapeHtml(listing.name)}</h1><p class="AppHeader_by__Tk3mW">Built by ${escapeHtml(listing.builtBy)}</p><p>${escapeHtml(listing.summary)}</p><a class="Button_primary__Zq1pX" href="#install">Install now</a></header>
${body}</main><footer class="Footer_root__a0Lw3"><p>© 2026 Pipedrive · Terms · Privacy</p></footer></div></body></html>`;
}

/** The "similar apps" row every shape shows, in that shape's own form. */
export const similarCards = () =>
  `<section aria-label="Similar apps"><h2>Similar apps</h2>${SIMILAR.map((s) => `<a class="AppCard_root__p1Ow2" href="/en/marketplace/app/x/${s.clientId}"><span>${s.name}</span><span>${s.rating} (${s.reviews})</span></a>`).join("")}</section>`;

export function ratingOf(listing: Listing): number | null {
  if (listing.rating !== undefined) return listing.rating;
  if (listing.reviews.length === 0) return null;
  return Math.round((listing.reviews.reduce((s, r) => s + r.stars, 0) / listing.reviews.length) * 10) / 10;
}
