import { databaseHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers: 200 when the database answers (a read and the WAL mode), 503 otherwise.
 * Says nothing about data or configuration.
 */
export function GET() {
  const database = databaseHealth();
  return Response.json(
    { status: database.ok ? "ok" : "error", database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
