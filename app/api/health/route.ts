import { rawDb } from "@/lib/installs/raw-db";

export const dynamic = "force-dynamic";

/** WAL on a local file; a libSQL server manages its own journal and may not say. */
function journalMode(db: ReturnType<typeof rawDb>): string | null {
  try {
    return (db.prepare("PRAGMA journal_mode").get() as { journal_mode?: string } | undefined)?.journal_mode ?? null;
  } catch {
    return null;
  }
}

/**
 * For load balancers: 200 when the database answers (a read and the WAL mode), 503 otherwise.
 * Says nothing about data or configuration.
 */
export function GET() {
  const started = performance.now();
  try {
    const db = rawDb();
    db.prepare("SELECT 1").get();
    const mode = journalMode(db);
    return Response.json({ status: "ok", database: { ok: true, journalMode: mode, ms: Math.round((performance.now() - started) * 10) / 10 } }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: { ok: false } }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
