import { listingCase, type ListingCase, r } from "./case-builders";

/**
 * The listing's rating and count as pages write them: percentages, out of 10, counts in odd places,
 * totals larger than the reviews shown.
 */
export const FIGURE_CASES: ListingCase[] = [
  // ---- ratings as a percentage or out of 10 ----
  listingCase("rating-percent-1.html", "en", "docu-send", "6a1f3e5c7b9d0e24", {
    // JSON-LD ratingValue "94%" (→ 4.7); review ratings "100%", "80%", "60%" (→ 5, 4, 3).
    expect: {
      ratingAverage: 4.7,
      reviewCount: 52,
      reviews: [
        r("Priya Nair", 5, "2026-11-18", "We send every proposal through DocuSend now."),
        r("Tom Becker", 4, "2026-10-30", "Solid e-signature flow."),
        r("Grace O'Neill", 3, "2026-09-02", "Does the job but the template editor"),
      ],
    },
    content: {
      name: "DocuSend",
      summary: "Send proposals for e-signature from any Pipedrive deal and move the deal when they are signed.",
      categories: ["Documents", "Quotes and proposals"],
    },
  }),
  listingCase("rating-percent-2.html", "en", "time-trackr", "9f8e7d6c5b4a3921", {
    // __NEXT_DATA__ rating { percent: "88%", count: "19" } (→ 4.4); stars as strings.
    expect: {
      ratingAverage: 4.4,
      reviewCount: 19,
      reviews: [
        r("Marco Rossi", 5, "2026-11-02", "Time entries attach to the deal automatically"),
        r("Sofia Lindqvist", 4, "2026-10-11", "Great for billable hours."),
        r("Daniel Okafor", 4, "2026-08-23", "Simple and fast."),
      ],
    },
  }),
  listingCase("rating-out-of-10-1.html", "en", "lead-score-ai", "1b3d5f7a9c0e2d4f", {
    // JSON-LD ratingValue "9.2" with bestRating "10" (→ 4.6); reviews 10/10, 8/10, 6/10 (→ 5, 4, 3).
    expect: {
      ratingAverage: 4.6,
      reviewCount: 31,
      reviews: [
        r("Hannah Schmidt", 5, "2026-11-27", "Scores match what our reps see in the field."),
        r("Kevin Tran", 4, "2026-11-03", "Useful scoring, took a couple of weeks"),
        r("Olivia Brooks", 3, "2026-07-14", "Decent, but the model ignores custom fields"),
      ],
    },
  }),
  listingCase("rating-out-of-10-2.html", "en", "ship-log", "4c6e8a0b2d4f6a8c", {
    // Only visible text: "8.6/10" (→ 4.3), "(24 reviews)"; reviews "10/10", "8/10", "4/10" (→ 5, 4, 2).
    expect: {
      ratingAverage: 4.3,
      reviewCount: 24,
      reviews: [
        r("Noah Williams", 5, "2026-12-01", "Tracking numbers show up on the deal"),
        r("Emma Clarke", 4, "2026-11-12", "Works with our three carriers."),
        r("Liam Patel", 2, "2026-08-09", "Label printing failed for international shipments"),
      ],
    },
  }),

  // ---- review counts in odd places ----
  listingCase("count-aria-1.html", "en", "meet-sync", "7e9a1c3e5a7c9e1a", {
    // The count (212) is only in aria-label="Rated 4.4 out of 5 stars based on 212 reviews".
    expect: {
      ratingAverage: 4.4,
      reviewCount: 212,
      reviews: [
        r("Chloe Martin", 5, "2026-11-20", "Meetings booked from the scheduling link"),
        r("Ben Harris", 4, "2026-11-06", "Reliable Google Calendar sync."),
        r("Aisha Rahman", 5, "2026-10-19", "Round-robin scheduling for our SDR team"),
        r("Jakub Nowak", 3, "2026-09-28", "Time zone handling confused a few invitees"),
      ],
    },
  }),
  listingCase("count-paren-1.html", "en", "form-pipe", "0c2e4a6c8e0a2c4e", {
    // "★★★★☆ 4.1 (73)" and nothing else says 73.
    expect: {
      ratingAverage: 4.1,
      reviewCount: 73,
      reviews: [
        r("Isabella Rossi", 5, "2026-12-02", "Web form leads land in Pipedrive with UTM fields"),
        r("Oscar Lindberg", 4, "2026-11-15", "Easy builder and good spam filtering."),
        r("Mia Johnson", 2, "2026-10-30", "Lost submissions twice"),
      ],
    },
  }),
  listingCase("jsonld-counts-1.html", "en", "sync-desk", "3c5e7a9c1e3a5c7e", {
    // JSON-LD ratingCount 120 and reviewCount 38: the written reviews are 38.
    expect: {
      ratingAverage: 4.6,
      reviewCount: 38,
      reviews: [
        r("Laura Bianchi", 5, "2026-12-01", "Tickets and deals finally live in one place."),
        r("Samuel Green", 4, "2026-11-15", "Good two-way sync."),
        r("Yuki Tanaka", 5, "2026-10-22", "Our support and sales teams share context"),
        r("Peter Novak", 4, "2026-09-09", "Setup was quick, documentation is thorough."),
      ],
    },
  }),

  // ---- a stated total larger than the reviews shown ----
  listingCase("stated-total-1.html", "en", "invoice-bee", "0b2d4f6b8d0f2b4e", {
    // "14 reviews", three shown, "Show all 14 reviews".
    expect: {
      ratingAverage: 4.5,
      reviewCount: 14,
      reviews: [
        r("Hugo Martins", 5, "2026-12-03", "Invoices go out the minute a deal is won."),
        r("Amelia Scott", 4, "2026-11-21", "Clean templates, multi-currency works."),
        r("Jonas Berg", 5, "2026-11-02", "Payment status on the deal is a game changer"),
      ],
    },
  }),
  listingCase("stated-total-2.html", "en", "call-scribe", "1c3e5a7c9e1a3c5f", {
    // "Showing 3 of 14 reviews"; __NEXT_DATA__ reviewsPage { page, pageSize: 3, totalCount: 14, items }.
    expect: {
      ratingAverage: 4.8,
      reviewCount: 14,
      reviews: [
        r("Ivy Chen", 5, "2026-12-05", "Call summaries land on the deal"),
        r("Rob Müller", 5, "2026-11-28", "Transcripts in German are excellent"),
        r("Sana Malik", 4, "2026-11-14", "Accurate notes; the action items"),
      ],
    },
  }),
];
