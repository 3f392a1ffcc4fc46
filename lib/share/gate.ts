import { localDay } from "@/lib/analytics/time";
import { prismaClient } from "@/lib/db-client";
import { log } from "@/lib/log";

/**
 * What the proxy needs to know about a share link on every request, kept in memory so that
 * serving a share page costs no database query and no render. Revoking a link or changing its
 * expiry calls `forgetShareLink`, which takes effect at once in this process; the short TTL
 * bounds how long another process could keep an outdated answer.
 */
export type GateAnswer = { status: "ok"; id: string } | { status: "gone" } | { status: "missing" };

type Entry = { id: string | null; expiresAt: number | null; revoked: boolean; loadedAt: number };

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const FLUSH_MS = 2_000;

type GateState = {
  links: Map<string, Entry>;
  views: Map<string, { count: number; last: number }>;
  timer: NodeJS.Timeout | null;
};
const state: GateState = ((globalThis as unknown as { __shareGate?: GateState }).__shareGate ??= {
  links: new Map(),
  views: new Map(),
  timer: null,
});

async function load(hash: string, now: number): Promise<Entry> {
  const row = await prismaClient().shareLink.findUnique({
    where: { tokenHash: hash },
    select: { id: true, expiresAt: true, revokedAt: true, app: { select: { archivedAt: true } } },
  });
  const entry: Entry = row
    ? { id: row.id, expiresAt: row.expiresAt?.getTime() ?? null, revoked: row.revokedAt !== null || row.app.archivedAt !== null, loadedAt: now }
    : { id: null, expiresAt: null, revoked: false, loadedAt: now };
  if (state.links.size >= MAX_ENTRIES) state.links.delete(state.links.keys().next().value!);
  state.links.set(hash, entry);
  return entry;
}

export async function checkShareLink(hash: string, now = Date.now()): Promise<GateAnswer> {
  let entry = state.links.get(hash);
  if (!entry || now - entry.loadedAt > TTL_MS) entry = await load(hash, now);
  if (!entry.id) return { status: "missing" };
  if (entry.revoked || (entry.expiresAt !== null && entry.expiresAt <= now)) return { status: "gone" };
  return { status: "ok", id: entry.id };
}

export function forgetShareLink(hash: string) {
  state.links.delete(hash);
}

/** Counts a view in memory; the counts reach the database every two seconds in one write per link. */
export function countShareView(id: string, now = Date.now()) {
  const current = state.views.get(id);
  state.views.set(id, { count: (current?.count ?? 0) + 1, last: now });
  state.timer ??= setTimeout(() => void flushShareViews(), FLUSH_MS);
  state.timer.unref?.();
}

export async function flushShareViews() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = [...state.views];
  state.views.clear();
  for (const [id, { count, last }] of batch) {
    try {
      const db = prismaClient();
      const link = await db.shareLink.findUnique({ where: { id }, select: { appId: true, app: { select: { workspace: { select: { timeZone: true } } } } } });
      if (!link) continue;
      // The link's total, and the app's views of the day (in the workspace's time zone) for analytics.
      const day = localDay(last, link.app.workspace.timeZone);
      await db.$transaction([
        db.shareLink.updateMany({ where: { id }, data: { views: { increment: count }, lastViewedAt: new Date(last) } }),
        db.shareViewDaily.upsert({ where: { appId_day: { appId: link.appId, day } }, create: { appId: link.appId, day, views: count }, update: { views: { increment: count } } }),
      ]);
    } catch (error) {
      log().error({ err: error }, "Could not record share-link views");
    }
  }
}
