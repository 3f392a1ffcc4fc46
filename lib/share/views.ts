import { localDay } from "@/lib/days";
import { sqlConnection } from "@/lib/db/sql";
import { log } from "@/lib/server/log";

/**
 * Share-link views, written to the database within a tenth of a second, in one transaction for
 * all the views of that moment: the count survives a crash of the server but for that instant,
 * and the buffer never holds more than one batch.
 */
const FLUSH_MS = 100;
const MAX_PENDING = 1_000;

type Pending = { linkId: string; at: number };
type ViewState = { pending: Pending[]; timer: NodeJS.Timeout | null };
const state: ViewState = ((globalThis as unknown as { __shareViews?: ViewState }).__shareViews ??= {
  pending: [],
  timer: null,
});

export function countShareView(linkId: string, at = Date.now()) {
  state.pending.push({ linkId, at });
  if (state.pending.length >= MAX_PENDING) return void flushShareViews();
  state.timer ??= setTimeout(() => void flushShareViews(), FLUSH_MS);
  state.timer.unref?.();
}

const LINKS = `SELECT l.id, l.appId, w.timeZone FROM ShareLink l JOIN App a ON a.id = l.appId JOIN Workspace w ON w.id = a.workspaceId WHERE l.id = ?`;
const BUMP_LINK = `UPDATE ShareLink SET views = views + ?, lastViewedAt = ? WHERE id = ?`;
const BUMP_DAY = `INSERT INTO ShareViewDaily (appId, day, views) VALUES (?, ?, ?) ON CONFLICT (appId, day) DO UPDATE SET views = views + excluded.views`;

/** Writes the pending views: the links' totals and the apps' views per day (in the workspace's time zone). */
export function flushShareViews() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = state.pending;
  state.pending = [];
  if (batch.length === 0) return;
  try {
    const db = sqlConnection();
    const byLink = new Map<string, { count: number; last: number }>();
    for (const v of batch) {
      const seen = byLink.get(v.linkId);
      byLink.set(v.linkId, { count: (seen?.count ?? 0) + 1, last: Math.max(seen?.last ?? 0, v.at) });
    }
    db.transaction(() => {
      for (const [id, { count, last }] of byLink) {
        const link = db.prepare(LINKS).get(id) as { id: string; appId: string; timeZone: string } | undefined;
        if (!link) continue;
        db.prepare(BUMP_LINK).run(count, new Date(last).toISOString(), id);
        db.prepare(BUMP_DAY).run(link.appId, localDay(last, link.timeZone), count);
      }
    })();
  } catch (error) {
    log().error({ err: error, views: batch.length }, "Could not record share-link views");
  }
}
