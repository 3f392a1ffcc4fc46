import { describe, expect, it } from "vitest";
import { CDN, html, ID, ldJson, nextData, OTHER, PAGE, read, similarApps } from "./listing-content-fixtures";

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
