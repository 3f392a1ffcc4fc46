import "server-only";
import { db } from "@/lib/db";
import { localDay } from "@/lib/days";
import { env } from "@/lib/env";
import { CollectionParseError, readCollection } from "@/lib/marketplace/collection-page";
import { fetchListingPage, PageFetchError, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { outboundPolicy } from "@/lib/net/policy";
import { categoriesOf, listId, listsFor, listUrl, type MarketplaceList } from "./lists";

/** A change of an app's position since its last snapshot in that list. */
export type RankChange = { appId: string; list: MarketplaceList; from: number | null; to: number | null };

/** At most this many pages of one list are read per run (the Marketplace is read politely). */
export const MAX_LIST_PAGES = 10;

/** The first apps of each category kept for competitor suggestions. */
export const LEADERS_KEPT = 10;

/**
 * Records where each published app of the workspace stands today in every collection and in each of
 * its categories: each list is read once for all the apps in it, through the Marketplace client. A
 * list that cannot be read stores nothing (its reason is returned); an app missing from a list read
 * only in part stores nothing either — a position is never invented. Answers the changes since each
 * app's previous position in each list.
 */
export async function syncPositions(
  workspaceId: string,
  { runId = null, now = new Date(), fetch = {} }: { runId?: string | null; now?: Date; fetch?: FetchPageOptions } = {},
): Promise<{ changes: RankChange[]; errors: string[]; stored: number }> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const day = localDay(now, workspace.timeZone);
  const apps = await db.app.findMany({
    where: { workspaceId, type: "PUBLIC", status: "PUBLISHED", archivedAt: null },
    select: {
      id: true,
      clientId: true,
      draft: { select: { data: true } },
      // Competitors are placed in the lists of the app they are compared with.
      competitors: { where: { removedAt: null }, select: { id: true, clientId: true } },
    },
  });
  type Subject = { appId: string | null; competitorId: string | null; clientId: string };
  const lists = new Map<string, { list: MarketplaceList; subjects: Subject[] }>();
  for (const app of apps)
    for (const list of listsFor(categoriesOf(app.draft?.data))) {
      const entry = lists.get(listId(list)) ?? { list, subjects: [] };
      entry.subjects.push({ appId: app.id, competitorId: null, clientId: app.clientId });
      for (const c of app.competitors) entry.subjects.push({ appId: null, competitorId: c.id, clientId: c.clientId });
      lists.set(listId(list), entry);
    }

  const changes: RankChange[] = [];
  const errors: string[] = [];
  let stored = 0;
  const options = { ...fetch, policy: fetch.policy ?? outboundPolicy() };
  for (const { list, subjects } of lists.values()) {
    let read;
    try {
      read = await readCollection(listUrl(env().MARKETPLACE_URL, list), (url) => fetchListingPage(url, options), {
        maxPages: MAX_LIST_PAGES,
      });
    } catch (error) {
      if (!(error instanceof CollectionParseError || error instanceof PageFetchError)) throw error;
      errors.push(`${list.name}: ${error.message}`);
      continue;
    }
    if (list.kind === "CATEGORY") {
      const leaders = read.ranks.slice(0, LEADERS_KEPT);
      await db.$transaction([
        db.listLeader.deleteMany({ where: { workspaceId, listKey: list.key } }),
        db.listLeader.createMany({
          data: leaders.map((r) => ({
            workspaceId,
            listKey: list.key,
            listName: list.name,
            clientId: r.clientId,
            slug: r.slug,
            name: r.name,
            rank: r.rank,
            readAt: now,
          })),
        }),
      ]);
    }
    for (const subject of subjects) {
      const rank = read.ranks.find((r) => r.clientId === subject.clientId)?.rank ?? null;
      if (rank === null && !read.complete) continue;
      const who = subject.appId ? { appId: subject.appId } : { competitorId: subject.competitorId! };
      const previous = await db.rankSnapshot.findFirst({
        where: { ...who, listKind: list.kind, listKey: list.key, day: { lt: day } },
        orderBy: { day: "desc" },
        select: { rank: true },
      });
      const data = { runId, listName: list.name, rank, listSize: read.size, takenAt: now };
      const key = { listKind: list.kind, listKey: list.key, day };
      const existing = await db.rankSnapshot.findFirst({ where: { ...who, ...key }, select: { id: true } });
      if (existing) await db.rankSnapshot.update({ where: { id: existing.id }, data });
      else await db.rankSnapshot.create({ data: { ...who, ...key, ...data } });
      stored++;
      if (subject.appId && previous && previous.rank !== rank)
        changes.push({ appId: subject.appId, list, from: previous.rank, to: rank });
    }
  }
  return { changes, errors, stored };
}
