import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { avatar, usersMe } from "./api";
import { SEED_USERS, type EmulatorClient, type EmulatorUser } from "./data";
import { readBody, redirect, sendHtml, sendJson, type Req } from "./http";
import { listingFaultSchema, listingPage, listingSchema, ListingStore, mediaFile, type ListingInput } from "./listings";
import { collectionPage, collectionSchema, CollectionStore, type CollectionInput } from "./collections";
import { crmFaultSchema, crmHandle, crmRoute, CrmStore } from "./crm";
import { crmCompanyPage, crmIndexPage } from "./crm-page";
import {
  apiApp,
  apiModeSchema,
  apiSorted,
  MarketplaceApiState,
  robots,
  robotsSchema,
  sitemap,
} from "./marketplace-api";
import { authorizeGet, authorizePost, revokePost, tokenPost } from "./oauth";
import { EmulatorStore } from "./store";

export type EmulatorOptions = {
  port?: number;
  host?: string;
  clients?: EmulatorClient[];
  users?: EmulatorUser[];
  listings?: ListingInput[];
  collections?: CollectionInput[];
  now?: () => number;
  /** Milliseconds added before every answer, as a distant server's round trip (0: none). */
  latencyMs?: number;
};

export type Emulator = {
  url: string;
  store: EmulatorStore;
  listings: ListingStore;
  collections: CollectionStore;
  /** The Marketplace's JSON API: its mode, its category ids, the calls it answered. */
  marketplaceApi: MarketplaceApiState;
  /** Each company's own CRM data (organizations, persons, deals, leads, notes…) and its API's counters. */
  crm: CrmStore;
  server: Server;
  close: () => Promise<void>;
};

const companySchema = z.object({
  name: z.string().trim().min(1).max(100),
  users: z
    .array(z.object({ name: z.string().trim().min(1).max(100), isAdmin: z.boolean().optional() }))
    .min(1)
    .max(20),
});

const faultSchema = z.object({
  clientId: z.string().min(1),
  token: z.array(z.number().int().min(400).max(599)).default([]),
  usersMe: z.array(z.number().int().min(400).max(599)).default([]),
});

const uninstallSchema = z.object({
  clientId: z.string().min(1),
  userId: z.number().int(),
  timestamp: z.string().optional(),
});

const clientSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.string().url()).min(1),
  name: z.string().min(1),
  builtBy: z.string().min(1).default("Partner"),
  scopes: z.array(z.string()).default(["base"]),
});

/**
 * A local stand-in for Pipedrive's OAuth server and API, with the same endpoints and
 * answers, used by the demo and the browser tests. `/__emulator/*` lets tests seed data.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = new EmulatorStore(options.users ?? SEED_USERS, options.clients ?? [], options.now);
  const listings = new ListingStore();
  for (const l of options.listings ?? []) listings.put(l);
  const collections = new CollectionStore();
  for (const c of options.collections ?? []) collections.put(c);
  const marketplaceApi = new MarketplaceApiState();
  const crm = new CrmStore(store);
  let disallowed: string[] = [];
  let origin = "";

  const latencyMs = options.latencyMs ?? 0;
  const server = createServer(async (req, res) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const request = req as Req;
    const url = new URL(request.url, origin);
    const route = `${req.method} ${url.pathname.replace(/\/+$/, "") || "/"}`;
    try {
      switch (route) {
        case "GET /oauth/authorize":
          return authorizeGet(store, request, res, url);
        case "POST /oauth/authorize":
          return await authorizePost(store, request, res);
        case "POST /oauth/token":
          return await tokenPost(store, request, res, origin);
        case "POST /oauth/revoke":
          return await revokePost(store, request, res);
        case "GET /v1/users/me":
        case "GET /api/v1/users/me":
          return usersMe(store, request, res, origin);
        case "GET /__emulator/health":
          return sendJson(res, 200, { ok: true });
        case "POST /__emulator/companies": {
          const body = companySchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          return sendJson(res, 201, { users: store.addCompany(body.data.name, body.data.users) });
        }
        case "POST /__emulator/faults": {
          // The next calls of a client answer these statuses: {"clientId", "token": [500], "usersMe": [502]}.
          const body = faultSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          store.faults.set(body.data.clientId, { token: body.data.token, usersMe: body.data.usersMe });
          return sendJson(res, 200, { ok: true });
        }
        case "POST /__emulator/uninstall": {
          // What Pipedrive does when a user uninstalls: DELETE on the app's callback URL, Basic auth, JSON body.
          const body = uninstallSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          const client = store.clients.get(body.data.clientId);
          const user = store.users.get(body.data.userId);
          if (!client || !user) return sendJson(res, 404, { error: "unknown client or user" });
          const sent = await fetch(client.redirectUris[0]!, {
            method: "DELETE",
            headers: {
              authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
              "content-type": "application/json",
            },
            body: JSON.stringify({
              client_id: client.clientId,
              company_id: user.companyId,
              user_id: String(user.id),
              timestamp: body.data.timestamp ?? new Date().toISOString().slice(0, 19).replace("T", " "),
            }),
          });
          return sendJson(res, 200, { status: sent.status });
        }
        case "POST /__emulator/listings": {
          // Creates or replaces the public listing page of a client id.
          const body = listingSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          const listing = listings.put(body.data);
          return sendJson(res, 201, { url: `${origin}/en/marketplace/app/${listing.slug}/${listing.clientId}` });
        }
        case "POST /__emulator/listing-faults": {
          // The next requests of a listing page answer these faults, in order.
          const body = listingFaultSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          listings.faults.set(body.data.clientId, body.data.faults);
          return sendJson(res, 200, { ok: true });
        }
        case "POST /__emulator/collections": {
          // Creates or replaces a collection or category page: its apps in rank order, its shape and page size.
          const body = collectionSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          const list = collections.put(body.data);
          return sendJson(res, 201, {
            url: `${origin}/en/marketplace/${list.kind === "collection" ? "collections" : "categories"}/${list.key}`,
          });
        }
        case "POST /__emulator/marketplace-api": {
          // The Marketplace's JSON API: on, off (404), 403, a bot check, or renamed fields.
          const body = apiModeSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          marketplaceApi.mode = body.data.mode;
          return sendJson(res, 200, { ok: true });
        }
        case "POST /__emulator/robots": {
          // What robots.txt disallows: {"disallow": ["/en/marketplace/app/"]}.
          const body = robotsSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          disallowed = body.data.disallow;
          return sendJson(res, 200, { ok: true });
        }
        case "GET /robots.txt":
          return robots(disallowed, res, origin);
        case "GET /sitemap.xml":
          return sitemap(listings, res, origin);
        case "GET /api/v1/marketplace/apps/sorted":
          return apiSorted(marketplaceApi, listings, collections, res, url.searchParams);
        case "POST /__emulator/crm/faults": {
          // A company's next CRM API calls answer these: {"companyId", "statuses": [429, 503], "retryAfter": 2}.
          const body = crmFaultSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          crm.faults.set(body.data.companyId, { statuses: body.data.statuses, retryAfter: body.data.retryAfter });
          return sendJson(res, 200, { ok: true });
        }
        case "GET /crm":
          return sendHtml(res, 200, crmIndexPage(crm));
        case "POST /__emulator/clients": {
          const body = clientSchema.safeParse(JSON.parse((await readBody(request)) || "null"));
          if (!body.success) return sendJson(res, 400, { error: body.error.issues[0]?.message });
          store.registerClient(body.data);
          return sendJson(res, 201, { ok: true });
        }
      }
      const crmApi = crmRoute(url.pathname);
      if (crmApi) return await crmHandle(crm, request, res, url, crmApi, origin);
      const crmMatch = /^GET \/(__emulator\/)?crm\/(\d+)$/.exec(route);
      if (crmMatch) {
        // What a company holds: JSON for tests under /__emulator, a readable page for people.
        const company = crm.peek(Number(crmMatch[2]));
        if (crmMatch[1])
          return company
            ? sendJson(res, 200, crm.snapshot(company, origin))
            : sendJson(res, 404, { error: "unknown company" });
        return company ? sendHtml(res, 200, crmCompanyPage(company)) : sendHtml(res, 404, "<p>Unknown company</p>");
      }
      const listingMatch = /^GET \/[a-z]{2}\/marketplace\/app\/([^/]+)\/([^/]+)$/.exec(route);
      if (listingMatch)
        return await listingPage(
          listings,
          res,
          decodeURIComponent(listingMatch[1]!),
          decodeURIComponent(listingMatch[2]!),
          req.headers["user-agent"] ?? null,
          origin,
        );
      const apiMatch = /^GET \/api\/v1\/marketplace\/apps\/([^/]+)$/.exec(route);
      if (apiMatch) return apiApp(marketplaceApi, listings, res, decodeURIComponent(apiMatch[1]!), origin);
      const mediaMatch = /^GET \/__emulator\/media\/([^/]+)\.png$/.exec(route);
      if (mediaMatch) return await mediaFile(listings, res, decodeURIComponent(mediaMatch[1]!));
      const collectionMatch = /^GET \/[a-z]{2}\/marketplace\/(collections|categories)\/([a-z0-9-]+)$/.exec(route);
      if (collectionMatch)
        return collectionPage(
          collections,
          listings,
          res,
          collectionMatch[1] === "collections" ? "collection" : "category",
          collectionMatch[2]!,
          Number(url.searchParams.get("page") ?? "1"),
          origin,
        );
      const removeMatch = /^DELETE \/__emulator\/listings\/([^/]+)$/.exec(route);
      if (removeMatch) {
        // The app leaves the Marketplace: its page, its API answer and its sitemap entry are gone.
        listings.listings.delete(decodeURIComponent(removeMatch[1]!));
        return sendJson(res, 200, { ok: true });
      }
      const requestsMatch = /^GET \/__emulator\/listings\/([^/]+)\/requests$/.exec(route);
      if (requestsMatch)
        return sendJson(
          res,
          200,
          listings.requests.get(decodeURIComponent(requestsMatch[1]!)) ?? { count: 0, userAgent: null },
        );
      // Pipedrive's web app pages of a record (links from Listing Studio): here, the list of every company's CRM.
      if (/^GET \/(organization|person|deal|leads\/inbox)\/[^/]+$/.test(route)) return redirect(res, "/crm");
      const avatarMatch = /^GET \/avatars\/(\d+)\.svg$/.exec(route);
      if (avatarMatch) return avatar(store, res, Number(avatarMatch[1]));
      sendJson(res, 404, { success: false, error: `Not found: ${route}` });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 400, { success: false, error: (error as Error).message });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "localhost", resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://localhost:${port}`;
  return {
    url: origin,
    store,
    listings,
    collections,
    marketplaceApi,
    crm,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
