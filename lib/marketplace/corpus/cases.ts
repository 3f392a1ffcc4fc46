/**
 * The corpus's expectations: what a correct reader must get from each page in this folder.
 *
 * The pages were written from the description of the public Marketplace (a Next.js site whose
 * markup is undocumented: see docs in /work/shared/pipedrive/MARKETPLACE.md), not from the readers
 * in lib/marketplace/. Every value below was worked out by hand from the page it names.
 *
 * Conventions:
 * - ratingAverage is on the 1–5 scale, to 0.05 (94% → 4.7, 9.2/10 → 4.6); null when the app has
 *   no rating yet.
 * - reviewCount is the listing's stated count of written reviews (the page's total, never the
 *   number of reviews shown; JSON-LD reviewCount, not ratingCount).
 * - reviews are every review shown for the listing, in page order; stars on the 1–5 scale; date
 *   the calendar day (UTC) the review was written, relative dates ("3 days ago", "vor 2 Tagen")
 *   resolved against fetchedAt (each case below states the result).
 * - content.screenshots counts the listing's images (one per screenshot, whatever number of sizes
 *   the page offers; not the icon, not og:image cards, not similar apps' icons, not carousel clones).
 * - content.video is the YouTube video id (the reader may give any YouTube address for it).
 * - content.categories are the names the page shows for the app, in any order.
 */

export type ListingCase = {
  file: string;
  class: string;
  url: string;
  clientId: string;
  fetchedAt: string /* ISO */;
  expect:
    | { error: "challenge" | "not-found" | "login" | "not-a-listing" }
    | {
        ratingAverage: number | null; // to 0.05; on a 1–5 scale (94% → 4.7, 9.2/10 → 4.6)
        reviewCount: number; // the listing's stated count of written reviews
        reviews: { author: string; stars: number; date: string | null /* YYYY-MM-DD */; textStartsWith: string }[]; // every review shown, in page order
      };
  content?: { name: string; summary?: string; screenshots?: number; video?: string | null; categories?: string[] };
};

export type CollectionCase = {
  file: string;
  class: string;
  url: string;
  expect:
    | { error: "challenge" | "not-a-list" }
    | {
        clientIds: string[] /* the list's apps on this page, in order */;
        firstPosition: number /* 1, or 13 on page 2 */;
        total: number | null;
      };
};

type Review = { author: string; stars: number; date: string | null; textStartsWith: string };
const r = (author: string, stars: number, date: string | null, textStartsWith: string): Review => ({
  author,
  stars,
  date,
  textStartsWith,
});

const PD = "https://www.pipedrive.com";
/** The usual fetch time; cases with relative dates say what they resolve to against it. */
const FETCHED = "2026-12-10T12:00:00.000Z";
const classOf = (file: string) => file.replace(/-\d+\.html$/, "");
const listing = (
  file: string,
  lang: string,
  slug: string,
  clientId: string,
  rest: Omit<ListingCase, "file" | "class" | "url" | "clientId" | "fetchedAt"> & { fetchedAt?: string },
): ListingCase => ({
  file,
  class: classOf(file),
  url: `${PD}/${lang}/marketplace/app/${slug}/${clientId}`,
  clientId,
  fetchedAt: rest.fetchedAt ?? FETCHED,
  expect: rest.expect,
  ...(rest.content ? { content: rest.content } : {}),
});

export const LISTING_CASES: ListingCase[] = [
  // ---- localized pages ----
  listing("localized-de-1.html", "de", "quote-craft", "3f9a1c0b7d2e4a61", {
    // "4,7 von 5 Sternen", "1.234 Bewertungen", German abbreviated months; the similar apps' "4,2 von 5 Sternen (318)" are not the listing's.
    expect: {
      ratingAverage: 4.7,
      reviewCount: 1234,
      reviews: [
        r("Katrin Vogel", 5, "2026-10-02", "Spart uns jeden Tag Zeit bei Angeboten."),
        r("Jonas Brandt", 4, "2026-09-17", "Gute Integration, aber die Vorlagen-Bearbeitung"),
        r("Miriam Özdemir", 5, "2026-03-03", "Endlich Angebote direkt aus dem Deal!"),
        r("Tobias K.", 2, "2025-12-28", "Die Synchronisierung hat bei uns mehrfach"),
      ],
    },
    content: {
      name: "QuoteCraft",
      summary: "Erstellen Sie Angebote direkt aus Ihren Pipedrive-Deals und lassen Sie sie online unterschreiben.",
      screenshots: 0,
      video: null,
      categories: ["Angebote und Rechnungen", "Dokumente"],
    },
  }),
  listing("localized-de-2.html", "de", "call-nest", "5b8e2a7d1c9f0364", {
    // Microdata whose values are German text: ratingValue "4,3", datePublished "4. Nov. 2026".
    expect: {
      ratingAverage: 4.3,
      reviewCount: 86,
      reviews: [
        r("Sabine Hartmann", 5, "2026-11-04", "Anrufe werden automatisch am richtigen Deal gespeichert"),
        r("Lukas W.", 4, "2026-08-19", "Funktioniert zuverlässig."),
        r("Petra Lange", 3, "2026-06-01", "Die Anrufprotokolle landen manchmal"),
      ],
    },
    content: {
      name: "CallNest",
      summary: "Anrufe aus Pipedrive starten, aufzeichnen und automatisch dem richtigen Deal zuordnen.",
      screenshots: 2,
      video: null,
    },
  }),
  listing("localized-fr-1.html", "fr", "prospecto", "c4d2e0f8a6b41937", {
    // "4,5 sur 5", "1 234 avis" with a narrow no-break space (U+202F); "12 sept. 2026", "1er juin 2026".
    expect: {
      ratingAverage: 4.5,
      reviewCount: 1234,
      reviews: [
        r("Camille Durand", 5, "2026-09-12", "Très pratique pour relancer les prospects"),
        r("Hugo Lefèvre", 4, "2026-08-03", "Bonne intégration avec Pipedrive"),
        r("Élodie Martin", 5, "2026-06-01", "Un gain de temps énorme"),
      ],
    },
    content: { name: "Prospecto", categories: ["Génération de leads", "E-mail marketing"] },
  }),
  listing("localized-es-1.html", "es", "facturado", "8e7f6a5b4c3d2e10", {
    // fetchedAt 2026-12-10T12:00Z: "hace 3 días" → 2026-12-07, "hace un mes" → 2026-11-10; "22 sept 2026".
    expect: {
      ratingAverage: 4.6,
      reviewCount: 87,
      reviews: [
        r("Lucía Fernández", 5, "2026-12-07", "Por fin podemos facturar desde el trato"),
        r("Diego Ramírez", 4, "2026-11-10", "Funciona bien, aunque la numeración"),
        r("Marta Gil", 5, "2026-10-05", "El soporte respondió en menos de una hora"),
        r("Andrés Molina", 3, "2026-09-22", "Le faltan plantillas para México"),
      ],
    },
  }),
  listing("localized-pt-1.html", "pt", "chat-ponte", "2d4f6a8c0e1b3d5f", {
    // "4,8 de 5", "(2.045 avaliações)", "14 de set. de 2026", "08/07/2026" (day first: 8 July).
    expect: {
      ratingAverage: 4.8,
      reviewCount: 2045,
      reviews: [
        r("Ana Souza", 5, "2026-09-14", "Integração perfeita com o WhatsApp."),
        r("Rafael Lima", 4, "2026-07-08", "Bom custo-benefício."),
        r("Juliana Costa", 5, "2026-01-03", "Nosso time de vendas dobrou"),
      ],
    },
  }),

  // ---- ratings as a percentage or out of 10 ----
  listing("rating-percent-1.html", "en", "docu-send", "6a1f3e5c7b9d0e24", {
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
  listing("rating-percent-2.html", "en", "time-trackr", "9f8e7d6c5b4a3921", {
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
  listing("rating-out-of-10-1.html", "en", "lead-score-ai", "1b3d5f7a9c0e2d4f", {
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
  listing("rating-out-of-10-2.html", "en", "ship-log", "4c6e8a0b2d4f6a8c", {
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
  listing("count-aria-1.html", "en", "meet-sync", "7e9a1c3e5a7c9e1a", {
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
  listing("count-paren-1.html", "en", "form-pipe", "0c2e4a6c8e0a2c4e", {
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
  listing("jsonld-counts-1.html", "en", "sync-desk", "3c5e7a9c1e3a5c7e", {
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

  // ---- unseen date keys ----
  listing("date-keys-1.html", "en", "price-book", "5a7c9e1a3c5e7a9c", {
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
  listing("date-keys-2.html", "en", "mapster", "6b8d0f2a4c6e8b0d", {
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
  listing("date-keys-3.html", "en", "kudos-board", "7c9e1a3c5e7a9c1e", {
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
  listing("relative-dates-1.html", "en", "pulse-survey", "8a0c2e4a6c8e0a2c", {
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
  listing("relative-dates-2.html", "de", "belegfix", "9b1d3f5b7d9f1b3d", {
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

  // ---- review cards recognisable only by their content ----
  listing("utility-cards-1.html", "en", "renewly", "a1c3e5a7c9e1a3c5", {
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
  listing("utility-cards-2.html", "en", "outreachly", "b2d4f6b8d0f2b4d6", {
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
  listing("jsonld-graph-1.html", "en", "deal-flow-analytics", "c5e7a9c1e3a5c7e9", {
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
  listing("api-model-1.html", "en", "webinar-link", "e7a9c1e3a5c7e9b1", {
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
  listing("api-model-2.html", "en", "teamfeed", "f8b0d2f4b6d8f0a2", {
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

  // ---- a stated total larger than the reviews shown ----
  listing("stated-total-1.html", "en", "invoice-bee", "0b2d4f6b8d0f2b4e", {
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
  listing("stated-total-2.html", "en", "call-scribe", "1c3e5a7c9e1a3c5f", {
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

  // ---- media ----
  listing("media-1.html", "en", "lead-router", "2e4a6c8e0a2c4e6b", {
    // og:/twitter: meta (a 1200×630 social card, not a screenshot), <lite-youtube videoid>, images as urls keyed by size.
    expect: {
      ratingAverage: 4.4,
      reviewCount: 38,
      reviews: [
        r("Beatriz Santos", 5, "2026-11-26", "Round-robin assignment is finally fair"),
        r("Henrik Larsen", 4, "2026-10-10", "Rules are flexible."),
      ],
    },
    content: {
      name: "LeadRouter",
      summary: "Route new leads to the right rep by territory, size and workload.",
      screenshots: 4,
      video: "Xk3nR8pQm2A",
      categories: ["Lead management", "Sales automation"],
    },
  }),
  listing("media-2.html", "en", "project-bridge", "3f5b7d9f1b3d5f7c", {
    // media: [{ type: "image", url }, …, { type: "video", url }] and a div data-videoid.
    expect: {
      ratingAverage: 4.0,
      reviewCount: 5,
      reviews: [
        r("Maja Nilsson", 4, "2026-12-04", "Projects are created from won deals"),
        r("Carlos Ortega", 4, "2026-09-12", "Good handover between sales and delivery."),
      ],
    },
    content: {
      name: "ProjectBridge",
      summary: "Turn won deals into projects with tasks, owners and deadlines.",
      screenshots: 3,
      video: "Vb7Qz1LmN0c",
      categories: ["Project management"],
    },
  }),
  listing("media-3.html", "en", "quota-planner", "4a6c8e0a2c4e6a8d", {
    // A next/image carousel (srcset of /_next/image?url=…) with two clone slides; the video a thumbnail link to youtu.be.
    expect: {
      ratingAverage: 4.6,
      reviewCount: 19,
      reviews: [
        r("Derek Chan", 5, "2026-12-06", "Quota planning per rep used to live in three spreadsheets."),
        r("Ingrid Olsen", 4, "2026-11-17", "Solid, and capacity modelling is great."),
      ],
    },
    content: {
      name: "Quota Planner",
      summary: "Set quotas per rep and team, model capacity and track attainment from Pipedrive deals.",
      screenshots: 4,
      video: "Jt4cW9aLp8s",
      categories: ["Reporting and analytics"],
    },
  }),

  // ---- bot protection: a real page that carries Cloudflare's script, and real challenges ----
  listing("cloudflare-ok-1.html", "en", "ticket-bridge", "5b7d9f1b3d5f7b9e", {
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
  listing("challenge-aws-1.html", "en", "renewly", "a1c3e5a7c9e1a3c5", { expect: { error: "challenge" } }),
  listing("challenge-vercel-1.html", "en", "meet-sync", "7e9a1c3e5a7c9e1a", { expect: { error: "challenge" } }),
  listing("challenge-cloudflare-1.html", "en", "ticket-bridge", "5b7d9f1b3d5f7b9e", { expect: { error: "challenge" } }),

  // ---- no reviews yet; gone ----
  listing("no-reviews-1.html", "en", "notewise", "6c8e0a2c4e6a8c0f", {
    // "No reviews yet"; the only ratings on the page are the "Popular in Productivity" apps'.
    expect: { ratingAverage: null, reviewCount: 0, reviews: [] },
    content: {
      name: "Notewise",
      summary: "Meeting notes templates that fill themselves from the deal and save back to Pipedrive.",
    },
  }),
  listing("no-reviews-2.html", "en", "stagecoach", "7d9f1b3d5f7b9d1a", {
    // Flight: ratings.scores { average: 0, total: 0 }, reviews: [] ("Not rated yet"); the popular apps have scores.
    expect: { ratingAverage: null, reviewCount: 0, reviews: [] },
  }),
  listing("not-found-1.html", "en", "pipe-notes", "8e0a2c4e6a8c0e2b", {
    // The Marketplace's 404 ("We couldn't find that app") with popular apps and their ratings.
    expect: { error: "not-found" },
  }),
];

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
