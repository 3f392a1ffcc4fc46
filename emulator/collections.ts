import type { ServerResponse } from "node:http";
import { z } from "zod";
import { sendHtml } from "./http";
import { CHALLENGE_HTML, escapeHtml, flightPushes, scriptJson } from "./html";
import { pipedriveSlug, type ListingStore } from "./listings";

/**
 * The Marketplace's collection pages ("Top rated", "Trending", "App extensions"…) and category
 * pages, at `/<lang>/marketplace/collections/<key>` and `/<lang>/marketplace/categories/<key>`, paged
 * with `?page=<n>`. Their markup is as undocumented as a listing's, so each list comes in one of the
 * listing pages' shapes (JSON-LD, Pages Router data, flight data, microdata, only the visible page, or
 * a bot check), with the noise of a real page: a featured app outside the list, navigation and footer
 * links to other listings.
 */
export const COLLECTION_SHAPES = ["json-ld", "next-data", "flight", "microdata", "dom", "challenge"] as const;

export const collectionSchema = z.object({
  kind: z.enum(["collection", "category"]),
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shape: z.enum(COLLECTION_SHAPES).default("json-ld"),
  pageSize: z.number().int().min(1).max(100).default(10),
  /** In order: rank 1 first. An app without a listing page here gets a name from its client id. */
  apps: z.array(z.object({ clientId: z.string().min(1), name: z.string().min(1).optional() })).max(1000),
});
export type Collection = z.output<typeof collectionSchema>;
export type CollectionInput = z.input<typeof collectionSchema>;

export class CollectionStore {
  readonly lists = new Map<string, Collection>();
  put(input: CollectionInput) {
    const list = collectionSchema.parse(input);
    this.lists.set(`${list.kind}/${list.key}`, list);
    return list;
  }
}

type Entry = { rank: number; clientId: string; name: string; slug: string; rating: number | null };
type Page = { list: Collection; entries: Entry[]; page: number; pages: number; url: string; next: string | null };

const FEATURED = { clientId: "f00dfeed00000001", name: "Featured Partner App", slug: "featured-partner-app" };

function pageOf(list: Collection, listings: ListingStore, page: number, origin: string): Page | null {
  const pages = Math.max(1, Math.ceil(list.apps.length / list.pageSize));
  if (page > pages) return null;
  const base = `${origin}/en/marketplace/${list.kind === "collection" ? "collections" : "categories"}/${list.key}`;
  const entries = list.apps.slice((page - 1) * list.pageSize, page * list.pageSize).map((a, i) => {
    const listing = listings.listings.get(a.clientId);
    const name = a.name ?? listing?.name ?? `App ${a.clientId}`;
    const rating = listing?.rating ?? null;
    return {
      rank: (page - 1) * list.pageSize + i + 1,
      clientId: a.clientId,
      name,
      slug: listing?.slug ?? pipedriveSlug(name),
      rating,
    };
  });
  const url = page === 1 ? base : `${base}?page=${page}`;
  return { list, entries, page, pages, url, next: page < pages ? `${base}?page=${page + 1}` : null };
}

const appPath = (e: { slug: string; clientId: string }) => `/en/marketplace/app/${e.slug}/${e.clientId}`;

function shell(p: Page, head: string, body: string) {
  const next = p.next ? `<link rel="next" href="${escapeHtml(p.next)}"/>` : "";
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>${escapeHtml(p.list.name)} | Pipedrive Marketplace</title>
<link rel="canonical" href="${escapeHtml(p.url)}"/>${next}${head}</head>
<body><div id="__next"><nav class="Header_nav__k2Lp0"><a href="/en/marketplace">Marketplace</a> <a href="${appPath(FEATURED)}">${FEATURED.name}</a></nav>
<aside class="Featured_root__q1"><a href="${appPath(FEATURED)}">Featured: ${FEATURED.name}</a></aside>
<main class="Collection_main__w2"><h1>${escapeHtml(p.list.name)}</h1>${body}</main>
<footer class="Footer_root__a0Lw3"><a href="/en/marketplace/app/deal-radar/0a1b2c3d4e5f6071">Deal Radar</a> © 2026 Pipedrive</footer></div></body></html>`;
}

/** The model a Next.js page would carry: the list, its size and paging, and a featured row apart. */
const model = (p: Page) => ({
  collection: {
    title: p.list.name,
    apps: p.entries.map((e) => ({
      id: `app-${e.clientId}`,
      clientId: e.clientId,
      name: e.name,
      slug: e.slug,
      ratingSummary: { avg: e.rating },
    })),
    pageInfo: { page: p.page, totalCount: p.list.apps.length, hasNextPage: p.next !== null, nextPage: p.next },
  },
  featured: [{ id: "featured", clientId: FEATURED.clientId, name: FEATURED.name, slug: FEATURED.slug }],
});

function visibleCards(p: Page, withLinks = true) {
  const from = (p.page - 1) * p.list.pageSize + 1;
  const to = from + p.entries.length - 1;
  const cards = p.entries
    .map(
      (e) =>
        `<a class="AppCard_root__p1Ow2" href="${withLinks ? appPath(e) : "#"}"><h3 class="AppCard_name__x">${escapeHtml(e.name)}</h3>${e.rating ? `<span>${e.rating}</span>` : ""}</a>`,
    )
    .join("");
  const pager = p.next ? `<a rel="next" href="${escapeHtml(p.next)}">Next page</a>` : "";
  return `<p>Showing ${from}–${to} of ${p.list.apps.length} apps</p><div class="Grid_root__z">${cards}</div>${pager}`;
}

export function collectionHtml(p: Page): string {
  switch (p.list.shape) {
    case "json-ld": {
      const data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        name: p.list.name,
        numberOfItems: p.list.apps.length,
        itemListElement: p.entries.map((e) => ({
          "@type": "ListItem",
          position: e.rank,
          url: appPath(e),
          name: e.name,
        })),
      };
      return shell(p, `<script type="application/ld+json">${scriptJson(data)}</script>`, visibleCards(p, false));
    }
    case "next-data": {
      const data = {
        props: { pageProps: model(p) },
        page: "/marketplace/collections/[key]",
        query: { key: p.list.key },
      };
      return shell(
        p,
        "",
        `<div class="Grid_root__z"></div><script id="__NEXT_DATA__" type="application/json">${scriptJson(data)}</script>`,
      );
    }
    case "flight": {
      const rows = [
        `1:I["(app-pages-browser)/./src/components/Collection.tsx",["app/[lang]/marketplace/collections/[key]/page"],"Collection"]`,
        `4:${JSON.stringify(model(p).collection.apps)}`,
        `0:["$","$L1",null,{"collection":${JSON.stringify({ ...model(p).collection, apps: "$4" })},"featured":${JSON.stringify(model(p).featured)}}]`,
      ];
      return shell(p, "", `<div class="Grid_root__z"></div>${flightPushes(rows.map((r) => `${r}\n`).join(""))}`);
    }
    case "microdata": {
      const items = p.entries
        .map(
          (
            e,
          ) => `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><meta itemprop="position" content="${e.rank}"/>
<a itemprop="url" href="${appPath(e)}"><span itemprop="name">${escapeHtml(e.name)}</span></a></li>`,
        )
        .join("");
      return shell(
        p,
        "",
        `<ol itemscope itemtype="https://schema.org/ItemList"><meta itemprop="numberOfItems" content="${p.list.apps.length}"/>${items}</ol>`,
      );
    }
    case "dom":
    case "challenge":
      return shell(p, "", visibleCards(p));
  }
}

/** GET /<lang>/marketplace/(collections|categories)/<key>[?page=n]. */
export function collectionPage(
  collections: CollectionStore,
  listings: ListingStore,
  res: ServerResponse,
  kind: "collection" | "category",
  key: string,
  page: number,
  origin: string,
) {
  const list = collections.lists.get(`${kind}/${key}`);
  const found = list && Number.isInteger(page) && page >= 1 ? pageOf(list, listings, page, origin) : null;
  if (list?.shape === "challenge") return sendHtml(res, 403, CHALLENGE_HTML);
  if (!found)
    return sendHtml(
      res,
      404,
      "<!doctype html><html><head><title>Page not found | Pipedrive</title></head><body><h1>This page could not be found</h1></body></html>",
    );
  sendHtml(res, 200, collectionHtml(found));
}
