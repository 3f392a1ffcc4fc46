import { parseApiApp, parseApiList } from "./api";
import type { Capture } from "./capture-format";
import { challengeTitle } from "./challenge";
import { CollectionParseError, parseCollectionPage } from "./collection-page";
import { readListingContent } from "./listing-content";
import { listingAddress } from "./listing-lookup";
import { ListingParseError, parseListingPage } from "./listing-page";

/**
 * Every reader over one captured answer of the Marketplace, as `npm run marketplace:replay` prints it
 * and the readers' tests compare it (lib/marketplace/captures/): what each reader made of it, in
 * figures (`readings`) and in the words of its parse report (`lines`). A reader that fails says why;
 * nothing here fetches anything.
 */
export type Readings = {
  bot?: string | null;
  listing?:
    | { outcome: string; rating: number | null; count: number | null; reviews: number; warnings: string[] }
    | { failed: string };
  content?: { name: string | null; screenshots: number; video: string | null; categories: string[] };
  collection?:
    { entries: number; total: number | null; first: string | null; next: string | null } | { failed: string };
  api?: { app: { name: string | null; rating: number | null; count: number | null; reviews: number | null } | null } & {
    list: { apps: number; total: number | null } | null;
  };
};

export type Replay = { readings: Readings; lines: string[] };

const isApi = (capture: Capture) => capture.meta.kind === "API" || /\/api\//.test(new URL(capture.meta.url).pathname);

export function replayCapture(capture: Capture): Replay {
  const { meta, body } = capture;
  const readings: Readings = {};
  const lines: string[] = [];
  const url = meta.finalUrl || meta.url;
  const clientId = meta.clientId ?? listingAddress(url)?.clientId ?? null;
  if (isApi(capture)) {
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      lines.push("The API's answer is not JSON");
    }
    const app = clientId ? parseApiApp(json, clientId) : null;
    const list = parseApiList(json);
    readings.api = {
      app: app
        ? { name: app.name, rating: app.ratingAverage, count: app.reviewCount, reviews: app.reviews?.length ?? null }
        : null,
      list: list ? { apps: list.apps.length, total: list.total } : null,
    };
    lines.push(
      app
        ? `API app ${clientId}: ${app.name}, rating ${app.ratingAverage ?? "none"}, ${app.reviewCount ?? "no"} reviews counted${app.reviews ? `, ${app.reviews.length} carried` : ""} (${app.notes.join("; ") || "no figures"})`
        : `API app: ${clientId ? "not a shape known here" : "no client id to look for"}`,
      list
        ? `API list: ${list.apps.length} apps, total ${list.total ?? "not stated"}`
        : "API list: not a shape known here",
    );
    return { readings, lines };
  }

  readings.bot = challengeTitle(body);
  lines.push(`HTTP ${meta.status} from ${url}${readings.bot ? ` — a bot check ("${readings.bot}")` : ""}`);
  if (meta.kind !== "COLLECTION") {
    if (clientId) {
      try {
        const parsed = parseListingPage(body, { clientId, url, fetchedAt: new Date(meta.fetchedAt) });
        readings.listing = {
          outcome: parsed.report.outcome,
          rating: parsed.ratingAverage,
          count: parsed.reviewCount,
          reviews: parsed.reviews.length,
          warnings: parsed.report.warnings ?? [],
        };
        lines.push(`Listing: ${parsed.report.outcome} — ${parsed.report.summary}`);
        for (const s of parsed.report.sources.filter((s) => s.found || s.read))
          lines.push(
            `  ${s.source} (${s.found} found): ${s.read ?? "nothing read"}${s.skipped.length ? ` — skipped: ${s.skipped.join("; ")}` : ""}`,
          );
        for (const w of parsed.report.warnings ?? []) lines.push(`  warning: ${w}`);
        for (const n of parsed.report.notes) lines.push(`  note: ${n}`);
      } catch (error) {
        if (!(error instanceof ListingParseError)) throw error;
        readings.listing = { failed: error.kind };
        lines.push(`Listing: failed (${error.kind}) — ${error.message}`);
      }
      // A bot check's page says nothing about the app.
      if (readings.bot) return { readings, lines };
      const content = readListingContent(body, { url, clientId });
      readings.content = {
        name: content.name,
        screenshots: content.screenshots.length,
        video: content.video,
        categories: content.categories,
      };
      lines.push(
        `Content: name ${content.name ?? "none"}, ${content.screenshots.length} screenshots, video ${content.video ?? "none"}, categories ${content.categories.join(", ") || "none"}`,
      );
    } else lines.push("Listing: no client id (neither in response.json nor in the address): not read");
  }
  if (meta.kind !== "LISTING") {
    try {
      const page = parseCollectionPage(body, url);
      readings.collection = {
        entries: page.entries.length,
        total: page.total,
        first: page.entries[0]?.clientId ?? null,
        next: page.next,
      };
      lines.push(
        `Collection: ${page.entries.length} apps (page ${page.page}, from ${page.source}), total ${page.total ?? "not stated"}, next page ${page.next ?? "none"}`,
      );
      for (const n of page.notes) lines.push(`  note: ${n}`);
    } catch (error) {
      if (!(error instanceof CollectionParseError)) throw error;
      readings.collection = { failed: error.kind };
      lines.push(`Collection: failed (${error.kind}) — ${error.message}`);
    }
  }
  return { readings, lines };
}
