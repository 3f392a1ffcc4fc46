/** What each corpus case holds (the conventions of its values are in cases.ts), and the helpers that write one. */

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
export const r = (author: string, stars: number, date: string | null, textStartsWith: string): Review => ({
  author,
  stars,
  date,
  textStartsWith,
});

export const PD = "https://www.pipedrive.com";
/** The usual fetch time; cases with relative dates say what they resolve to against it. */
export const FETCHED = "2026-12-10T12:00:00.000Z";
export const classOf = (file: string) => file.replace(/-\d+\.html$/, "");
export const listingCase = (
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
