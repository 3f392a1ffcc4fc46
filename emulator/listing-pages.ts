import type { Listing } from "./listings";

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

type Review = Listing["reviews"][number];

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** JSON inside a script element, as Next.js writes it: `<`, `>`, `&` and line separators escaped. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function ratingOf(listing: Listing): number | null {
  if (listing.rating !== undefined) return listing.rating;
  if (listing.reviews.length === 0) return null;
  return Math.round((listing.reviews.reduce((s, r) => s + r.stars, 0) / listing.reviews.length) * 10) / 10;
}

const SIMILAR = [
  { id: "sim-1", clientId: "0a1b2c3d4e5f6071", name: "Deal Radar", rating: 4.8, reviews: 212 },
  { id: "sim-2", clientId: "9f8e7d6c5b4a3921", name: "Mailmerge Pro", rating: 3.9, reviews: 58 },
];

const mediaUrl = (origin: string, name: string) => `${origin}/__emulator/media/${encodeURIComponent(name)}.png`;
const categoryKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const humanDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );

function page(listing: Listing, origin: string, head: string, body: string) {
  const url = `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>${escapeHtml(listing.name)} | Pipedrive Marketplace</title>
<link rel="canonical" href="${url}"/><meta property="og:url" content="${url}"/><meta name="description" content="${escapeHtml(listing.summary)}"/>${head}</head>
<body><div id="__next"><nav class="Header_nav__k2Lp0"><a href="/en/marketplace">Marketplace</a> <a href="/en/marketplace/categories">Categories</a> <a href="/login">Log in</a></nav>
<main class="AppPage_main__x81Qa"><header class="AppHeader_root__Jd2sA"><h1>${escapeHtml(listing.name)}</h1><p class="AppHeader_by__Tk3mW">Built by ${escapeHtml(listing.builtBy)}</p><p>${escapeHtml(listing.summary)}</p><a class="Button_primary__Zq1pX" href="#install">Install now</a></header>
${body}</main><footer class="Footer_root__a0Lw3"><p>© 2026 Pipedrive · Terms · Privacy</p></footer></div></body></html>`;
}

/** The "similar apps" row every shape shows, in that shape's own form. */
const similarCards = () =>
  `<section aria-label="Similar apps"><h2>Similar apps</h2>${SIMILAR.map((s) => `<a class="AppCard_root__p1Ow2" href="/en/marketplace/app/x/${s.clientId}"><span>${s.name}</span><span>${s.rating} (${s.reviews})</span></a>`).join("")}</section>`;

function jsonLdPage(listing: Listing, origin: string) {
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

function nextDataPage(listing: Listing, origin: string) {
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

/** Cuts the payload into chunks of uneven sizes, never inside a surrogate pair. */
function chunks(payload: string): string[] {
  const out: string[] = [];
  const sizes = [37, 211, 5, 503, 89];
  for (let i = 0, n = 0; i < payload.length; n++) {
    let end = Math.min(payload.length, i + sizes[n % sizes.length]!);
    if (end < payload.length && /[\ud800-\udbff]/.test(payload[end - 1]!)) end++;
    out.push(payload.slice(i, end));
    i = end;
  }
  return out;
}

/** A flight payload as a page carries it: the bootstrap push, then the payload in uneven chunks. */
export const flightPushes = (payload: string) =>
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks(payload)
    .map((c) => `<script>self.__next_f.push(${scriptJson([1, c])})</script>`)
    .join("")}`;

function flightPage(listing: Listing, origin: string) {
  const pushes = flightPushes(flightPayload(listing, origin));
  return page(
    listing,
    origin,
    '<script src="/_next/static/chunks/webpack-1a2b.js" async=""></script>',
    `<section id="user-reviews"><h2>Reviews</h2></section>${similarCards()}${pushes}`,
  );
}

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

/** What a bot-protection service answers instead of the page (HTTP 403). */
export const CHALLENGE_HTML = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"/></head>
<body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">www.pipedrive.com</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:"www.pipedrive.com",cType:'managed'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1';document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>`;

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
