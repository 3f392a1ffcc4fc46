/** DateTime as Prisma writes it to SQLite (ISO 8601 text), so raw SQL and Prisma read and sort the same. */
export const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
