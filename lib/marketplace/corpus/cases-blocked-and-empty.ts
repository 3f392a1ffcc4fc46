import { listingCase, type ListingCase, r } from "./case-builders";

/** Bot protection (and a page that only carries its script), listings with no reviews yet, an app that is gone. */
export const BLOCKED_AND_EMPTY_CASES: ListingCase[] = [
  // ---- bot protection: a real page that carries Cloudflare's script, and real challenges ----
  listingCase("cloudflare-ok-1.html", "en", "ticket-bridge", "5b7d9f1b3d5f7b9e", {
    // A normal listing with /cdn-cgi/challenge-platform/scripts/jsd/main.js and email protection: to be read.
    expect: {
      ratingAverage: 4.1,
      reviewCount: 33,
      reviews: [
        r("Paula Weber", 4, "2026-11-25", "Tickets show on the person and the organization"),
        r("Kenji Sato", 5, "2026-10-31", "Finally our support agents see deal value"),
      ],
    },
  }),
  listingCase("challenge-aws-1.html", "en", "renewly", "a1c3e5a7c9e1a3c5", { expect: { error: "challenge" } }),
  listingCase("challenge-vercel-1.html", "en", "meet-sync", "7e9a1c3e5a7c9e1a", { expect: { error: "challenge" } }),
  listingCase("challenge-cloudflare-1.html", "en", "ticket-bridge", "5b7d9f1b3d5f7b9e", {
    expect: { error: "challenge" },
  }),

  // ---- no reviews yet; gone ----
  listingCase("no-reviews-1.html", "en", "notewise", "6c8e0a2c4e6a8c0f", {
    // "No reviews yet"; the only ratings on the page are the "Popular in Productivity" apps'.
    expect: { ratingAverage: null, reviewCount: 0, reviews: [] },
    content: {
      name: "Notewise",
      summary: "Meeting notes templates that fill themselves from the deal and save back to Pipedrive.",
    },
  }),
  listingCase("no-reviews-2.html", "en", "stagecoach", "7d9f1b3d5f7b9d1a", {
    // Flight: ratings.scores { average: 0, total: 0 }, reviews: [] ("Not rated yet"); the popular apps have scores.
    expect: { ratingAverage: null, reviewCount: 0, reviews: [] },
  }),
  listingCase("not-found-1.html", "en", "pipe-notes", "8e0a2c4e6a8c0e2b", {
    // The Marketplace's 404 ("We couldn't find that app") with popular apps and their ratings.
    expect: { error: "not-found" },
  }),
];
