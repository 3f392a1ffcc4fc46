import { classOf, type CollectionCase, PD } from "./case-builders";

const collection = (file: string, path: string, expect: CollectionCase["expect"]): CollectionCase => ({
  file,
  class: classOf(file),
  url: `${PD}${path}`,
  expect,
});

export const COLLECTION_CASES: CollectionCase[] = [
  // A featured hero app (also the grid's #3) above the grid, a "Popular in Sales" row below it; no total shown.
  collection("collection-featured-1.html", "/en/marketplace/collections/top-rated", {
    clientIds: [
      "1e0f7a3b9c2d4e55",
      "8a7b6c5d4e3f2019",
      "c5e7a9c1e3a5c7e9",
      "e5a7c9e1a3c5e7a9",
      "0e1d2c3b4a596877",
      "2d4f6a8c0e1b3d5f",
      "3f9a1c0b7d2e4a61",
      "0f1e2d3c4b5a6978",
      "3a5c7e9b1d3f5a7c",
      "6a1f3e5c7b9d0e24",
      "1a2b3c4d5e6f7081",
      "7e9a1c3e5a7c9e1a",
    ],
    firstPosition: 1,
    total: null,
  }),
  // "Popular in Marketing" row ABOVE the grid and "Recently added" below; __NEXT_DATA__ lists popular first, then apps { content, totalElements: 9 }.
  collection("collection-featured-2.html", "/en/marketplace/categories/marketing", {
    clientIds: [
      "c19a05a63722c13f",
      "494c91573fdb3567",
      "a2bdf5155d68f484",
      "c4d2e0f8a6b41937",
      "b46dde18e0de457c",
      "4e6d9614725399dd",
      "e5a7c9e1a3c5e7a9",
      "3f3cf9d08bdb8340",
      "57bf2112211b6da0",
    ],
    firstPosition: 1,
    total: 9,
  }),
  // App Router flight: { page: 0, size: 12, totalElements: 31, apps }; a "Rising fast" spotlight app that is not in the list.
  collection("collection-total-json-1.html", "/en/marketplace/collections/trending", {
    clientIds: [
      "f8b0d2f4b6d8f0a2",
      "1c3e5a7c9e1a3c5f",
      "6c8e0a2c4e6a8c0f",
      "2e4a6c8e0a2c4e6b",
      "7d9f1b3d5f7b9d1a",
      "881037bd9b90af70",
      "1484afa039d12956",
      "4a6c8e0a2c4e6a8d",
      "d09fa764f6926527",
      "e7a9c1e3a5c7e9b1",
      "a1c3e5a7c9e1a3c5",
      "d1bfd2724b830b69",
    ],
    firstPosition: 1,
    total: 31,
  }),
  // Only visible text: <span>57</span><span>apps</span>.
  collection("collection-total-text-1.html", "/en/marketplace/categories/sales-and-crm", {
    clientIds: [
      "1e0f7a3b9c2d4e55",
      "c4d2e0f8a6b41937",
      "3f9a1c0b7d2e4a61",
      "7c21d0e9a4b35f88",
      "1b3d5f7a9c0e2d4f",
      "c5e7a9c1e3a5c7e9",
      "1ef895df215a4a9a",
      "8a0c2e4a6c8e0a2d",
      "86a8505a32aa0a6b",
      "2d4f6a8c0e1b3d5e",
      "938a2f43e3fcb9fd",
      "0622d9e707bea246",
    ],
    firstPosition: 1,
    total: 57,
  }),
  // "… · 45&nbsp;apps" in a subtitle; absolute links.
  collection("collection-total-text-2.html", "/en/marketplace/categories/lead-generation", {
    clientIds: [
      "0f1e2d3c4b5a6978",
      "4a6c8e0a2c4e6a8c",
      "1484afa039d12956",
      "ee555158c23f9aa7",
      "4e6d9614725399dd",
      "0c2e4a6c8e0a2c4e",
      "6c8e0a2c4e6a8c0e",
      "f105151cffa9d6cd",
      "9e1a3c5e7a9c1e3a",
      "0a2c4e6a8c0e2a4d",
      "3f3cf9d08bdb8340",
      "a2bdf5155d68f484",
    ],
    firstPosition: 1,
    total: 45,
  }),
  // Infinite scroll: 12 shown, totalElements 40 in a JSON script, a "Load more" button (data-next-page=1), no next link.
  collection("collection-infinite-1.html", "/en/marketplace/collections/app-extensions", {
    clientIds: [
      "9f8e7d6c5b4a3921",
      "7c9e1a3c5e7a9c1e",
      "5a7c9e1a3c5e7a9c",
      "3f5b7d9f1b3d5f7c",
      "4c6e8a0b2d4f6a8c",
      "9b1d3f5b7d9f1b3d",
      "5b7d9f1b3d5f7b9e",
      "6b8d0f2a4c6e8b0d",
      "d1bfd2724b830b69",
      "cf1915db122c27a4",
      "016bc09aad68580b",
      "f2258ea64729d6c0",
    ],
    firstPosition: 1,
    total: 40,
  }),
  // Page 2 of the same category (12 a page): positions 13–24; the page shows no ranks.
  collection("collection-page2-1.html", "/en/marketplace/categories/sales-and-crm?page=2", {
    clientIds: [
      "44223cacece98177",
      "a85312c3ed157a8b",
      "244dee72f2341bf4",
      "a5176f898b40f748",
      "97bc81fa2add3f4b",
      "c3b05001e7e86f51",
      "6c13fe51242fd18e",
      "1d3f5a7c9e1b3d5f",
      "2e4a6c8e0a2c4e6b",
      "0b2d4f6b8d0f2b4e",
      "3c5e7a9c1e3a5c7e",
      "6a1f3e5c7b9d0e24",
    ],
    firstPosition: 13,
    total: 57,
  }),
  // Page 2 of trending: flight { page: 1 (0-based), size: 12, totalElements: 31 }, rank badges #13–#24, <ol start=13>.
  collection("collection-page2-2.html", "/en/marketplace/collections/trending?page=2", {
    clientIds: [
      "f385bd902610d77f",
      "80d3c1ffd125413f",
      "c3b05001e7e86f51",
      "1ef895df215a4a9a",
      "171faf1353a0219a",
      "e108b03a0e963d5a",
      "db26bc56e2723ea9",
      "daf0c9e4baa10d25",
      "6c13fe51242fd18e",
      "8a0c2e4a6c8e0a2c",
      "6b8d0f2a4c6e8b0d",
      "d587d8ccee999613",
    ],
    firstPosition: 13,
    total: 31,
  }),
  // A German category page ("8 Apps", an "Empfohlen" hero that is also #2) carrying Cloudflare's challenge-platform script: to be read.
  collection("collection-cloudflare-ok-1.html", "/de/marketplace/categories/telephony", {
    clientIds: [
      "9d3c7b1a0e2f4856",
      "5b8e2a7d1c9f0364",
      "2a4c6e8f0b1d3f57",
      "80d3c1ffd125413f",
      "a245303e8790e7a3",
      "86a8505a32aa0a6b",
      "7b9d1f3a5c7e9b0d",
      "57bf2112211b6da0",
    ],
    firstPosition: 1,
    total: 8,
  }),
  // Cloudflare's "Just a moment..." page for a collection.
  collection("collection-challenge-1.html", "/en/marketplace/collections/top-rated", { error: "challenge" }),
  // Vercel Security Checkpoint for a category.
  collection("collection-challenge-2.html", "/en/marketplace/categories/marketing", { error: "challenge" }),
  // The Marketplace's 404 for a collection that ended, with "popular apps" tiles that are not a list to rank in.
  collection("collection-not-a-list-1.html", "/en/marketplace/collections/editors-picks", { error: "not-a-list" }),
];
