import type { Listing } from "./listings";
import { flightPushes, scriptJson } from "./html";
import { categoryKey, mediaUrl, page, ratingOf, SIMILAR, similarCards } from "./listing-page-kit";

/** The listing page shapes that carry the data as JSON: JSON-LD, Pages Router page data and App Router flight data. */

export function jsonLdPage(listing: Listing, origin: string) {
  const rating = ratingOf(listing);
  const data = {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "BreadcrumbList",
        itemListElement: [{ "@type": "ListItem", position: 1, name: "Marketplace", item: `${origin}/en/marketplace` }],
      },
      {
        "@type": "SoftwareApplication",
        name: listing.name,
        applicationCategory: "BusinessApplication",
        url: `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}`,
        author: { "@type": "Organization", name: listing.builtBy },
        ...(listing.description ? { description: listing.description } : {}),
        ...(listing.screenshots.length ? { screenshot: listing.screenshots.map((s) => mediaUrl(origin, s.name)) } : {}),
        ...(listing.videoUrl
          ? { video: { "@type": "VideoObject", name: listing.name, embedUrl: listing.videoUrl } }
          : {}),
        ...(listing.categories.length ? { applicationSubCategory: listing.categories } : {}),
        ...(listing.pricingUrl ? { offers: { "@type": "Offer", url: listing.pricingUrl } } : {}),
        ...(rating !== null
          ? {
              aggregateRating: {
                "@type": "AggregateRating",
                ratingValue: rating,
                reviewCount: listing.reviews.length,
                bestRating: 5,
                worstRating: 1,
              },
            }
          : {}),
        ...(listing.installBand
          ? {
              interactionStatistic: {
                "@type": "InteractionCounter",
                interactionType: "https://schema.org/InstallAction",
                userInteractionCount: listing.installBand,
              },
            }
          : {}),
        review: listing.reviews.map((r) => ({
          "@type": "Review",
          "@id": `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}#review-${r.id}`,
          identifier: r.id,
          author: { "@type": "Person", name: r.author },
          datePublished: r.date,
          reviewBody: r.text,
          reviewRating: { "@type": "Rating", ratingValue: r.stars, bestRating: 5 },
          interactionStatistic: {
            "@type": "InteractionCounter",
            interactionType: "https://schema.org/LikeAction",
            userInteractionCount: r.upvotes,
          },
          ...(r.reply
            ? {
                comment: {
                  "@type": "Comment",
                  text: r.reply,
                  author: { "@type": "Organization", name: listing.builtBy },
                },
              }
            : {}),
        })),
      },
    ],
  };
  return page(
    listing,
    origin,
    `<script type="application/ld+json">${scriptJson(data)}</script>`,
    `<section id="user-reviews"><h2>Reviews</h2><p>Reviews load when you scroll.</p></section>${similarCards()}`,
  );
}

/** The app as the page's own data model has it: names of Pipedrive's choosing, nothing like schema.org. */
function appModel(listing: Listing, origin: string) {
  const rating = ratingOf(listing);
  return {
    id: `app_${listing.clientId}`,
    clientId: listing.clientId,
    name: listing.name,
    slug: listing.slug,
    company: { name: listing.builtBy },
    tagline: listing.summary,
    longDescription: listing.description,
    media: {
      screenshots: listing.screenshots.map((s, i) => ({ id: `img_${i}`, src: mediaUrl(origin, s.name), width: 1280 })),
      video: listing.videoUrl ? { provider: "youtube", url: listing.videoUrl } : null,
    },
    categories: listing.categories.map((name) => ({ id: categoryKey(name), name })),
    pricing: listing.pricingUrl ? { url: listing.pricingUrl, label: "See pricing" } : null,
    ratingSummary: { avg: rating, total: listing.reviews.length },
    installs: listing.installBand,
    ...(listing.votes ? { votes: { up: listing.votes.up, down: listing.votes.down } } : {}),
    userReviews: {
      totalCount: listing.reviews.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: listing.reviews.map((r) => ({
        cursor: Buffer.from(r.id).toString("base64"),
        node: {
          id: r.id,
          score: r.stars,
          body: r.text,
          createdAt: r.date,
          user: { displayName: r.author, avatarUrl: null },
          helpfulCount: r.upvotes,
          developerResponse: r.reply ? { text: r.reply, createdAt: r.date } : null,
        },
      })),
    },
  };
}

const similarModel = () =>
  SIMILAR.map((s) => ({
    id: s.id,
    clientId: s.clientId,
    name: s.name,
    ratingSummary: { avg: s.rating, total: s.reviews },
  }));

export function nextDataPage(listing: Listing, origin: string) {
  const data = {
    props: { pageProps: { app: appModel(listing, origin), similarApps: similarModel(), locale: "en" }, __N_SSP: true },
    page: "/marketplace/app/[slug]/[clientId]",
    query: { slug: listing.slug, clientId: listing.clientId },
    buildId: "mkt-2026.11.3",
    isFallback: false,
    gssp: true,
    scriptLoader: [],
  };
  return page(
    listing,
    origin,
    "",
    `<section id="user-reviews"><h2>Reviews</h2></section>${similarCards()}<script id="__NEXT_DATA__" type="application/json">${scriptJson(data)}</script>`,
  );
}

/**
 * App Router flight data: rows `<id>:<json>\n`, long texts as `<id>:T<hex byte length>,<text>`, dates as
 * `"$D…"`, strings starting with `$` escaped as `"$$…"`, the review list in a row of its own referred to as
 * `"$<id>"`, module and hint rows among them; the payload pushed in several chunks cut anywhere.
 */
export function flightPayload(listing: Listing, origin = ""): string {
  const rows: string[] = [];
  let next = 10;
  const texts: string[] = [];
  const text = (value: string) => {
    // React sends strings of 1,024+ characters as text rows (and this emulator, every review text with a line break).
    if (value.length < 1024 && !value.includes("\n")) return value.startsWith("$") ? `$${value}` : value;
    const id = (next++).toString(16);
    texts.push(`${id}:T${Buffer.byteLength(value, "utf8").toString(16)},${value}`);
    return `$${id}`;
  };
  const model = appModel(listing, origin);
  const reviewsRow = (next++).toString(16);
  const reviews = model.userReviews.edges.map(({ node }) => ({
    ...node,
    body: text(node.body),
    createdAt: `$D${new Date(node.createdAt).toISOString()}`,
    user: { ...node.user, displayName: text(node.user.displayName) },
    developerResponse: node.developerResponse ? { text: text(node.developerResponse.text) } : null,
  }));
  rows.push(
    `1:I[\"(app-pages-browser)/./src/components/AppPage.tsx\",[\"app/[lang]/marketplace/app/[slug]/[clientId]/page\",\"static/chunks/app/page-4f2a.js\"],\"AppPage\"]`,
  );
  rows.push(`2:HL[\"/_next/static/css/4b8e21.css\",\"style\"]`);
  rows.push(`${reviewsRow}:${JSON.stringify(reviews)}`);
  const app = {
    ...model,
    name: text(model.name),
    tagline: text(listing.summary),
    longDescription: text(listing.description),
    userReviews: { ...model.userReviews, edges: undefined, items: `$${reviewsRow}` },
  };
  rows.push(
    `0:[\"$\",\"$L1\",null,{\"app\":${JSON.stringify(app)},\"similarApps\":${JSON.stringify(similarModel())},\"price\":\"$$9/month\"}]`,
  );
  rows.push(`3:E{\"digest\":\"NEXT_NOT_FOUND\"}`);
  return rows.map((r) => `${r}\n`).join("") + texts.join("");
}

export function flightPage(listing: Listing, origin: string) {
  const pushes = flightPushes(flightPayload(listing, origin));
  return page(
    listing,
    origin,
    '<script src="/_next/static/chunks/webpack-1a2b.js" async=""></script>',
    `<section id="user-reviews"><h2>Reviews</h2></section>${similarCards()}${pushes}`,
  );
}
