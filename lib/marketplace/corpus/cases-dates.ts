import { listingCase, type ListingCase, r } from "./case-builders";

/** Review dates under keys the readers have not seen, and relative dates. */
export const DATE_CASES: ListingCase[] = [
  // ---- unseen date keys ----
  listingCase("date-keys-1.html", "en", "price-book", "5a7c9e1a3c5e7a9c", {
    // Data only in a dehydrated react-query state in __NEXT_DATA__ (the DOM shows skeletons); dates under publishedOn.
    expect: {
      ratingAverage: 4.2,
      reviewCount: 17,
      reviews: [
        r("Fatima Zahra", 5, "2026-11-21", "Product catalogue sync saved us hours"),
        r("George Miller", 4, "2026-10-02", "Price tiers per customer group work well."),
        r("Nina Petrova", 3, "2026-06-17", "Good idea, but currency rounding"),
      ],
    },
  }),
  listingCase("date-keys-2.html", "en", "mapster", "6b8d0f2a4c6e8b0d", {
    // App Router flight data: postedDate as "$D…" dates, stats { averageStars, writtenReviews }.
    expect: {
      ratingAverage: 4.5,
      reviewCount: 26,
      reviews: [
        r("Carlos Mendes", 5, "2026-11-08", "Seeing deals on a map changed how we plan field visits."),
        r("Ella Fischer", 4, "2026-10-14", "Route planning is handy."),
        r("Ravi Shankar", 5, "2026-07-01", "Territory colours make it obvious"),
      ],
    },
  }),
  listingCase("date-keys-3.html", "en", "kudos-board", "7c9e1a3c5e7a9c1e", {
    // A plain application/json script, reviewDate in epoch milliseconds, ratingSummary { mean, reviews }.
    expect: {
      ratingAverage: 4.7,
      reviewCount: 8,
      reviews: [
        r("Zoe Adams", 5, "2026-11-30", "The team uses it every Friday"),
        r("Marek Kowalski", 4, "2026-09-18", "Nice way to celebrate wins."),
        r("Ines Duarte", 5, "2026-05-05", "Gamified leaderboards got our new reps competing"),
      ],
    },
  }),

  // ---- relative dates ----
  listingCase("relative-dates-1.html", "en", "pulse-survey", "8a0c2e4a6c8e0a2c", {
    // fetchedAt 2026-12-10T12:00Z: "5 hours ago" → 12-10, "yesterday" → 12-09, "3 days ago" → 12-07,
    // "2 weeks ago" → 11-26, "a month ago" → 11-10, "a year ago" → 2025-12-10.
    fetchedAt: "2026-12-10T12:00:00.000Z",
    expect: {
      ratingAverage: 4.1,
      reviewCount: 64,
      reviews: [
        r("Sarah Kim", 5, "2026-12-10", "Set it up in ten minutes"),
        r("Michael Brown", 4, "2026-12-09", "Good survey templates."),
        r("Elena Popescu", 5, "2026-12-07", "Lost-deal surveys told us more"),
        r("Tom Walsh", 3, "2026-11-26", "Works, but response rates dropped"),
        r("Anna Berg", 4, "2026-11-10", "Solid tool, fair price."),
        r("Luis García", 2, "2025-12-10", "Surveys went out twice for the same deal."),
      ],
    },
  }),
  listingCase("relative-dates-2.html", "de", "belegfix", "9b1d3f5b7d9f1b3d", {
    // fetchedAt 2026-07-20T10:30Z: "vor 5 Stunden" → 07-20, "gestern" → 07-19, "vor 2 Tagen" → 07-18,
    // "vor 3 Wochen" → 06-29, "vor einem Monat" → 06-20.
    fetchedAt: "2026-07-20T10:30:00.000Z",
    expect: {
      ratingAverage: 4.2,
      reviewCount: 23,
      reviews: [
        r("Stefan Krüger", 5, "2026-07-20", "Die Übergabe an DATEV klappt reibungslos"),
        r("Anja Roth", 4, "2026-07-19", "Praktisch, aber die Zuordnung"),
        r("Felix Braun", 5, "2026-07-18", "Endlich keine PDFs mehr"),
        r("Claudia Weiß", 3, "2026-06-29", "Grundsätzlich gut"),
        r("Martin Schulz", 4, "2026-06-20", "Spart Zeit bei jedem Monatsabschluss."),
      ],
    },
  }),
];
