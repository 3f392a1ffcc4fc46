import { afterAll, describe, expect, it } from "vitest";
import { COLLECTION_SHAPES } from "@/e2e/emulator/collections";
import { startEmulator } from "@/e2e/emulator/server";
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
