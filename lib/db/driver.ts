/**
 * Which SQLite engine a database URL needs (no server-only import: prisma.config.ts, scripts and
 * the app share it). A `file:` URL is the embedded better-sqlite3 file; `libsql://`, `https://`
 * (and `http://` for a self-hosted server on a private network) is a libSQL server such as Turso,
 * which several app instances can share. `DATABASE_DRIVER=libsql` forces libSQL for a `file:` URL
 * (libSQL's local file mode, used to test that path with the same migrations).
 */
export type DatabaseDriver = "better-sqlite3" | "libsql";

export const isRemoteDatabaseUrl = (url: string) => /^(libsql|https?):\/\//i.test(url);

export function databaseDriver(url: string, forced?: string): DatabaseDriver {
  if (forced === "libsql" || forced === "better-sqlite3") return forced;
  return isRemoteDatabaseUrl(url) ? "libsql" : "better-sqlite3";
}

/** The path of a `file:` URL (what better-sqlite3 and libSQL's local mode open). */
export const filePathOf = (url: string) => (url.startsWith("file:") ? url.slice("file:".length) : url);
