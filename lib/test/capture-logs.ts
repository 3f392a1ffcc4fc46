import { Writable } from "node:stream";
import { setLogDestination } from "@/lib/server/log";

/** Sends the process's logs (at `info` and above) into the returned list of lines; `setLogDestination(undefined)` ends it. */
export function captureLogs(): string[] {
  const lines: string[] = [];
  setLogDestination(
    new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split("\n")), done()) }),
    "info",
  );
  return lines;
}
