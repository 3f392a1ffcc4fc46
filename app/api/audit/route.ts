import { auditCsv, auditQuerySchema } from "@/lib/audit-trail/query";
import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";

/** The workspace's audit log as CSV, with the page's filters. */
export const GET = route(async (request: Request) => {
  const member = await requireMember();
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(await auditCsv(member, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
