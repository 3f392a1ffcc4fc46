import "server-only";
import { sqlConnection } from "@/lib/db/sql";

/** WAL on a local file; a libSQL server manages its own journal and may not say. */
function journalMode(db: ReturnType<typeof sqlConnection>): string | null {
  try {
    return (db.prepare("PRAGMA journal_mode").get() as { journal_mode?: string } | undefined)?.journal_mode ?? null;
  } catch {
    return null;
  }
}

export type DatabaseHealth = { ok: true; journalMode: string | null; ms: number } | { ok: false };

/** Whether the database answers a read, how fast, and its journal mode. Says nothing about data. */
export function databaseHealth(): DatabaseHealth {
  const started = performance.now();
  try {
    const db = sqlConnection();
    db.prepare("SELECT 1").get();
    const mode = journalMode(db);
    return { ok: true, journalMode: mode, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { ok: false };
  }
}
