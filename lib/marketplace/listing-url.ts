import { kebabCase } from "es-toolkit/compat";
import { z } from "zod";

/**
 * The address of an app's public Marketplace page, as a partner may paste it: on the Marketplace's
 * host, `/<lang>/marketplace/app/<slug>/<client_id>`, and the app's own client id (Pipedrive's
 * Marketplace team may rename a listing, which changes the slug, never the client id). Used by the
 * settings form in the browser and by the server, with the same messages.
 */

export type ListingUrlContext = {
  /** The Marketplace's origin (MARKETPLACE_URL), e.g. https://www.pipedrive.com. */
  marketplace: string;
  clientId: string;
};

const PATH = /^\/([a-z]{2}(?:-[a-z]{2})?)\/marketplace\/app\/([^/]+)\/([^/]+)\/?$/i;

export const exampleListingUrl = ({ marketplace, clientId }: ListingUrlContext) =>
  `${new URL(marketplace).origin}/en/marketplace/app/your-app-name/${clientId}`;

/** The URL in its stored form (no query, no fragment, no trailing slash), or the reason it is not a listing page of this app. */
export function normaliseListingUrl(
  raw: string,
  context: ListingUrlContext,
): { ok: true; url: string } | { ok: false; message: string } {
  const page = marketplaceAppUrl(raw, context.marketplace, exampleListingUrl(context));
  if (!page.ok) return page;
  if (page.clientId !== context.clientId)
    return {
      ok: false,
      message: `This address is for client ID ${page.clientId}, and this app's client ID is ${context.clientId}: its page address ends in /${context.clientId}`,
    };
  return { ok: true, url: page.url };
}

/**
 * Any app's public page on the Marketplace, as someone may paste it (scheme optional, query and
 * fragment dropped): its stored URL, slug and client id, or why it is not such a page.
 */
export function marketplaceAppUrl(
  raw: string,
  marketplace: string,
  example = `${new URL(marketplace).origin}/en/marketplace/app/app-name/client-id`,
): { ok: true; url: string; slug: string; clientId: string } | { ok: false; message: string } {
  const text = raw.trim();
  const base = new URL(marketplace);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${base.protocol}//${text}`;
  if (!URL.canParse(withScheme))
    return {
      ok: false,
      message: `Paste the address of the app's page on the Marketplace, e.g. ${example}`,
    };
  const url = new URL(withScheme);
  const sameHost =
    url.hostname === base.hostname ||
    url.hostname === base.hostname.replace(/^www\./, "") ||
    `www.${url.hostname}` === base.hostname;
  if (!sameHost || (base.port && url.port !== base.port))
    return { ok: false, message: `The page must be on the Marketplace, at ${base.host}` };
  if (url.protocol !== base.protocol) return { ok: false, message: `The address must start with ${base.protocol}//` };
  if (url.username || url.password)
    return { ok: false, message: "The address must not contain a user name or password" };
  const match = PATH.exec(url.pathname);
  if (!match)
    return {
      ok: false,
      message:
        "The address must look like …/en/marketplace/app/<app name>/<client ID>, as the app's page on the Marketplace shows it",
    };
  let clientId: string;
  let slug: string;
  try {
    clientId = decodeURIComponent(match[3]!);
    slug = decodeURIComponent(match[2]!);
  } catch {
    return { ok: false, message: "The client ID in the address is not readable" };
  }
  return {
    ok: true,
    url: `${base.origin}/${match[1]!.toLowerCase()}/marketplace/app/${match[2]}/${match[3]}`,
    slug,
    clientId,
  };
}

/** The form's schema: an empty field means "the default address". */
export const listingUrlSchema = (context: ListingUrlContext) =>
  z.object({
    listingUrl: z
      .string({ error: "The URL must be text" })
      .max(2000, "The URL must be at most 2,000 characters")
      .transform((value, ctx) => {
        if (!value.trim()) return null;
        const result = normaliseListingUrl(value, context);
        if (result.ok) return result.url;
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }),
  });

/** Where a review sits on the listing page: its own anchor, or the page's reviews section. */
export const reviewLink = (listingUrl: string, anchor: string | null) =>
  `${listingUrl}#${encodeURIComponent(anchor ?? "user-reviews")}`;

/**
 * Pipedrive's slug of an app name: kebab case with words split at case changes and accents
 * dropped, as lodash's `kebabCase` makes it ("RingCentral App Connect" → ring-central-app-connect).
 */
export function listingSlug(name: string): string {
  return kebabCase(name) || "app";
}

export function defaultListingUrl(base: string, name: string, clientId: string): string {
  return `${base.replace(/\/+$/, "")}/en/marketplace/app/${encodeURIComponent(listingSlug(name))}/${encodeURIComponent(clientId)}`;
}

type Listed = { name: string; clientId: string; listingUrl: string | null };

/** The Marketplace page the sync reads: the one the partner set, or the default address on `marketplace`. */
export const listingUrlOf = (app: Listed, marketplace: string) =>
  app.listingUrl ?? defaultListingUrl(marketplace, app.name, app.clientId);

/** Where a review sits on its app's Marketplace page. */
export const reviewLinkOf = (app: Listed, anchor: string | null, marketplace: string) =>
  reviewLink(listingUrlOf(app, marketplace), anchor);
