import "server-only";
import type { Member } from "@/lib/authz";
import { auditBy } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { ListingReadFailed, readListing } from "@/lib/marketplace/read-listing";
import { defaultListingUrl, listingUrlSchema } from "@/lib/marketplace/listing-url";
import { outboundPolicy } from "@/lib/net/policy";
import { takeRateLimit } from "@/lib/http/rate-limit";
import { SYNC_PROBLEMS, type SyncProblem } from "./report";
import { authorize } from "@/lib/team/permissions";
import { requireFeature } from "@/lib/app-types";
import { getApp } from "@/lib/apps/service";
import type { ListingPageCheck, MarketplacePageSettings } from "./types";

/**
 * The public Marketplace page of an app: its address (the default one, or one the partner set
 * because Pipedrive's Marketplace team renamed the listing), and a Check that reads the listing the
 * way the sync would and says what it would store and where each figure came from — storing nothing.
 */

export async function marketplacePage(member: Member, appId: string): Promise<MarketplacePageSettings> {
  const app = await getApp(member, appId);
  const marketplace = new URL(env().MARKETPLACE_URL).origin;
  const defaultUrl = defaultListingUrl(marketplace, app.name, app.clientId);
  return { marketplace, defaultUrl, customUrl: app.listingUrl, url: app.listingUrl ?? defaultUrl };
}

async function editableApp(member: Member, appId: string) {
  authorize(member, "sync.listing-url");
  const app = await getApp(member, appId);
  requireFeature(app, "marketplace");
  return app;
}

const schemaFor = (clientId: string) => listingUrlSchema({ marketplace: env().MARKETPLACE_URL, clientId });

/** Sets the address (an empty one goes back to the default). */
export async function updateListingUrl(
  member: Member,
  appId: string,
  input: unknown,
): Promise<MarketplacePageSettings> {
  const app = await editableApp(member, appId);
  const { listingUrl } = schemaFor(app.clientId).parse(input);
  if (listingUrl !== app.listingUrl) {
    await db.app.update({ where: { id: app.id }, data: { listingUrl } });
    await auditBy(
      member,
      "app.listing_url",
      { type: "app", id: app.id, name: app.name },
      { listingUrl: [app.listingUrl ?? "default", listingUrl ?? "default"] },
    );
  }
  return marketplacePage(member, appId);
}

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

/**
 * Reads the listing at the address given (or the current one) as the sync would — the Marketplace's
 * API first, then the page — and stores nothing.
 */
export async function checkListingPage(member: Member, appId: string, input: unknown): Promise<ListingPageCheck> {
  const app = await editableApp(member, appId);
  const { listingUrl } = schemaFor(app.clientId).parse(input);
  const url = listingUrl ?? defaultListingUrl(env().MARKETPLACE_URL, app.name, app.clientId);
  const verdict = await takeRateLimit("pagecheck", `workspace:${member.workspace.id}`);
  if (!verdict.ok) throw new AppError("RATE_LIMITED", `Too many checks: try again in ${verdict.retryAfterSeconds} s`);
  try {
    const { listing, report } = await readListing(
      { url, clientId: app.clientId },
      { policy: outboundPolicy(), attempts: 2, timeoutMs: 10_000, maxDelayMs: 5_000, content: false },
    );
    return {
      ok: true,
      url,
      outcome: report.outcome === "no-reviews" ? "no-reviews" : report.outcome === "partial" ? "partial" : "read",
      summary: report.summary,
      ratingAverage: listing.ratingAverage,
      reviewCount: listing.reviewCount,
      installBand: listing.installBand,
      votes: listing.votes,
      reviewsShown: listing.reviews.length,
      sample: [...listing.reviews]
        .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0))
        .slice(0, 3)
        .map((r) => ({ author: r.author, stars: r.stars, date: r.date?.toISOString() ?? null, text: excerpt(r.text) })),
      sources: report.sources,
      notes: report.notes,
      warnings: report.warnings ?? [],
      api: report.api ?? null,
      figures: report.figures ?? null,
      moved: report.moved ?? null,
    };
  } catch (error) {
    if (!(error instanceof ListingReadFailed)) throw error;
    const problem = SYNC_PROBLEMS.includes(error.problem as SyncProblem)
      ? (error.problem as SyncProblem)
      : "unexpected";
    return {
      ok: false,
      url,
      problem,
      message: error.message,
      sources: error.report.sources,
      api: error.report.api ?? null,
    };
  }
}
