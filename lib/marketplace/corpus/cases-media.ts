import { listingCase, type ListingCase, r } from "./case-builders";

/** Screenshots and the video in their many forms: social cards, carousels, media lists, YouTube embeds. */
export const MEDIA_CASES: ListingCase[] = [
  // ---- media ----
  listingCase("media-1.html", "en", "lead-router", "2e4a6c8e0a2c4e6b", {
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
  listingCase("media-2.html", "en", "project-bridge", "3f5b7d9f1b3d5f7c", {
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
  listingCase("media-3.html", "en", "quota-planner", "4a6c8e0a2c4e6a8d", {
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
];
