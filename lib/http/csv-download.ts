/**
 * A CSV download streamed from its lines: the first line is read before the answer starts, so the generator's
 * authorization and checks fail as a clear 4xx rather than a broken 200.
 */
export async function csvDownload(lines: AsyncGenerator<string>, filename: string): Promise<Response> {
  const first = await lines.next();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
