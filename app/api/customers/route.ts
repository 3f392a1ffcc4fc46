import { requireMember } from "@/lib/authz";
import { customerQuerySchema, customersCsv } from "@/lib/customers/query";
import { csvDownload } from "@/lib/http/csv-download";
import { route } from "@/lib/http/route";

/** `?format=csv` with the Customers page's filters: every matching customer as a CSV download. */
export const GET = route(async (request: Request) => {
  const member = await requireMember();
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = customerQuerySchema.parse(search);
  return csvDownload(customersCsv(member, query), `customers${query.app ? `-${query.app}` : ""}.csv`);
});
