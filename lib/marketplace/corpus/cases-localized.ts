import { listingCase, type ListingCase, r } from "./case-builders";

/** Listings in German, French, Spanish and Portuguese: localized numbers, months and relative dates. */
export const LOCALIZED_CASES: ListingCase[] = [
  // ---- localized pages ----
  listingCase("localized-de-1.html", "de", "quote-craft", "3f9a1c0b7d2e4a61", {
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
  listingCase("localized-de-2.html", "de", "call-nest", "5b8e2a7d1c9f0364", {
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
  listingCase("localized-fr-1.html", "fr", "prospecto", "c4d2e0f8a6b41937", {
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
  listingCase("localized-es-1.html", "es", "facturado", "8e7f6a5b4c3d2e10", {
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
  listingCase("localized-pt-1.html", "pt", "chat-ponte", "2d4f6a8c0e1b3d5f", {
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
];
