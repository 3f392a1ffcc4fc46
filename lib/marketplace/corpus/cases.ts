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

import { BLOCKED_AND_EMPTY_CASES } from "./cases-blocked-and-empty";
import { DATE_CASES } from "./cases-dates";
import { FIGURE_CASES } from "./cases-figures";
import { LOCALIZED_CASES } from "./cases-localized";
import { MEDIA_CASES } from "./cases-media";
import { STRUCTURE_CASES } from "./cases-structure";
import type { ListingCase } from "./case-builders";

export type { CollectionCase, ListingCase } from "./case-builders";
export { COLLECTION_CASES } from "./cases-collections";

export const LISTING_CASES: ListingCase[] = [
  ...LOCALIZED_CASES,
  ...FIGURE_CASES,
  ...DATE_CASES,
  ...STRUCTURE_CASES,
  ...MEDIA_CASES,
  ...BLOCKED_AND_EMPTY_CASES,
];
