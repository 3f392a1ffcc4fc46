import { afterAll, describe, expect, it } from "vitest";
import { LISTING_SHAPES } from "@/emulator/listing-pages";
import { startEmulator } from "@/emulator/server";
import { readListingContent } from "./listing-content";

const emulator = await startEmulator();
afterAll(() => emulator.close());

const listing = {
  clientId: "rival-content-1",
  name: "DealDesk Pro",
  builtBy: "Rival Inc",
  summary: "Quotes and proposals from your deals.",
  description: "DealDesk Pro builds proposals from deals.\n\nIt syncs products both ways and tracks views.",
  screenshots: ["rival-a", "rival-b", "rival-c"],
  videoUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ",
  categories: ["Sales tools", "Documents & proposals"],
  pricingUrl: "https://dealdesk.example.com/pricing",
  reviews: [{ id: "r1", author: "Ann", stars: 4, date: "2026-11-01T10:00:00Z", text: "Good" }],
};

const page = async (shape: string, extra: object = {}) => {
  const res = await fetch(`${emulator.url}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ ...listing, ...extra, shape }),
  });
  const { url } = (await res.json()) as { url: string };
  return { url, html: await (await fetch(url)).text() };
};

describe("listing content, in every shape the emulator serves", () => {
  it.each(LISTING_SHAPES.filter((s) => s !== "challenge" && s !== "no-reviews"))(
    "%s: name, summary, description, screenshots, video, categories and pricing link",
    async (shape) => {
      const { url, html } = await page(shape);
      const content = readListingContent(html, { url, clientId: listing.clientId });
      expect(content).toEqual({
        name: "DealDesk Pro",
        summary: "Quotes and proposals from your deals.",
        description: expect.stringMatching(/^DealDesk Pro builds proposals from deals\.\s+It syncs products both ways/),
        screenshots: ["rival-a", "rival-b", "rival-c"].map((n) => `${emulator.url}/__emulator/media/${n}.png`),
        video: "https://www.youtube.com/embed/dQw4w9WgXcQ",
        categories: ["Sales tools", "Documents & proposals"],
        pricingUrl: "https://dealdesk.example.com/pricing",
      });
    },
  );

  it.each(["json-ld", "next-data", "flight", "microdata", "dom"])(
    "%s: what the listing does not have is empty, never borrowed from similar apps",
    async (shape) => {
      const { url, html } = await page(shape, {
        description: "",
        screenshots: [],
        videoUrl: null,
        categories: [],
        pricingUrl: null,
      });
      expect(readListingContent(html, { url, clientId: listing.clientId })).toEqual({
        name: "DealDesk Pro",
        summary: "Quotes and proposals from your deals.",
        description: null,
        screenshots: [],
        video: null,
        categories: [],
        pricingUrl: null,
      });
    },
  );

  it("reads schema.org shapes written by hand: ImageObjects, a video id, offers lists, relative addresses", () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      "@type": "WebApplication",
      name: "Handmade",
      description: "<p>Rich <b>text</b> description</p>",
      applicationCategory: "BusinessApplication",
      applicationSubCategory: [{ name: "Marketing" }],
      screenshot: [{ "@type": "ImageObject", contentUrl: "/img/1.png" }, { url: "https://cdn.example.com/2.jpg" }],
      video: { youtubeId: "dQw4w9WgXcQ" },
      offers: [
        { "@type": "Offer", price: "0" },
        { "@type": "Offer", url: "/pricing" },
      ],
    })}</script></head><body><main><h1>Handmade</h1></main></body></html>`;
    expect(readListingContent(html, { url: "https://www.pipedrive.com/en/marketplace/app/handmade/h1" })).toEqual({
      name: "Handmade",
      summary: null,
      description: "Rich text description",
      screenshots: ["https://www.pipedrive.com/img/1.png", "https://cdn.example.com/2.jpg"],
      video: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      categories: ["Marketing"],
      pricingUrl: "https://www.pipedrive.com/pricing",
    });
  });
});

/** A listing page of any shape: head and body parts as a test writes them. */
const PAGE = "https://www.pipedrive.com/en/marketplace/app/deal-flow/c5e7a9c1e3a5c7e9";
const OTHER = "https://www.pipedrive.com/en/marketplace/app/insight-hub/3a5c7e9b1d3f5a7c";
const CDN = "https://cdn.example.com/apps/c5e7a9c1e3a5c7e9";
const ID = "Xk3nR8pQm2A";
const html = ({ head = "", body = "" }: { head?: string; body?: string }) =>
  `<!DOCTYPE html><html><head>${head}</head><body><div id="__next"><header><a href="/en/marketplace">Marketplace</a></header><main>${body}</main><footer><a href="https://www.youtube.com/@pipedrive">YouTube</a></footer></div></body></html>`;
const ldJson = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const nextData = (data: unknown) =>
  `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`;
const read = (page: string, url = PAGE) => readListingContent(page, { url, clientId: "c5e7a9c1e3a5c7e9" });
const similarApps = `<section class="Similar_s__n"><h2>Similar apps</h2><a href="${OTHER}"><img src="https://cdn.example.com/apps/3a5c7e9b1d3f5a7c/icon.png" alt="">Insight Hub</a><a href="/en/marketplace/categories/marketing">Marketing</a></section>`;

describe("listing content: the listing's own app among other apps", () => {
  it("takes the listing's node of a JSON-LD @graph by its address, though a similar app's comes first", () => {
    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", "@id": "https://www.pipedrive.com/#org", name: "Pipedrive" },
        { "@type": "WebSite", "@id": "https://www.pipedrive.com/#website", name: "Pipedrive" },
        {
          "@type": "BreadcrumbList",
          itemListElement: [
            { "@type": "ListItem", position: 1, name: "Marketplace", item: "https://www.pipedrive.com/en/marketplace" },
          ],
        },
        {
          "@type": "SoftwareApplication",
          name: "Insight Hub",
          url: OTHER,
          description: "Board reporting.",
          screenshot: ["https://cdn.example.com/other.png"],
        },
        { "@type": "SoftwareApplication", name: "DealFlow", url: PAGE, description: "Pipeline analytics." },
      ],
    };
    const content = read(html({ head: ldJson(graph), body: `<h1>DealFlow</h1>${similarApps}` }));
    expect(content).toMatchObject({ name: "DealFlow", description: "Pipeline analytics.", screenshots: [] });
  });

  it("follows the page's mainEntity to the app, even when only a fragment names it", () => {
    const graph = {
      "@graph": [
        { "@type": "SoftwareApplication", "@id": "#together", name: "SignStack", description: "Used together." },
        { "@type": "WebPage", "@id": PAGE, url: PAGE, mainEntity: { "@id": "#app" } },
        { "@type": "SoftwareApplication", "@id": "#app", name: "DealFlow", description: "Pipeline analytics." },
      ],
    };
    expect(read(html({ head: ldJson(graph) }))).toMatchObject({ name: "DealFlow", description: "Pipeline analytics." });
  });

  it("takes an app node that nothing names only when its name is the listing's (for Pipedrive or not)", () => {
    const description = (name: string) =>
      read(
        html({
          head: ldJson({ "@type": "SoftwareApplication", name, description: "Analytics." }),
          body: "<h1>DealFlow</h1>",
        }),
      ).description;
    expect(description("Insight Hub")).toBeNull();
    expect(description("DealFlow Pro")).toBeNull();
    expect(description("DealFlow for Pipedrive")).toBe("Analytics.");
  });

  it("reads the listing's microdata item, not a similar app's marked up before it", () => {
    const body = `<aside class="similar"><div itemscope itemtype="https://schema.org/SoftwareApplication"><a itemprop="url" href="${OTHER}"><span itemprop="name">Insight Hub</span></a><img itemprop="screenshot" src="https://cdn.example.com/other.png"></div></aside>
<article itemscope itemtype="https://schema.org/SoftwareApplication"><link itemprop="url" href="${PAGE}"><h1 itemprop="name">DealFlow</h1><img itemprop="screenshot" src="${CDN}/1.png"></article>`;
    expect(read(html({ body }))).toMatchObject({ name: "DealFlow", screenshots: [`${CDN}/1.png`] });
  });
});

describe("listing content: the Marketplace API's model and other data shapes", () => {
  const app = {
    client_id: "c5e7a9c1e3a5c7e9",
    name: "DealFlow",
    tagline: "Pipeline analytics.",
    icon: { urls: { "64x64": `${CDN}/icon/64x64.png`, "256x256": `${CDN}/icon/256x256.png` } },
    category_ids: [18],
  };
  const shot = (n: number) => ({
    urls: { "640x400": `${CDN}/${n}/640x400.png`, "1280x800": `${CDN}/${n}/1280x800.png` },
  });

  it("keeps the largest size of each screenshot and names category ids through the page's category list", () => {
    const data = {
      props: {
        pageProps: {
          similarApps: [
            { client_id: "3a5c7e9b1d3f5a7c", name: "Insight Hub", screenshots: [shot(9)], category_ids: [11] },
          ],
          data: { app: { ...app, screenshots: [shot(1), shot(2)] } },
          categories: [
            { id: 11, name: "Phone" },
            { id: 18, name: "Webinars" },
          ],
        },
      },
    };
    expect(read(html({ head: nextData(data) }))).toMatchObject({
      name: "DealFlow",
      summary: "Pipeline analytics.",
      screenshots: [`${CDN}/1/1280x800.png`, `${CDN}/2/1280x800.png`],
      categories: ["Webinars"],
    });
  });

  it("finds screenshots nested under the icon, as the API's model of one app has them", () => {
    const nested = { ...app, icon: { ...app.icon, screenshots: [shot(1), shot(2), shot(3)] } };
    expect(read(html({ head: nextData({ props: { pageProps: { data: { app: nested } } } }) })).screenshots).toEqual([
      `${CDN}/1/1280x800.png`,
      `${CDN}/2/1280x800.png`,
      `${CDN}/3/1280x800.png`,
    ]);
  });

  it("splits a media list into the screenshots and the video", () => {
    const media = [
      { type: "image", url: `${CDN}/board.png` },
      { type: "video", url: `https://www.youtube.com/watch?v=${ID}` },
      { type: "image", url: `${CDN}/timeline.png` },
    ];
    const data = `<script type="application/json" id="app-data">${JSON.stringify({ app: { clientId: "c5e7a9c1e3a5c7e9", name: "DealFlow", media } })}</script>`;
    expect(read(html({ head: data }))).toMatchObject({
      screenshots: [`${CDN}/board.png`, `${CDN}/timeline.png`],
      video: `https://www.youtube.com/watch?v=${ID}`,
    });
  });

  it("resolves relative addresses against the page's final address", () => {
    const node = {
      "@type": "SoftwareApplication",
      name: "DealFlow",
      screenshot: ["media/1.png", "./media/2.png", "/media/3.png"],
    };
    const url = "https://www.pipedrive.com/en/marketplace/app/deal-flow-pro/c5e7a9c1e3a5c7e9";
    expect(read(html({ head: ldJson(node), body: "<h1>DealFlow</h1>" }), url).screenshots).toEqual([
      "https://www.pipedrive.com/en/marketplace/app/deal-flow-pro/media/1.png",
      "https://www.pipedrive.com/en/marketplace/app/deal-flow-pro/media/2.png",
      "https://www.pipedrive.com/media/3.png",
    ]);
  });
});

describe("listing content: what a visitor sees", () => {
  const image = (url: string, w = 640) => `/_next/image?url=${encodeURIComponent(url)}&w=${w}&q=75`;
  const slide = (n: number, extra = "") =>
    `<li class="embla__slide${extra}"><img width="1280" height="800" srcset="${image(`${CDN}/${n}.png`)} 640w, ${image(`${CDN}/${n}.png`, 1920)} 1920w" src="${image(`${CDN}/${n}.png`, 1920)}"></li>`;

  it("counts a next/image carousel once per picture, at the original addresses, without clones, icon or thumbnail", () => {
    const body = `<section class="title"><img src="${image(`${CDN}/icon/256x256.png`, 256)}" alt=""><h1>DealFlow</h1></section>
<section aria-roledescription="carousel"><ul>${slide(3, " embla__slide--clone")}${slide(1)}${slide(2)}
<li class="embla__slide"><img src="${image(`${CDN}/3.png`, 1920)}"></li>${slide(1, " embla__slide--clone")}</ul>
<a href="https://youtu.be/${ID}"><img src="https://i.ytimg.com/vi/${ID}/hqdefault.jpg" alt=""></a></section>${similarApps}`;
    const content = read(html({ head: `<meta property="og:image" content="${CDN}/social-card.png">`, body }));
    expect(content.screenshots).toEqual([`${CDN}/1.png`, `${CDN}/2.png`, `${CDN}/3.png`]);
    expect(content.video).toBe(`https://www.youtube.com/watch?v=${ID}`);
  });

  it("finds a gallery by its pictures, whatever it is called, without the icon or other apps' icons", () => {
    const body = `<div class="Head_head__c"><img src="${CDN}/logo.png" width="80" height="80" alt="DealFlow"><h1>DealFlow</h1></div>
<div class="Media_strip__x"><img src="${CDN}/shots/a.png" alt="Rules"><img src="${CDN}/shots/b.png" alt="Log"></div>${similarApps}`;
    expect(read(html({ body })).screenshots).toEqual([`${CDN}/shots/a.png`, `${CDN}/shots/b.png`]);
  });

  it("counts a viewer with a strip of thumbnails once per picture", () => {
    const body = `<h1>DealFlow</h1><div class="gallery"><div class="gallery__viewer"><img src="${CDN}/1-large.png"></div>
<div class="gallery__thumbs"><img src="${CDN}/1-small.png"><img src="${CDN}/2-small.png"><img src="${CDN}/3-small.png"></div></div>`;
    expect(read(html({ body })).screenshots).toHaveLength(3);
  });

  it.each([
    [
      "a lite-youtube element",
      `<lite-youtube videoid="${ID}"></lite-youtube>`,
      `https://www.youtube.com/watch?v=${ID}`,
    ],
    [
      "a data-youtube-id",
      `<div class="player" data-youtube-id="${ID}"></div>`,
      `https://www.youtube.com/watch?v=${ID}`,
    ],
    [
      "a lazy iframe",
      `<iframe src="about:blank" data-src="https://www.youtube-nocookie.com/embed/${ID}?rel=0"></iframe>`,
      `https://www.youtube.com/embed/${ID}`,
    ],
    [
      "a thumbnail link to youtu.be",
      `<a href="https://youtu.be/${ID}"><img src="https://i.ytimg.com/vi/${ID}/hqdefault.jpg"></a>`,
      `https://www.youtube.com/watch?v=${ID}`,
    ],
    [
      "og:video",
      `<meta property="og:video" content="https://www.youtube.com/embed/${ID}">`,
      `https://www.youtube.com/embed/${ID}`,
    ],
    [
      "twitter:player",
      `<meta name="twitter:player" content="https://www.youtube.com/embed/${ID}?autoplay=1">`,
      `https://www.youtube.com/embed/${ID}`,
    ],
    [
      "JSON videoUrl",
      nextData({
        app: { clientId: "c5e7a9c1e3a5c7e9", name: "DealFlow", tagline: "x", videoUrl: `https://youtu.be/${ID}` },
      }),
      `https://www.youtube.com/watch?v=${ID}`,
    ],
    [
      "JSON video.embedUrl",
      ldJson({
        "@type": "SoftwareApplication",
        url: PAGE,
        video: { "@type": "VideoObject", embedUrl: `https://www.youtube.com/embed/${ID}?autoplay=1` },
      }),
      `https://www.youtube.com/embed/${ID}`,
    ],
    [
      "JSON {provider, id}",
      nextData({
        app: { clientId: "c5e7a9c1e3a5c7e9", name: "DealFlow", tagline: "x", video: { provider: "youtube", id: ID } },
      }),
      `https://www.youtube.com/watch?v=${ID}`,
    ],
  ])("reads the YouTube video from %s", (_, markup, video) => {
    const inHead = markup.startsWith("<meta") || markup.startsWith("<script");
    expect(read(html({ head: inHead ? markup : "", body: `<h1>DealFlow</h1>${inHead ? "" : markup}` })).video).toBe(
      video,
    );
  });

  it("takes no video that is not the listing's: Vimeo, a reviewer's link, a similar app's", () => {
    const body = `<h1>DealFlow</h1><iframe src="https://player.vimeo.com/video/123"></iframe>
<section id="user-reviews"><h2>Reviews</h2><article><p>See <a href="https://www.youtube.com/watch?v=${ID}">my video</a></p></article></section>
<section class="related"><h2>Related apps</h2><a href="${OTHER}"><img src="https://i.ytimg.com/vi/${ID}/hqdefault.jpg"></a></section>`;
    expect(read(html({ body })).video).toBeNull();
  });

  it("names the categories shown for the app: not the breadcrumb's, not other apps'", () => {
    const body = `<nav aria-label="Breadcrumb"><a href="/en/marketplace">Marketplace</a> › <a href="/en/marketplace/categories/quotes">Quotes</a></nav>
<h1>DealFlow</h1><section class="about"><h2>About</h2><p>Pipeline analytics.</p><h3>Categories</h3><ul><li><a href="/en/marketplace/categories/quotes">Quotes</a></li><li><a href="/en/marketplace/categories/documents">Documents</a></li></ul></section>${similarApps}`;
    expect(read(html({ body }))).toMatchObject({
      categories: ["Quotes", "Documents"],
      description: "Pipeline analytics.",
    });
  });

  it("leaves a menu of categories above the app's name aside", () => {
    const menu = ["sales", "marketing", "documents"].map((c) => `<a href="/en/marketplace/categories/${c}">${c}</a>`);
    const body = `<div class="menu">${menu.join("")}</div><h1>DealFlow</h1><p>In <a href="/en/marketplace/categories/reporting">Reporting</a></p>`;
    expect(read(html({ body })).categories).toEqual(["Reporting"]);
  });

  it("names categories shown as chips in a block classed as categories", () => {
    const body = `<h1>DealFlow</h1><div class="AppMeta_categories__x"><span>Reporting</span><span>Forecasting</span></div>`;
    expect(read(html({ body })).categories).toEqual(["Reporting", "Forecasting"]);
  });

  it("names categories shown as labelled chips without links", () => {
    const body = `<h1>DealFlow</h1><dl><dt>Kategorien</dt><dd><span class="chip">Angebote</span><span class="chip">Dokumente</span></dd><dt>Sprachen</dt><dd>Deutsch</dd></dl>`;
    expect(read(html({ body })).categories).toEqual(["Angebote", "Dokumente"]);
  });

  it("falls back on the breadcrumb trail's category, never its root", () => {
    const trail = {
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Marketplace", item: "https://www.pipedrive.com/en/marketplace" },
        {
          "@type": "ListItem",
          position: 2,
          name: "Reporting",
          item: "https://www.pipedrive.com/en/marketplace/categories/reporting",
        },
        { "@type": "ListItem", position: 3, name: "DealFlow" },
      ],
    };
    expect(read(html({ head: ldJson(trail), body: "<h1>DealFlow</h1>" })).categories).toEqual(["Reporting"]);
  });

  it("takes the summary from the tagline, else og:description, else the meta description", () => {
    const head = `<meta name="description" content="Apps for Pipedrive."><meta property="og:description" content="Pipeline analytics from your deals.">`;
    expect(read(html({ head, body: "<h1>DealFlow</h1>" })).summary).toBe("Pipeline analytics from your deals.");
    const tagline = `<div class="hero"><h1>DealFlow</h1><p class="hero__by">by Flowmetric</p><p class="hero__tagline">Forecasts built on your deals.</p></div>`;
    expect(read(html({ head, body: tagline })).summary).toBe("Forecasts built on your deals.");
  });

  it("takes the description the page shows over one that only repeats the summary", () => {
    const node = { "@type": "SoftwareApplication", url: PAGE, name: "DealFlow", description: "Pipeline analytics." };
    const head = `${ldJson(node)}<meta property="og:description" content="Pipeline analytics.">`;
    const body = `<h1>DealFlow</h1><section><h2>About</h2><p>DealFlow builds forecasts from your deals.</p></section>`;
    expect(read(html({ head, body }))).toMatchObject({
      summary: "Pipeline analytics.",
      description: "DealFlow builds forecasts from your deals.",
    });
  });

  it("names the app by its heading, without a badge, past a heading that is only the site's name", () => {
    const body = `<h1 class="sr-only">Pipedrive Marketplace</h1><div><h1>DealFlow <span class="Badge_root__x">Verified</span></h1></div>`;
    expect(read(html({ head: "<title>DealFlow | Pipedrive Marketplace</title>", body })).name).toBe("DealFlow");
  });

  it("names the app from its title where the page has no heading", () => {
    const head = `<title>DealFlow | Pipedrive Marketplace</title><meta property="og:title" content="DealFlow – Analytics for Pipedrive | Pipedrive Marketplace">`;
    const body = `<div class="flex"><div class="text-3xl font-bold">DealFlow</div><div class="text-sm">Flowmetric Ltd</div></div>`;
    expect(read(html({ head, body })).name).toBe("DealFlow");
  });
});
