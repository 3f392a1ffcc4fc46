import { requireMember } from "@/lib/authz";
import { customerQuerySchema, customersCsv } from "@/lib/customers/query";
import { route } from "@/lib/http/route";

/** `?format=csv` with the Customers page's filters: every matching customer as a CSV download. */
export const GET = route(async (request: Request) => {
  const member = await requireMember();
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = customerQuerySchema.parse(search);
  const rows = customersCsv(member, query);
  const first = await rows.next(); // authorization and the app's scope are checked here, before the 200 starts
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers${query.app ? `-${query.app}` : ""}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
