import "server-only";
import { env } from "@/lib/env";
import { reviewLink } from "@/lib/marketplace/listing-url";
import { defaultListingUrl } from "@/lib/marketplace/identity";

type Listed = { name: string; clientId: string; listingUrl: string | null };

/** The Marketplace page the sync reads: the one the partner set, or the default address. */
export const listingUrlOf = (app: Listed) =>
  app.listingUrl ?? defaultListingUrl(env().MARKETPLACE_URL, app.name, app.clientId);

/** Where a review sits on its app's Marketplace page. */
export const reviewLinkOf = (app: Listed, anchor: string | null) => reviewLink(listingUrlOf(app), anchor);
