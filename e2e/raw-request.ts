import { connect } from "node:net";

export type RawAnswer = { status: number; body: string; sent: number; ms: number };

/**
 * A request written by hand on a socket, as a client the browser tests cannot be: a body without a
 * declared length (chunked), `total` bytes in 64 kB chunks after `head`, or — with `trickle` — one
 * byte every `trickle` ms. It reads the answer as soon as the server gives one and stops sending
 * then; a server that answers early and closes the connection (as it should for a body it refuses
 * unread) makes the next write fail, which is expected: the answer already read is what counts.
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
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = Buffer.alloc(0);
    let done = false;
    const socket = connect(Number(target.port || 80), target.hostname);
    /** The answer once it is whole: status line, headers, and a body of its Content-Length. */
    const answer = (): RawAnswer | null => {
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return null;
      const headText = received.subarray(0, end).toString("latin1");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1]);
      const rest = received.subarray(end + 4);
      let body: Buffer | null = null;
      if (/\r\ntransfer-encoding:\s*chunked/i.test(headText)) {
        const parts: Buffer[] = [];
        for (let at = 0; ;) {
          const line = rest.indexOf("\r\n", at);
          if (line < 0) return null;
          const size = parseInt(rest.subarray(at, line).toString("latin1"), 16);
          if (size === 0) break;
          if (rest.length < line + 2 + size) return null;
          parts.push(rest.subarray(line + 2, line + 2 + size));
          at = line + 2 + size + 2;
        }
        body = Buffer.concat(parts);
      } else {
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headText)?.[1] ?? NaN);
        if (!Number.isFinite(length) || rest.length < length) return null;
        body = rest.subarray(0, length);
      }
      return { status, body: body.toString("utf8"), sent, ms: performance.now() - started };
    };
    const finish = (error?: Error) => {
      if (done) return;
      const got = answer();
      if (!got && !error) return;
      done = true;
      socket.destroy();
      if (got) resolve(got);
      else reject(error);
    };
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      finish();
    });
    // A failed write after the server closed is the server refusing to read on: wait for what it said.
    socket.on("error", (error) => setTimeout(() => finish(error), 200));
    socket.on("close", () =>
      finish(new Error(`The connection closed without a whole answer (${received.length} bytes)`)),
    );
    const write = (data: string | Buffer) =>
      new Promise<void>((ok) => {
        if (done || socket.destroyed) return ok();
        const chunk = typeof data === "string" ? Buffer.from(data) : data;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (socket.write("\r\n")) setImmediate(ok);
        else socket.once("drain", () => setImmediate(ok));
      });
    socket.on("connect", async () => {
      const lines = [
        `${method} ${target.pathname}${target.search} HTTP/1.1`,
        `host: ${target.host}`,
        "transfer-encoding: chunked",
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head) {
        await write(head);
        sent += Buffer.byteLength(head);
      }
      if (trickle) {
        while (!done && !socket.destroyed) {
          await new Promise((r) => setTimeout(r, trickle));
          await write(" ");
          onSent?.(++sent);
        }
        return;
      }
      const chunk = Buffer.alloc(65_536, 32);
      while (!done && !socket.destroyed && sent < total) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        await write(size === chunk.length ? chunk : chunk.subarray(0, size));
      }
      if (!done && !socket.destroyed) socket.write("0\r\n\r\n");
    });
  });
}
