import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { defaultListingUrl } from "@/lib/marketplace/listing-url";
import { categoriesOf, categoryList } from "@/lib/positions/lists";
import { appInWorkspace } from "@/lib/scope";
import type { CompetitorSuggestion } from "./types";

/** Suggestions shown at most. */
export const SUGGESTIONS = 6;

/**
 * Apps to compare with: the first apps of the app's own categories, as the last sync read their
 * pages, best placed first — never one of the workspace's apps or one already followed.
 */
export async function competitorSuggestions(member: Member, appId: string): Promise<CompetitorSuggestion[]> {
  const app = await appInWorkspace(member, appId, "marketplace");
  const draft = await db.listingDraft.findUnique({ where: { appId: app.id }, select: { data: true } });
  const keys = categoriesOf(draft?.data).map((c) => categoryList(c).key);
  if (!keys.length) return [];
  const [leaders, own, followed] = await Promise.all([
    db.listLeader.findMany({
      where: { workspaceId: member.workspace.id, listKey: { in: keys } },
      orderBy: [{ rank: "asc" }, { listName: "asc" }],
    }),
    db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { clientId: true } }),
    db.competitor.findMany({ where: { appId: app.id }, select: { clientId: true } }),
  ]);
  const excluded = new Set([...own, ...followed].map((r) => r.clientId));
  const byApp = new Map<string, CompetitorSuggestion>();
  for (const l of leaders) {
    if (excluded.has(l.clientId)) continue;
    const name = l.name ?? l.slug ?? l.clientId;
    const known = byApp.get(l.clientId) ?? {
      clientId: l.clientId,
      name,
      url: l.slug
        ? `${env().MARKETPLACE_URL.replace(/\/+$/, "")}/en/marketplace/app/${encodeURIComponent(l.slug)}/${encodeURIComponent(l.clientId)}`
        : defaultListingUrl(env().MARKETPLACE_URL, name, l.clientId),
      places: [],
    };
    known.places.push({ list: l.listName, rank: l.rank });
    byApp.set(l.clientId, known);
  }
  return [...byApp.values()].slice(0, SUGGESTIONS);
}
