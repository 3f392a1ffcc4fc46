import { load } from "cheerio";
import { readAppObject } from "./content-fields";
import { pageIdentity, sameName } from "./content-identity";
import { findJsonApps, nameOf } from "./content-json";
import { visibleScreenshots, visibleVideo } from "./content-media";
import { readMicrodataApp } from "./content-microdata";
import {
  metaSummary,
  visibleCategories,
  visibleDescription,
  visibleName,
  visiblePricing,
  visibleTagline,
} from "./content-page";
import { titleName } from "./content-dom";
import { pageDocuments } from "./listing-page";
import { emptyContent, type ListingContent } from "./types";

/**
 * What a listing page says about the app, as a partner compares it over time: name, summary,
 * description, screenshots, video, categories and pricing link. The page's format is not
 * documented, so each is looked for where the rating is: the app's own object in JSON-LD, Next.js
 * page data, flight data or other JSON (./content-json.ts, ./content-fields.ts), then its microdata
 * item, then what a visitor sees (./content-page.ts, ./content-media.ts). A page also shows other
 * apps, sometimes first and in the same shapes: the listing's data is the one its client id, its
 * address (as fetched, canonical or og:url) or its name names. What is not found is null (or
 * empty): never guessed, never borrowed from another app.
 */
export type { ListingContent };

/** Each field from the first source that has it. */
function merge(...sources: ListingContent[]): ListingContent {
  const out: ListingContent = emptyContent();
  for (const s of sources) {
    out.name ??= s.name;
    out.summary ??= s.summary;
    out.description ??= s.description;
    out.video ??= s.video;
    out.pricingUrl ??= s.pricingUrl;
    if (!out.screenshots.length) out.screenshots = s.screenshots;
    if (!out.categories.length) out.categories = s.categories;
  }
  return out;
}

export function readListingContent(
  html: string,
  { url, clientId }: { url: string; clientId?: string },
): ListingContent {
  const $ = load(html);
  const identity = pageIdentity($, url, clientId);
  const documents = pageDocuments($);
  const apps = findJsonApps(
    (["json-ld", "next-data", "flight", "json"] as const).flatMap((source) => documents[source].values),
    identity,
  );
  const shownName = visibleName($, identity);
  // An app object nothing names is the listing's when it bears the listing's name; with no name shown
  // anywhere, the one app object on the page is.
  const named = apps.anonymous.filter((o) => nameOf(o) === null || sameName(nameOf(o), shownName));
  const chosen = [...apps.self, ...named];
  if (!chosen.length && !shownName && apps.anonymous.length) chosen.push(apps.anonymous[0]!);
  const fromJson = chosen.map((o) => {
    const content = readAppObject(o, apps, url);
    // A page-level object may carry the page's title as its name.
    return { ...content, name: content.name && titleName(content.name) };
  });

  const micro = readMicrodataApp($, identity, fromJson.find((c) => c.name)?.name ?? shownName);
  const categories = visibleCategories($, identity);
  const visible: ListingContent = {
    name: shownName,
    summary: visibleTagline($, identity) ?? metaSummary($),
    description: visibleDescription($, identity),
    screenshots: visibleScreenshots(
      $,
      identity,
      fromJson.flatMap((c) => c.icons),
    ),
    video: visibleVideo($, identity),
    categories: categories.shown,
    pricingUrl: visiblePricing($, identity),
  };
  const trail = {
    ...emptyContent(),
    categories: [...new Set([...categories.breadcrumbs, ...apps.breadcrumbCategories])],
  };
  const sources = [...fromJson.map(({ icons: _icons, ...content }) => content), micro, visible, trail];
  const merged = merge(...sources);
  // A description that only repeats the summary (schema.org's `description` is often the tagline)
  // gives way to a longer one the page shows.
  const same = (a: string, b: string | null) => a.replace(/\s+/g, " ").trim() === b?.replace(/\s+/g, " ").trim();
  const distinct = sources.map((s) => s.description).find((d) => d && !same(d, merged.summary));
  return { ...merged, description: distinct ?? merged.description };
}
