import { describe, expect, it } from "vitest";
import { CDN, html, ID, ldJson, nextData, OTHER, PAGE, read, similarApps } from "./listing-content-fixtures";

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
