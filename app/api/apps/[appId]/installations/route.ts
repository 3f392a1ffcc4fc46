import { requireMember } from "@/lib/authz";
import { route } from "@/lib/http/route";
import { installationQuerySchema, installationsCsv } from "@/lib/installs/installations";

type Params = { params: Promise<{ appId: string }> };

/** `?format=csv` with the page's filters: every matching installation as a CSV download. */
export const GET = route(async (request: Request, { params }: Params) => {
  const member = await requireMember();
  const { appId } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const rows = installationsCsv(member, appId, installationQuerySchema.parse(search));
  const first = await rows.next(); // authorization happens here: fail before the 200 starts
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
      "content-disposition": `attachment; filename="installations-${appId}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
