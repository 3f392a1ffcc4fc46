import { readListingContent } from "./listing-content";

/** The listing's address, a similar app's, the CDN of the listing's media and its YouTube video id. */
export const PAGE = "https://www.pipedrive.com/en/marketplace/app/deal-flow/c5e7a9c1e3a5c7e9";
export const OTHER = "https://www.pipedrive.com/en/marketplace/app/insight-hub/3a5c7e9b1d3f5a7c";
export const CDN = "https://cdn.example.com/apps/c5e7a9c1e3a5c7e9";
export const ID = "Xk3nR8pQm2A";
/** A listing page of any shape: head and body parts as a test writes them. */
export const html = ({ head = "", body = "" }: { head?: string; body?: string }) =>
  `<!DOCTYPE html><html><head>${head}</head><body><div id="__next"><header><a href="/en/marketplace">Marketplace</a></header><main>${body}</main><footer><a href="https://www.youtube.com/@pipedrive">YouTube</a></footer></div></body></html>`;
export const ldJson = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
export const nextData = (data: unknown) =>
  `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`;
export const read = (page: string, url = PAGE) => readListingContent(page, { url, clientId: "c5e7a9c1e3a5c7e9" });
export const similarApps = `<section class="Similar_s__n"><h2>Similar apps</h2><a href="${OTHER}"><img src="https://cdn.example.com/apps/3a5c7e9b1d3f5a7c/icon.png" alt="">Insight Hub</a><a href="/en/marketplace/categories/marketing">Marketing</a></section>`;
