import { afterAll, describe, expect, it } from "vitest";
import { COLLECTION_SHAPES } from "@/emulator/collections";
import { startEmulator } from "@/emulator/server";
import { CollectionParseError, parseCollectionPage, readCollection } from "./collection-page";

const emulator = await startEmulator();
afterAll(() => emulator.close());

const apps = Array.from({ length: 23 }, (_, i) => ({
  clientId: `c${String(i + 1).padStart(7, "0")}`,
  name: `App Number ${i + 1}`,
}));
const get = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
};
const put = async (body: object) => {
  const res = await fetch(`${emulator.url}/__emulator/collections`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
};

describe("collection and category pages, in every shape the emulator serves", () => {
  it.each(COLLECTION_SHAPES.filter((s) => s !== "challenge"))(
    "%s: every app at its rank across pages, the list's size, not the featured app",
    async (shape) => {
      const url = await put({
        kind: "category",
        key: `sales-${shape}`,
        name: "Sales tools",
        shape,
        pageSize: 10,
        apps,
      });
      const read = await readCollection(url, get);
      expect(read.pagesRead).toBe(3);
      expect(read.size).toBe(23);
      expect(read.ranks.map((r) => [r.clientId, r.rank])).toEqual(apps.map((a, i) => [a.clientId, i + 1]));
      expect(read.ranks.some((r) => r.clientId === "f00dfeed00000001")).toBe(false);
      expect(read.source).toBe(shape);
    },
  );

  it("a bot check is an error that says so, never an empty list", async () => {
    const url = await put({ kind: "collection", key: "top-rated", name: "Top rated", shape: "challenge", apps });
    const html = await (await fetch(url)).text();
    expect(() => parseCollectionPage(html, url)).toThrow(CollectionParseError);
    expect(() => parseCollectionPage(html, url)).toThrow(/bot|check|challenge/i);
  });

  it("an empty category is an empty list; a page that lists nothing readable is an error", async () => {
    const url = await put({ kind: "category", key: "empty", name: "Empty", shape: "dom", apps: [] });
    expect(await readCollection(url, get)).toMatchObject({ ranks: [], size: 0 });
    const garbage = "<!doctype html><html><body><main><h1>Something went wrong</h1></main></body></html>";
    expect(() => parseCollectionPage(garbage, url)).toThrow(/lists no Marketplace apps/);
  });

  it("stops at the page limit and says so", async () => {
    const url = await put({ kind: "collection", key: "long", name: "Trending", shape: "next-data", pageSize: 5, apps });
    const read = await readCollection(url, get, { maxPages: 2 });
    expect(read.ranks).toHaveLength(10);
    expect(read.size).toBe(23);
    expect(read.notes).toContain("Read the first 2 pages only");
    expect(read.complete).toBe(false);
    expect((await readCollection(url, get)).complete).toBe(true);
  });

  it("the page's own positions win over the order of the markup", () => {
    const html = `<script type="application/ld+json">${JSON.stringify({
      "@type": "ItemList",
      itemListElement: [
        { "@type": "ListItem", position: 12, url: "https://www.pipedrive.com/en/marketplace/app/b-app/clientbbb1" },
        {
          "@type": "ListItem",
          position: 11,
          item: { "@id": "https://www.pipedrive.com/en/marketplace/app/a-app/clientaaa1", name: "A" },
        },
      ],
    })}</script>`;
    const page = parseCollectionPage(html, "https://www.pipedrive.com/en/marketplace/collections/x?page=2");
    expect(page.entries.map((e) => [e.clientId, e.position])).toEqual([
      ["clientbbb1", 12],
      ["clientaaa1", 11],
    ]);
  });

  it("never follows a next link to another site: the list is then incomplete, and says why", async () => {
    const fetched: string[] = [];
    const page = `<link rel="next" href="https://elsewhere.example/list?page=2"/><main><a href="/en/marketplace/app/a/client-a1">A</a></main>`;
    const read = await readCollection("https://www.pipedrive.com/en/marketplace/collections/x", async (url) => {
      fetched.push(url);
      return page;
    });
    expect(fetched).toEqual(["https://www.pipedrive.com/en/marketplace/collections/x"]);
    expect(read).toMatchObject({ complete: false, ranks: [{ clientId: "client-a1", rank: 1 }] });
    expect(read.notes).toContain("The next page is on another site (elsewhere.example); it was not read");
  });
});

/** Pages written the way the Marketplace might write them: only their structure tells the list apart. */
const PD = "https://www.pipedrive.com";
const idOf = (group: string, n: number) => `${group}${String(n).padStart(15, "0")}`;
const idsOf = (group: string, count: number) => Array.from({ length: count }, (_, i) => idOf(group, i + 1));
const appLink = (id: string, lang = "en") => `/${lang}/marketplace/app/app-${id.slice(-3)}/${id}`;
const card = (id: string, lang = "en") =>
  `<li><a href="${appLink(id, lang)}"><img alt=""><h3>App ${id.slice(-3)}</h3></a>` +
  `<p>Connects 5000 apps</p><span>★ 4.5 (120)</span></li>`;
const grid = (ids: string[], lang = "en") => `<ul>${ids.map((id) => card(id, lang)).join("")}</ul>`;
const doc = (main: string, { title = "Sales apps | Pipedrive Marketplace", head = "", after = "", lang = "en" } = {}) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title>${head}</head><body>` +
  `<header><nav><a href="/${lang}/marketplace">Marketplace</a></nav></header><main>${main}</main>` +
  `<footer><a href="${appLink(idOf("f", 1), lang)}">Partner app</a></footer>${after}</body></html>`;
const nextData = (pageProps: object) =>
  `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps } })}</script>`;
const flight = (row: object) => {
  const rows = `5:${JSON.stringify(row)}\n0:["$","$L1",null,{"result":"$5"}]\n`;
  return `<script>self.__next_f.push(${JSON.stringify([1, rows])})</script>`;
};
const apiApps = (ids: string[]) => ids.map((id) => ({ client_id: id, app_path: `app-${id.slice(-3)}`, name: id }));
const read = (html: string, url = `${PD}/en/marketplace/categories/sales`) => parseCollectionPage(html, url);
const idsRead = (html: string, url?: string) => read(html, url).entries.map((e) => e.clientId);
const positions = (html: string, url?: string) => read(html, url).entries.map((e) => e.position);
const kindOf = (html: string) => {
  try {
    read(html);
    return "read";
  } catch (e) {
    return (e as CollectionParseError).kind;
  }
};

const list = idsOf("a", 12);
const popular = idsOf("b", 6);

describe("the page's list, told from the apps beside it by structure", () => {
  it("a featured hero and a 'Popular in …' row are not the list, above or below it", () => {
    const hero = `<section><span>Featured this month</span><a href="${appLink(list[2]!)}"><h2>Hero</h2></a></section>`;
    const row = `<section><h2>Popular in Sales</h2>${grid(popular.slice(0, 4))}</section>`;
    expect(idsRead(doc(`<h1>Sales</h1>${row}${hero}${grid(list)}`))).toEqual(list);
    expect(idsRead(doc(`<h1>Sales</h1>${hero}${grid(list)}${row}`))).toEqual(list);
  });

  it("the list the page ties to its count or pager wins over a longer row", () => {
    const three = list.slice(0, 3);
    const rowFirst =
      `<section><h2>Popular</h2>${grid(popular)}</section>` +
      `<section><h2>All apps</h2><p>3 apps</p>${grid(three)}</section>`;
    expect(idsRead(doc(rowFirst))).toEqual(three);
    const pager = `<nav><a href="/en/marketplace/categories/sales?page=2">2</a></nav>`;
    expect(idsRead(doc(`<section>${grid(popular)}</section><section>${grid(three)}${pager}</section>`))).toEqual(three);
  });

  it("in page data, the list beside its total or paging wins over a longer row", () => {
    const data = {
      popular: apiApps(popular),
      apps: { content: apiApps(list.slice(0, 3)), totalElements: 3, number: 0, size: 12 },
    };
    const page = read(doc("", { after: nextData(data) }));
    expect(page).toMatchObject({ source: "next-data", total: 3 });
    expect(page.entries.map((e) => e.clientId)).toEqual(list.slice(0, 3));
  });

  it("a grid drawn as rows is one list; cards may have their own header; older listing addresses count", () => {
    const rows = [0, 4, 8].map(
      (k) =>
        `<div>${list
          .slice(k, k + 4)
          .map((id) => `<div><a href="${appLink(id)}">A</a></div>`)
          .join("")}</div>`,
    );
    const row = `<section><h2>Popular</h2><div>${popular
      .slice(0, 5)
      .map((id) => `<div><a href="${appLink(id)}">P</a></div>`)
      .join("")}</div></section>`;
    expect(idsRead(doc(`<div>${rows.join("")}</div>${row}`))).toEqual(list);
    const articles = list.map((id) => `<article><header><h3><a href="${appLink(id)}">A</a></h3></header></article>`);
    expect(idsRead(doc(`<div>${articles.join("")}</div>`))).toEqual(list);
    const old = list.map((id) => `<li><a href="https://marketplace.pipedrive.com/app/a-b/${id}">A</a></li>`);
    expect(idsRead(doc(`<ul>${old.join("")}</ul>`))).toEqual(list);
  });

  it("numbers that repeat or pass the list's end are not ranks", () => {
    const data = { apps: list.map((id) => ({ clientId: id, name: "A", rank: 5 })) };
    expect(positions(doc("", { after: nextData(data) }))).toEqual(list.map((_, i) => i + 1));
  });
});

describe("the list's size, as the page states it", () => {
  it("in words, however the markup splits them, in the page's language", () => {
    const said: [string, number][] = [
      ["<p><span>57</span><span>apps</span></p>", 57],
      ["<p>Lead generation · 45&nbsp;Apps</p>", 45],
      ["<p>Showing 1–12 of 40 apps</p>", 40],
      ["<p>Zeige 12 von 40</p>", 40],
      ["<p>57 applications</p>", 57],
      ["<p>57 aplicaciones</p>", 57],
      ["<h1>Sales and CRM <small>(57)</small></h1>", 57],
    ];
    for (const [words, total] of said) expect(read(doc(`${words}${grid(list)}`)).total, words).toBe(total);
  });

  it("not from another list's link, marketing copy or a count smaller than the list", () => {
    const seeAll = `<a href="/en/marketplace/categories/popular">See all 23 apps</a>`;
    const row = `<section><h2>Popular</h2>${seeAll}${grid(popular)}</section>`;
    expect(read(doc(`<h1>Top 10 apps of the year</h1>${grid(list)}${row}`)).total).toBeNull();
  });

  it("in any JSON the page carries: flight rows, state scripts, paging objects", () => {
    expect(
      read(doc(grid(list), { after: flight({ page: 0, size: 12, totalElements: 31, apps: apiApps(list) }) })).total,
    ).toBe(31);
    const state = { request: { page: 0, limit: 12 }, data: { apps: apiApps(list), totalElements: 40 } };
    const script = `<script type="application/json" id="state">${JSON.stringify(state)}</script>`;
    expect(read(doc(grid(list), { head: script }))).toMatchObject({ source: "json", total: 40 });
    const paged = { apps: apiApps(list), pagination: { total_count: 44, per_page: 12 } };
    expect(read(doc("", { after: nextData(paged) })).total).toBe(44);
  });
});

describe("positions across pages", () => {
  const trending = `${PD}/en/marketplace/collections/trending`;

  it("page 2 of a paged list starts at 13, however the page says where it is", () => {
    const from13 = list.map((_, i) => i + 13);
    expect(positions(doc(grid(list)), `${trending}?page=2`)).toEqual(from13);
    const data = flight({ page: 1, size: 12, totalElements: 31, apps: apiApps(list) });
    expect(positions(doc(grid(list), { after: data }), trending)).toEqual(from13);
    const itemList = {
      "@type": "ItemList",
      itemListElement: list.map((id, i) => ({ "@type": "ListItem", position: i + 1, url: `${PD}${appLink(id)}` })),
    };
    const ld = `<script type="application/ld+json">${JSON.stringify(itemList)}</script>`;
    expect(positions(doc(grid(list), { head: ld }), `${trending}?page=2`)).toEqual(from13);
    const badges = list.map((id, i) => `<li><span>#${i + 13}</span><a href="${appLink(id)}">A</a></li>`);
    expect(positions(doc(`<ul>${badges.join("")}</ul>`), trending)).toEqual(from13);
    expect(positions(doc(grid(list).replace("<ul>", '<ol start="13">').replace("</ul>", "</ol>")), trending)).toEqual(
      from13,
    );
    expect(positions(doc(`<p>Showing 13–24 of 40 apps</p>${grid(list)}`), trending)).toEqual(from13);
  });

  it("readCollection ranks from where the first page stands, complete only when the stated size is read", async () => {
    const page2 = await readCollection(`${trending}?page=2`, async () => doc(grid(list)));
    expect(page2.ranks.map((r) => r.rank)).toEqual(list.map((_, i) => i + 13));
    const infinite = await readCollection(trending, async () =>
      doc(`<p>40 apps</p>${grid(list)}<button>Load more</button>`),
    );
    expect(infinite).toMatchObject({ pagesRead: 1, size: 40, complete: false });
    expect(infinite.notes).toContain("The pages show 12 of the list's 40 apps and link no further page");
  });

  it("an infinite-scroll page: the next page from the page parameter its data states, else none", () => {
    const state = { request: { page: 0, limit: 12 }, data: { apps: apiApps(list), totalElements: 40 } };
    const script = `<script type="application/json">${JSON.stringify(state)}</script>`;
    expect(read(doc(grid(list), { head: script }), trending).next).toBe(`${trending}?page=2`);
    const button = `<button type="button" data-next-page="1">Load more</button>`;
    expect(read(doc(`<p>40 apps</p>${grid(list)}${button}`), trending).next).toBe(`${trending}?page=2`);
    expect(read(doc(`<p>40 apps</p>${grid(list)}<button>Load more</button>`), trending).next).toBeNull();
  });

  it("stops when a next page repeats the apps already read", async () => {
    const state = { request: { page: 0, limit: 12 }, data: { apps: apiApps(list), totalElements: 40 } };
    const html = doc(grid(list), { head: `<script type="application/json">${JSON.stringify(state)}</script>` });
    const read2 = await readCollection(trending, async () => html);
    expect(read2).toMatchObject({ pagesRead: 2, complete: false });
    expect(read2.ranks).toHaveLength(12);
    expect(read2.notes).toContain("Page 2 listed only apps already read; reading stopped there");
  });
});

describe("pages that are not a list", () => {
  it("a 'page not found' showing popular apps is not a list, in any language or form", () => {
    const apps = grid(popular);
    expect(kindOf(doc(`<h1>This page doesn't exist</h1>${apps}`, { title: "Page not found | Pipedrive" }))).toBe(
      "not-a-list",
    );
    expect(kindOf(doc(`<h1>Seite nicht gefunden</h1>${apps}`, { title: "Pipedrive", lang: "de" }))).toBe("not-a-list");
    expect(kindOf(doc(`<h1>404</h1>${apps}`, { title: "Pipedrive Marketplace" }))).toBe("not-a-list");
    const data404 = { props: { pageProps: { statusCode: 404, popularApps: apiApps(popular) } }, page: "/404" };
    const next404 = `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data404)}</script>`;
    expect(kindOf(doc(`<h1>Oops</h1>${apps}`, { title: "Pipedrive", after: next404 }))).toBe("not-a-list");
  });

  it("an empty category that shows popular apps is an empty list", () => {
    const row = `<section><h2>Popular apps</h2>${grid(popular)}</section>`;
    expect(read(doc(`<h1>Webinars</h1><p>No apps in this category yet.</p>${row}`))).toMatchObject({
      entries: [],
      total: 0,
    });
    const data = nextData({ apps: { content: [], totalElements: 0 }, popular: apiApps(popular) });
    expect(read(doc(row, { after: data }))).toMatchObject({ entries: [], total: 0 });
  });

  it("a German category page carrying Cloudflare's script is read, its hero apart; a challenge is not", () => {
    const ids = list.slice(0, 8);
    const cf = `<script>s.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';</script>`;
    const hero = `<div><span>Empfohlen</span><a href="${appLink(ids[1]!, "de")}">CallNest</a></div>`;
    const page = read(doc(`<h1>Telefonie</h1>${hero}<p>8 Apps</p>${grid(ids, "de")}`, { lang: "de", after: cf }));
    expect(page).toMatchObject({ total: 8 });
    expect(page.entries.map((e) => e.clientId)).toEqual(ids);
    expect(kindOf(`<html><head><title>Just a moment...</title></head><body>${cf}</body></html>`)).toBe("challenge");
  });
});
