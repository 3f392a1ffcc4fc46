import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Busboy from "busboy";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { problemsOf } from "@/lib/errors";
import { log, requestLog } from "@/lib/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-meta";

/** Turns any failure of a route handler into `{ error: { code, message, fields? } }` with the right status. */
export function errorResponse(error: unknown, logger: Logger = log()): Response {
  if (error instanceof AppError) return Response.json(error.toJSON(), { status: error.status });
  if (error instanceof ZodError) {
    const fields = problemsOf(error);
    return Response.json(
      { error: { code: "VALIDATION", message: Object.values(fields)[0] ?? "Invalid input", fields } },
      { status: 422 },
    );
  }
  logger.error({ err: error }, "Unhandled route error");
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side" } }, { status: 500 });
}

const sizeOf = (bytes: number) =>
  bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
const tooLargeError = (maxBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The request is larger than ${sizeOf(maxBytes)}`);

/**
 * How fast a body must keep coming while it holds a place that others wait for (an upload slot): a
 * pause longer than `idleMs`, an average under `minBytesPerSecond` once `graceMs` have passed, or a
 * read still going after `deadlineMs`, ends it with 408.
 */
export type BodyPace = { idleMs: number; graceMs: number; minBytesPerSecond: number; deadlineMs: number };

/**
 * Image uploads (10 MB at most): no pause over 5 s, at least 64 kB/s (512 kbit/s) on average after
 * the first 5 s, and done within 60 s (a full-size image over a 1.5 Mbit/s line).
 */
export const UPLOAD_PACE: BodyPace = {
  idleMs: 5_000,
  graceMs: 5_000,
  minBytesPerSecond: 64 * 1024,
  deadlineMs: 60_000,
};
/** Listing imports (60 MB at most): the same, done within 3 minutes. */
export const IMPORT_PACE: BodyPace = { ...UPLOAD_PACE, deadlineMs: 180_000 };

const tooSlowError = () =>
  new AppError("REQUEST_TIMEOUT", "The upload was too slow and was stopped; check the connection and try again");

/** Watches a body's progress against `pace` and calls `slow` once when it falls behind. */
function watchPace(pace: BodyPace | undefined, slow: () => void) {
  if (!pace) return { progress: (_bytes: number) => {}, stop: () => {} };
  const started = performance.now();
  let last = started;
  let total = 0;
  const timer = setInterval(
    () => {
      const now = performance.now();
      const elapsed = now - started;
      if (
        now - last > pace.idleMs ||
        elapsed > pace.deadlineMs ||
        (elapsed > pace.graceMs && total < (pace.minBytesPerSecond * elapsed) / 1000)
      ) {
        clearInterval(timer);
        slow();
      }
    },
    Math.min(250, pace.idleMs / 4),
  );
  timer.unref?.();
  return {
    progress(bytes: number) {
      total += bytes;
      last = performance.now();
    },
    stop: () => clearInterval(timer),
  };
}

/** A declared length over `maxBytes` is refused at once (before the request waits for a place, say). */
export function assertDeclaredLength(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError = () => tooLargeError(maxBytes),
) {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
}

/**
 * Reads a request body as it streams in and stops at `maxBytes`: a declared length over it is
 * refused before anything is read, and a body without one (chunked) is cut off as soon as it
 * passes the limit, so no request can make the server hold more than `maxBytes`. With a `pace`, a
 * body that stalls or trickles is cut off too (408).
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError = () => tooLargeError(maxBytes),
  pace?: BodyPace,
): Promise<Buffer> {
  assertDeclaredLength(request, maxBytes, tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  let slow = false;
  const watch = watchPace(pace, () => {
    slow = true;
    reader.cancel().catch(() => undefined);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (slow) throw tooSlowError();
      if (done) break;
      watch.progress(value.byteLength);
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } finally {
    watch.stop();
  }
  return Buffer.concat(chunks);
}

/** A multipart or urlencoded form, read within `maxBytes`; an unreadable form is `null`. */
export async function readForm(
  request: Request,
  maxBytes: number,
  tooLarge?: () => AppError,
  pace?: BodyPace,
): Promise<FormData | null> {
  const body = await readBody(request, maxBytes, tooLarge, pace);
  return new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } })
    .formData()
    .catch(() => null);
}

/** What a multipart form may add around its file: boundaries, part headers, a few small fields. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * One file of a multipart upload, streamed out of the request into a single buffer (busboy): the
 * other parts are skipped, nothing is held twice, and a file over `maxBytes` stops the read at
 * once. Null when the body is not multipart or has no such file.
 */
export async function readUploadedFile(
  request: Request,
  field: string,
  maxBytes: number,
  tooLarge: () => AppError = () => tooLargeError(maxBytes),
  pace?: BodyPace,
): Promise<{ name: string; data: Buffer } | null> {
  assertDeclaredLength(request, maxBytes + FORM_OVERHEAD_BYTES, tooLarge);
  const type = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(type)) return null;
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": type },
      limits: { files: 5, fileSize: maxBytes, fields: 20, fieldSize: 1024, parts: 30, headerPairs: 20 },
    });
  } catch {
    return null;
  }
  const source = Readable.fromWeb(request.body as unknown as NodeReadableStream);
  return new Promise((resolve, reject) => {
    let found: { name: string; data: Buffer } | null = null;
    let over = false;
    const stop = (outcome: () => void) => {
      watch.stop();
      source.unpipe(parser);
      source.destroy();
      outcome();
    };
    const watch = watchPace(pace, () => {
      over = true;
      stop(() => reject(tooSlowError()));
    });
    source.on("data", (chunk: Buffer) => watch.progress(chunk.length));
    parser.on("file", (name, stream, info) => {
      if (name !== field || found) return stream.resume();
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        over = true;
        stop(() => reject(tooLarge()));
      });
      stream.on("end", () => {
        if (!over)
          found = { name: info.filename ?? "", data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
      });
    });
    parser.on("error", () => stop(() => resolve(null)));
    parser.on("close", () => {
      watch.stop();
      if (!over) resolve(found);
    });
    source.on("error", () => (over ? undefined : stop(() => resolve(null))));
    source.pipe(parser);
  });
}

export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = (await readBody(request, maxBytes)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

/**
 * Wraps a handler so that every failure becomes a clear JSON error, and every request leaves one
 * log line (method, path, status, duration) under its request id, which the response carries.
 */
export const route =
  <A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>) =>
  async (...args: A): Promise<Response> => {
    const [request] = args;
    const started = performance.now();
    const requestId = requestIdOf(request.headers.get(REQUEST_ID_HEADER));
    const logger = requestLog(requestId);
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      response = errorResponse(error, logger);
    }
    if (!response.headers.has(REQUEST_ID_HEADER)) {
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // Some responses (e.g. Response.redirect) have immutable headers.
      }
    }
    const level = response.status >= 500 ? "error" : "info";
    logger[level](
      {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  };
