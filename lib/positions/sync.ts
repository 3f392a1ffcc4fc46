import "server-only";
import { db } from "@/lib/db";
import { localDay } from "@/lib/days";
import { env } from "@/lib/server/env";
import { CollectionParseError, readCollection, type CollectionRanks } from "@/lib/marketplace/collection-page";
import { API_PAGE_SIZE, ApiUnavailable, fetchApiList } from "@/lib/marketplace/api";
import { categoryIdOf } from "./category-map";
import { fetchListingPage, PageFetchError, type FetchPageOptions } from "@/lib/marketplace/fetch-page";
import { outboundPolicy } from "@/lib/net/policy";
import { categoriesOf, listId, listsFor, listUrl, type MarketplaceList } from "./lists";

type ListRead = Pick<CollectionRanks, "ranks" | "size" | "complete">;

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** The sort the API is asked for a category's list (the order a category page shows, as public code asks it). */
const CATEGORY_SORT = "trending";

/**
 * A list from the Marketplace's API: pages of API_PAGE_SIZE from page 0, positions continuing across
 * pages (page 2 starts at 13), complete only when the stated total was reached. A category is asked by
 * its numeric id, once the id ↔ name map knows it; null when the API cannot be asked for this list.
 */
export async function readListFromApi(list: MarketplaceList, options: FetchPageOptions): Promise<ListRead | null> {
  const category = list.kind === "CATEGORY" ? await categoryIdOf(list.name) : null;
  if (list.kind === "CATEGORY" && category === null) return null;
  const ranks: ListRead["ranks"] = [];
  const seen = new Set<string>();
  let total: number | null = null;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const { list: got } = await fetchApiList(
      { sort: list.kind === "COLLECTION" ? list.key : CATEGORY_SORT, category, page },
      options,
    );
    total = got.total ?? total;
    for (const [i, a] of got.apps.entries()) {
      if (seen.has(a.clientId)) continue;
      seen.add(a.clientId);
      ranks.push({ clientId: a.clientId, slug: a.slug, name: a.name, rank: page * API_PAGE_SIZE + i + 1 });
    }
    if ((total !== null && ranks.length >= total) || got.apps.length < API_PAGE_SIZE) break;
  }
  return { ranks, size: Math.max(total ?? 0, ranks.length), complete: total !== null && ranks.length >= total };
}

/** A change of an app's position since its last snapshot in that list. */
export type RankChange = { appId: string; list: MarketplaceList; from: number | null; to: number | null };

/** At most this many pages of one list are read per run (the Marketplace is read politely). */
export const MAX_LIST_PAGES = 10;

/** The first apps of each category kept for competitor suggestions. */
export const LEADERS_KEPT = 10;

/**
 * Records where each published app of the workspace stands today in every collection and in each of
 * its categories: each list is read once for all the apps in it — from the Marketplace's API when it
 * answers, from the list's pages otherwise — through the Marketplace client. A
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
    // An app without its client ID cannot be told apart in a list: no place is stored for it, not even "not listed".
    where: { workspaceId, type: "PUBLIC", status: "PUBLISHED", archivedAt: null, clientId: { not: "" } },
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
  // Once the API refuses (off, 403, a bot check), the run's other lists go straight to the pages.
  let apiDown: string | null = null;
  for (const { list, subjects } of lists.values()) {
    let read: ListRead | null = null;
    let apiProblem: string | null = apiDown;
    if (!apiDown)
      try {
        read = await readListFromApi(list, options);
      } catch (error) {
        if (!(error instanceof ApiUnavailable)) throw error;
        apiProblem = error.message;
        // Gone or refused for one list is gone or refused for all; a list it cannot serve is that list's.
        if (["off", "not-found", "forbidden", "challenge"].includes(error.problem)) apiDown = error.message;
      }
    if (!read)
      try {
        read = await readCollection(
          listUrl(env().MARKETPLACE_URL, list),
          (url) => fetchListingPage(url, { ...options, what: "The list's page" }),
          {
            maxPages: MAX_LIST_PAGES,
          },
        );
      } catch (error) {
        if (!(error instanceof CollectionParseError || error instanceof PageFetchError)) throw error;
        errors.push(`${list.name}: ${error.message}${apiProblem ? ` (and ${lowerFirst(apiProblem)})` : ""}`);
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
      const data = { runId, listName: list.name, rank, listSize: read.size, takenAt: now };
      const key = { listKind: list.kind, listKey: list.key, day };
      const existing = await db.rankSnapshot.findFirst({ where: { ...who, ...key }, select: { id: true, rank: true } });
      // A move is from the last rank known: today's earlier read if there was one (a second sync the same
      // day reports only what moved since), else the day before's.
      const known =
        existing ??
        (await db.rankSnapshot.findFirst({
          where: { ...who, listKind: list.kind, listKey: list.key, day: { lt: day } },
          orderBy: { day: "desc" },
          select: { rank: true },
        }));
      if (existing) await db.rankSnapshot.update({ where: { id: existing.id }, data });
      else await db.rankSnapshot.create({ data: { ...who, ...key, ...data } });
      stored++;
      if (subject.appId && known && known.rank !== rank)
        changes.push({ appId: subject.appId, list, from: known.rank, to: rank });
    }
  }
  return { changes, errors, stored };
}
