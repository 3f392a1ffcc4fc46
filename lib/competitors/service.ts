import "server-only";
import { z } from "zod";
import { auditBy } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { localDay } from "@/lib/days";
import { env } from "@/lib/server/env";
import { AppError, notFound } from "@/lib/errors";
import type { FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { ListingReadFailed } from "@/lib/marketplace/read-listing";
import { marketplaceAppUrl } from "@/lib/marketplace/listing-url";
import { takeRateLimit } from "@/lib/http/rate-limit";
import { appInWorkspace } from "@/lib/scope";
import { authorize } from "@/lib/team/permissions";
import { readCompetitorPage, storeCompetitorRead } from "./read";

/** How many competitors one app can follow: each is read on every sync, politely. */
export const MAX_COMPETITORS = 10;

const addSchema = z.strictObject({
  url: z.string({ error: "Paste the address of the app's page on the Marketplace" }).max(2000, "The URL is too long"),
});

const field = (message: string) => new AppError("VALIDATION", message, { url: message });

/**
 * Follows a public Marketplace app beside one of the workspace's apps, from its page's address. The
 * page is read first (same client, same limits as the sync): nothing is stored unless it is a public
 * app's page that can be read, and it is not one of the workspace's own apps or already followed.
 */
export async function addCompetitor(
  member: Member,
  appId: string,
  input: unknown,
  { fetch = {}, now = new Date() }: { fetch?: FetchPageOptions; now?: Date } = {},
) {
  authorize(member, "competitor.add");
  const app = await appInWorkspace(member, appId, "marketplace");
  const { url: raw } = addSchema.parse(input);
  if (!raw.trim()) throw field("Paste the address of the app's page on the Marketplace");
  const page = marketplaceAppUrl(raw, env().MARKETPLACE_URL);
  if (!page.ok) throw field(page.message);
  const own = await db.app.findFirst({
    where: { workspaceId: member.workspace.id, clientId: page.clientId },
    select: { name: true },
  });
  if (own) throw field(`That is the page of ${own.name}, one of your own apps: add another company's app`);
  const count = await db.competitor.count({ where: { appId: app.id } });
  if (await db.competitor.findUnique({ where: { appId_clientId: { appId: app.id, clientId: page.clientId } } }))
    throw field(`${app.name} already follows that app`);
  if (count >= MAX_COMPETITORS) throw field(`An app can follow at most ${MAX_COMPETITORS} competitors`);
  // Each add reads a page of the Marketplace: counted with the page checks, per workspace.
  const allowed = await takeRateLimit("pagecheck", `workspace:${member.workspace.id}`);
  if (!allowed.ok)
    throw new AppError("RATE_LIMITED", `Too many Marketplace pages read: try again in ${allowed.retryAfterSeconds} s`);

  let read;
  try {
    read = await readCompetitorPage(page.url, page.clientId, {
      attempts: 2,
      timeoutMs: 10_000,
      maxDelayMs: 5_000,
      ...fetch,
    });
  } catch (error) {
    if (!(error instanceof ListingReadFailed)) throw error;
    throw field(
      error.problem === "not-found"
        ? "There is no public Marketplace page at this address: the app may have been removed, or the address mistyped"
        : error.problem === "not-a-listing" || error.problem === "changed"
          ? `This is not a Marketplace app page Listing Studio can read: ${error.message}`
          : `The page could not be read: ${error.message}`,
    );
  }
  const day = localDay(now, (await db.workspace.findUniqueOrThrow({ where: { id: member.workspace.id } })).timeZone);
  const competitor = await db.$transaction(async (tx) => {
    const created = await tx.competitor.create({
      data: {
        workspaceId: member.workspace.id,
        appId: app.id,
        clientId: page.clientId,
        name: read.name ?? page.slug,
        // Where the listing is now, when the address pasted is an old one.
        url: read.url,
        createdById: member.user.id,
      },
    });
    await storeCompetitorRead(created.id, read, { day, now, baseline: true }, tx);
    return created;
  });
  await auditBy(
    member,
    "competitor.add",
    { type: "competitor", id: competitor.id, name: competitor.name },
    {
      app: app.name,
      url: page.url,
    },
  );
  return { id: competitor.id, name: competitor.name };
}

export async function removeCompetitor(member: Member, competitorId: unknown) {
  authorize(member, "competitor.remove");
  const competitor =
    typeof competitorId === "string" && competitorId.length <= 64
      ? await db.competitor.findFirst({ where: { id: competitorId, workspaceId: member.workspace.id } })
      : null;
  if (!competitor) throw notFound("Competitor");
  await db.competitor.delete({ where: { id: competitor.id } });
  await auditBy(member, "competitor.remove", { type: "competitor", id: competitor.id, name: competitor.name });
}
