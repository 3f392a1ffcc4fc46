/** A request body of `totalBytes` that arrives in 64 kB chunks without a declared length; says how much was pulled. */
export function chunkedBody(totalBytes: number) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(65_536, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(32));
    },
  });
  return { body, pulled: () => sent };
}
