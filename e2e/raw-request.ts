import { request as httpRequest } from "node:http";

export type RawAnswer = { status: number; body: string; sent: number; ms: number };

/**
 * A request written by hand, as a client the browser tests cannot be: a body without a declared
 * length (chunked), `total` bytes in 64 kB chunks after `head`, or — with `trickle` — one byte every
 * `trickle` ms. Resolves with the answer as soon as the server gives one, and stops sending then.
 */
export function sendChunked(
  url: string,
  {
    method = "POST",
    headers = {},
    head = "",
    total = 0,
    trickle,
    onSent,
  }: {
    method?: string;
    headers?: Record<string, string>;
    head?: string;
    total?: number;
    trickle?: number;
    /** Told how many bytes have gone out, after each one trickled. */
    onSent?: (sent: number) => void;
  },
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method, headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        resolve({
          status: res.statusCode!,
          body: Buffer.concat(chunks).toString("utf8"),
          sent,
          ms: performance.now() - started,
        });
        req.destroy();
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (head) {
      req.write(head);
      sent += Buffer.byteLength(head);
    }
    const chunk = Buffer.alloc(65_536, 32);
    const pump = () => {
      while (!answered && sent < total) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) return void req.once("drain", pump);
      }
      if (!answered && !trickle) req.end();
    };
    if (trickle) {
      const timer = setInterval(() => {
        if (answered || req.destroyed) return clearInterval(timer);
        req.write(" ");
        onSent?.(++sent);
      }, trickle);
    } else pump();
  });
}
