import type { Listing } from "./listings";
import { CHALLENGE_HTML, escapeHtml, scriptJson } from "./html";
import { jsonLdPage, nextDataPage, flightPage } from "./listing-data-pages";
import {
  categoryKey,
  humanDate,
  mediaUrl,
  page,
  ratingOf,
  SIMILAR,
  similarCards,
  type Review,
} from "./listing-page-kit";

/**
 * The public Marketplace page of a listing, in each shape Pipedrive may serve it. Its markup is not
 * documented and the site is a Next.js app, so the data may sit in JSON-LD, in Pages Router page
 * data, in App Router flight data, in microdata only or only in what a visitor sees. Every shape
 * has the noise of a real page: navigation, an install button, and "similar apps" with their own
 * ratings; each keeps the listing's data in that one place only.
 */
export const LISTING_SHAPES = [
  "json-ld",
  "next-data",
  "flight",
  "microdata",
  "dom",
  "no-reviews",
  "challenge",
] as const;
export type ListingShape = (typeof LISTING_SHAPES)[number];

function microdataPage(listing: Listing, origin: string) {
  const rating = ratingOf(listing);
  const reviews = listing.reviews
    .map(
      (r) => `<div itemprop="review" itemscope itemtype="https://schema.org/Review" id="review-${escapeHtml(r.id)}">
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">${escapeHtml(r.author)}</span></span>
<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="${r.stars}"/><meta itemprop="bestRating" content="5"/>${"★".repeat(r.stars)}</div>
<meta itemprop="datePublished" content="${escapeHtml(r.date)}"/><span>${escapeHtml(humanDate(r.date))}</span>
<div itemprop="reviewBody">${escapeHtml(r.text)}</div><meta itemprop="upvoteCount" content="${r.upvotes}"/>
${r.reply ? `<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="text">${escapeHtml(r.reply)}</span></div>` : ""}</div>`,
    )
    .join("\n");
  return page(
    listing,
    origin,
    "",
    `<div itemscope itemtype="https://schema.org/SoftwareApplication"><meta itemprop="name" content="${escapeHtml(listing.name)}"/>
${listing.description ? `<div itemprop="description">${escapeHtml(listing.description)}</div>` : ""}
${listing.screenshots.map((s) => `<img itemprop="screenshot" src="${mediaUrl(origin, s.name)}" alt=""/>`).join("")}
${listing.videoUrl ? `<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject"><link itemprop="embedUrl" href="${escapeHtml(listing.videoUrl)}"/></div>` : ""}
${listing.categories.map((c) => `<span itemprop="applicationSubCategory">${escapeHtml(c)}</span>`).join(" ")}
${listing.pricingUrl ? `<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><link itemprop="url" href="${escapeHtml(listing.pricingUrl)}"/></div>` : ""}
${rating !== null ? `<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><meta itemprop="ratingValue" content="${rating}"/><meta itemprop="reviewCount" content="${listing.reviews.length}"/></div>` : ""}
<section id="user-reviews"><h2>Reviews</h2>${reviews}</section></div>${similarCards()}`,
  );
}

/** Only what a visitor sees: star labels, counts, review cards with hashed class names. */
function domPage(listing: Listing, origin: string) {
  const rating = ratingOf(listing);
  const stars = (n: number) =>
    `<span role="img" aria-label="${n} out of 5 stars" class="Stars_root__u8Hq1">${"★".repeat(n)}${"☆".repeat(5 - n)}</span>`;
  const cards = listing.reviews
    .map(
      (
        r,
      ) => `<article id="review-${escapeHtml(r.id)}" class="ReviewCard_card__a1b2c"><div class="ReviewCard_header__x9Yz1"><span class="ReviewCard_authorName__q7Rt3">${escapeHtml(r.author)}</span>${stars(r.stars)}<time dateTime="${escapeHtml(r.date)}">${escapeHtml(humanDate(r.date))}</time></div>
${r.text
  .split(/\n{2,}/)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join("")}
${r.reply ? `<div class="ReviewCard_reply__zz31e" aria-label="Reply from ${escapeHtml(listing.builtBy)}"><strong>Reply from ${escapeHtml(listing.builtBy)}</strong><p>${escapeHtml(r.reply)}</p></div>` : ""}
<button type="button" class="ReviewCard_helpful__w2">Helpful (${r.upvotes})</button></article>`,
    )
    .join("\n");
  const summary =
    rating !== null
      ? `<div class="Rating_summary__mm1"><span role="img" aria-label="Rated ${rating} out of 5" class="Stars_root__u8Hq1">★★★★☆</span><span>${rating}</span><span>${listing.reviews.length} reviews</span>${listing.installBand ? `<span>${escapeHtml(listing.installBand)} installs</span>` : ""}${listing.votes ? `<span>${listing.votes.up} upvotes</span>` : ""}</div>`
      : "";
  const similar = `<section aria-label="Similar apps"><h2>Similar apps</h2>${SIMILAR.map((s) => `<a class="AppCard_root__p1Ow2" href="/en/marketplace/app/x/${s.clientId}"><span>${s.name}</span><span role="img" aria-label="Rated ${s.rating} out of 5">★★★★★</span><span>${s.reviews} reviews</span></a>`).join("")}</section>`;
  const content = [
    listing.screenshots.length
      ? `<section class="Gallery_root__g7Ha1" aria-label="Screenshots">${listing.screenshots.map((s) => `<img class="Gallery_img__u2" src="/__emulator/media/${encodeURIComponent(s.name)}.png" alt=""/>`).join("")}</section>`
      : "",
    listing.videoUrl
      ? `<div class="Video_frame__p9"><iframe src="${escapeHtml(listing.videoUrl)}" title="Video"></iframe></div>`
      : "",
    listing.description
      ? `<section class="AppDetails_about__r4"><h2>About ${escapeHtml(listing.name)}</h2>${listing.description
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join("")}</section>`
      : "",
    listing.categories.length
      ? `<div class="AppDetails_categories__k1"><h3>Categories</h3>${listing.categories.map((c) => `<a href="/en/marketplace/categories/${categoryKey(c)}">${escapeHtml(c)}</a>`).join(" ")}</div>`
      : "",
    listing.pricingUrl ? `<a class="Link_root__x1" href="${escapeHtml(listing.pricingUrl)}">See pricing</a>` : "",
  ].join("");
  return page(
    listing,
    origin,
    "",
    `${content}${summary}<section id="user-reviews" class="Reviews_list__p0"><h2>Reviews</h2>${cards}</section>${similar}`,
  );
}

function noReviewsPage(listing: Listing, origin: string) {
  const data = {
    "@context": "https://schema.org",
    "@type": "SoftwareApplication",
    name: listing.name,
    applicationCategory: "BusinessApplication",
    author: { "@type": "Organization", name: listing.builtBy },
  };
  return page(
    listing,
    origin,
    `<script type="application/ld+json">${scriptJson(data)}</script>`,
    `<section id="user-reviews"><h2>Reviews</h2><p>No reviews yet. Be the first to review ${escapeHtml(listing.name)}.</p></section>${similarCards()}`,
  );
}

export function listingHtml(listing: Listing, origin: string): string {
  switch (listing.shape) {
    case "next-data":
      return nextDataPage(listing, origin);
    case "flight":
      return flightPage(listing, origin);
    case "microdata":
      return microdataPage(listing, origin);
    case "dom":
      return domPage(listing, origin);
    case "no-reviews":
      return noReviewsPage({ ...listing, reviews: [] }, origin);
    case "challenge":
      return CHALLENGE_HTML;
    default:
      return jsonLdPage(listing, origin);
  }
}

export type { Review as ListingPageReview };
