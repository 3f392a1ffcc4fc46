import type { ParsedListing } from "./listing-page";

/** A listing page as a test writes it: these parts in the head, these in the body. */
export const htmlPage = (head: string, body = "") =>
  `<!doctype html><html><head><title>App</title>${head}</head><body>${body}</body></html>`;
export const ld = (data: unknown) =>
  `<script type="application/ld+json">${typeof data === "string" ? data : JSON.stringify(data)}</script>`;

/** A listing's JSON-LD with every field the reader takes. */
export const complete = {
  "@context": "https://schema.org",
  "@type": "SoftwareApplication",
  name: "QuoteFlow",
  aggregateRating: { "@type": "AggregateRating", ratingValue: "4.6", reviewCount: "128" },
  review: [
    {
      "@type": "Review",
      identifier: "r-1",
      author: { "@type": "Person", name: "Ana K." },
      datePublished: "2026-10-02",
      reviewBody: "Quotes in two clicks. Our team loves it.",
      reviewRating: { "@type": "Rating", ratingValue: 5 },
      interactionStatistic: {
        "@type": "InteractionCounter",
        interactionType: "https://schema.org/LikeAction",
        userInteractionCount: 7,
      },
      comment: [{ "@type": "Comment", text: "Thank you, Ana!" }],
    },
    {
      "@type": "Review",
      author: "Ben",
      datePublished: "2026-09-15T10:00:00Z",
      reviewBody: "Setup was slow.",
      reviewRating: { ratingValue: "2" },
    },
  ],
};

/** A review as the reader gives it: these fields, the rest empty. */
export const parsedReview = (r: Partial<ParsedListing["reviews"][number]>) => ({
  externalId: null,
  anchor: null,
  author: "Anonymous",
  stars: 5,
  date: null,
  text: "",
  upvotes: 0,
  reply: null,
  ...r,
});
