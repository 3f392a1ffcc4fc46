import { FETCHED, listingCase, type ListingCase, PD, r } from "./case-builders";

/**
 * Where the listing's data sits: review cards known only by their content, JSON-LD graphs with several
 * apps, the Marketplace API's model in page data.
 */
export const STRUCTURE_CASES: ListingCase[] = [
  // ---- review cards recognisable only by their content ----
  listingCase("utility-cards-1.html", "en", "renewly", "a1c3e5a7c9e1a3c5", {
    // Tailwind divs, ★/☆ characters, initials avatars before the name; the "You might also like" cards
    // (name, stars, text, no date) are apps, not reviews.
    expect: {
      ratingAverage: 4.3,
      reviewCount: 48,
      reviews: [
        r("Julia Dawson", 5, "2026-10-04", "Renewal reminders show up as activities 90 days out."),
        r("Ahmed Hassan", 4, "2026-09-21", "Does what it says."),
        r("Claire Dubois", 3, "2026-08-30", "The renewal pipeline gets cluttered"),
        r("Ryan O'Connor", 5, "2026-07-02", "Saved us from missing two big renewals"),
      ],
    },
  }),
  listingCase("utility-cards-2.html", "en", "outreachly", "b2d4f6b8d0f2b4d6", {
    // aria-label "Rated 4 out of 5" on svg stars, the date above the author, the vendor's replies
    // (name and date of their own) inside two cards are replies, not reviews.
    expect: {
      ratingAverage: 4.0,
      reviewCount: 9,
      reviews: [
        r("Daniel Kim", 4, "2026-11-29", "Sequences are easy to build"),
        r("Sophie Laurent", 5, "2026-11-14", "Best cold email tool we have tried"),
        r("Mark Evans", 2, "2026-10-03", "Emails went to spam after the domain warm-up ended."),
      ],
    },
  }),

  // ---- JSON-LD graphs with several apps ----
  listingCase("jsonld-graph-1.html", "en", "deal-flow-analytics", "c5e7a9c1e3a5c7e9", {
    // @graph: Organization, WebSite, BreadcrumbList, a similar app's SoftwareApplication (4.9, 410) FIRST, then the listing's (by url).
    expect: {
      ratingAverage: 4.2,
      reviewCount: 27,
      reviews: [
        r("Olga Ivanova", 4, "2026-11-11", "Forecast dashboards are clear"),
        r("James Wright", 5, "2026-10-28", "Our weekly pipeline review now takes twenty minutes"),
        r("Chen Wei", 3, "2026-08-15", "Good charts but exports to Excel"),
      ],
    },
  }),
  {
    // Fetched at the app's old slug; the canonical link has the new one. First script: an ItemList of
    // similar apps with ratings; second: @graph whose WebPage.mainEntity points at "<canonical>#app",
    // with another app's SoftwareApplication (SignStack, 4.9, 1020) before it.
    file: "jsonld-graph-2.html",
    class: "jsonld-graph",
    url: `${PD}/en/marketplace/app/smart-docs/d6f8b0d2f4b6d8f0`,
    clientId: "d6f8b0d2f4b6d8f0",
    fetchedAt: FETCHED,
    expect: {
      ratingAverage: 4.4,
      reviewCount: 61,
      reviews: [
        r("Victoria Lane", 5, "2026-12-02", "Document generation from deal fields is flawless"),
        r("Erik Johansson", 4, "2026-11-19", "Great templates, and the new name fits"),
      ],
    },
    content: { name: "SmartDocs Pro" },
  },

  // ---- the Marketplace API's own model in page data ----
  listingCase("api-model-1.html", "en", "webinar-link", "e7a9c1e3a5c7e9b1", {
    // __NEXT_DATA__ pageProps.data.app.ratings.scores { average, total }, after a similarApps array with
    // the same shape; screenshots as urls keyed by size (two sizes each); created_at "YYYY-MM-DD HH:MM:SS".
    expect: {
      ratingAverage: 4.3,
      reviewCount: 57,
      reviews: [
        r("Patrick Moore", 5, "2026-11-24", "Webinar registrants become leads"),
        r("Lena Hoffmann", 4, "2026-10-07", "Attendance data on the person is great."),
        r("Sam Turner", 3, "2026-08-19", "Zoom works, GoToWebinar sync lags"),
      ],
    },
    content: {
      name: "WebinarLink",
      summary: "Sync webinar registrations and attendance into Pipedrive leads and activities.",
      screenshots: 3,
      video: null,
      categories: ["Webinars"],
    },
  }),
  listingCase("api-model-2.html", "en", "teamfeed", "f8b0d2f4b6d8f0a2", {
    // Flight: ratings.scores { average: 4.6, total: 112 }, reviews in a referenced row ("$5"), the first
    // review's text a T row (1,232 bytes, with newlines), the second's a "$$…" string ("$50 a month…").
    expect: {
      ratingAverage: 4.6,
      reviewCount: 112,
      reviews: [
        r("Nora Lindgren", 5, "2026-11-30", "We rolled Teamfeed out to 40 reps across three offices"),
        r("Victor Alves", 4, "2026-11-12", "$50 a month is fair for what it does"),
        r("Grace Liu", 5, "2026-09-03", "The activity feed in Slack"),
      ],
    },
  }),
];
