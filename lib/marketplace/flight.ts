import { plural } from "@/lib/text/words";
/**
 * Next.js App Router "flight" data, as a page embeds it: `self.__next_f.push([1,"…"])` calls whose
 * strings, joined in order, form rows `<hex id>:<row>`. A JSON row ends with a newline; a text row
 * `<id>:T<hex byte length>,<text>` holds a long string (newlines allowed) and has no newline after
 * it; rows that start with another type letter (`I` modules, `HL` hints, `E` errors…) are not data.
 * Inside the JSON, `"$<hex id>"` refers to another row, `"$D…"` is a date and `"$$…"` a string
 * that starts with `$`.
 */

export type FlightData = {
  /** How many push calls carried data. */
  chunks: number;
  /** Every data row, references resolved, in the order they came. */
  values: unknown[];
  skipped: string[];
};

const PUSH = /__next_f\.push\(\s*\[/g;

/** The array literal starting at `start` (a `[`), scanned with strings and escapes respected. */
function arrayLiteral(source: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return source.slice(start, i + 1);
  }
  return null;
}

/** The payload strings of every push call, in order. */
export function flightChunks(scripts: string[]): { strings: string[]; skipped: string[] } {
  const strings: string[] = [];
  const skipped: string[] = [];
  for (const script of scripts) {
    for (const match of script.matchAll(PUSH)) {
      const literal = arrayLiteral(script, match.index + match[0].length - 1);
      let call: unknown;
      try {
        call = literal ? JSON.parse(literal) : null;
      } catch {
        call = null;
      }
      if (!Array.isArray(call)) skipped.push("A flight chunk is not a readable array literal");
      else if (call[0] === 1 && typeof call[1] === "string") strings.push(call[1]);
      else if (call[0] === 3) skipped.push("A binary flight chunk was left aside");
    }
  }
  return { strings, skipped };
}

/** Row tags followed by a hex byte length and a comma (React's length-prefixed rows). */
const SIZED = new Set("TAOoUSsLlGgMmVb".split(""));

type Row = { id: string; kind: "json"; raw: string } | { id: string; kind: "text"; text: string };

/** Splits the joined payload into rows; byte lengths are UTF-8 bytes, so the split works on bytes. */
export function flightRows(payload: string): { rows: Row[]; skipped: string[] } {
  const bytes = Buffer.from(payload, "utf8");
  const rows: Row[] = [];
  const skipped: string[] = [];
  let errors = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] === 0x0a) {
      i++;
      continue;
    }
    const colon = bytes.indexOf(0x3a, i);
    const newline = bytes.indexOf(0x0a, i);
    if (colon < 0 || (newline >= 0 && newline < colon) || !/^[0-9a-fA-F]*$/.test(bytes.toString("latin1", i, colon))) {
      skipped.push("A flight row without an id was left aside");
      if (newline < 0) break;
      i = newline + 1;
      continue;
    }
    const id = bytes.toString("latin1", i, colon).toLowerCase();
    const tag = String.fromCharCode(bytes[colon + 1] ?? 0);
    if (SIZED.has(tag)) {
      const comma = bytes.indexOf(0x2c, colon + 2);
      const hex = comma > 0 ? bytes.toString("latin1", colon + 2, comma) : "";
      if (/^[0-9a-fA-F]{1,8}$/.test(hex)) {
        const end = comma + 1 + parseInt(hex, 16);
        if (tag === "T")
          rows.push({ id, kind: "text", text: bytes.toString("utf8", comma + 1, Math.min(end, bytes.length)) });
        i = end;
        continue;
      }
    }
    const end = newline < 0 ? bytes.length : newline;
    const raw = bytes.toString("utf8", colon + 1, end);
    if (/^[A-Z]/.test(raw)) {
      if (raw.startsWith("E")) errors++;
    } else if (raw) rows.push({ id, kind: "json", raw });
    i = end + 1;
  }
  if (errors) skipped.push(`${plural(errors, "row", "rows")} of the page's own rendering errors`);
  return { rows, skipped };
}

const REF = /^\$[LQW@K]?([0-9a-f]+)((?::[^:]+)*)$/;

/** Decodes the flight data of a page's scripts; null when the page has none. */
export function readFlight(scripts: string[]): FlightData | null {
  const { strings, skipped } = flightChunks(scripts);
  if (strings.length === 0 && skipped.length === 0) return null;
  const { rows, skipped: rowSkips } = flightRows(strings.join(""));
  skipped.push(...rowSkips);

  const raw = new Map<string, unknown>();
  let unreadable = 0;
  for (const row of rows) {
    if (row.kind === "text") raw.set(row.id, row.text);
    else {
      try {
        raw.set(row.id, JSON.parse(row.raw));
      } catch {
        unreadable++;
      }
    }
  }
  if (unreadable) skipped.push(`${plural(unreadable, "flight row is", "flight rows are")} not valid JSON`);

  const resolved = new Map<string, unknown>();
  const resolving = new Set<string>();
  const row = (id: string): unknown => {
    if (resolved.has(id)) return resolved.get(id);
    if (resolving.has(id) || !raw.has(id)) return null;
    resolving.add(id);
    const value = resolve(raw.get(id), 0);
    resolving.delete(id);
    resolved.set(id, value);
    return value;
  };
  const resolve = (value: unknown, depth: number): unknown => {
    if (depth > 200) return null;
    if (typeof value === "string") return decodeString(value, row);
    if (Array.isArray(value)) return value.map((v) => resolve(v, depth + 1));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, depth + 1)]));
    return value;
  };
  // The root row first: what it refers to is then seen in its place in the tree.
  const ids = [...raw.keys()].sort((a, b) => Number(b === "0") - Number(a === "0"));
  return { chunks: strings.length, values: ids.map(row), skipped };
}

function decodeString(value: string, row: (id: string) => unknown): unknown {
  if (!value.startsWith("$") || value === "$") return value;
  if (value.startsWith("$$")) return value.slice(1);
  if (value.startsWith("$D")) return value.slice(2);
  if (value === "$undefined" || value === "$NaN" || value === "$Infinity" || value === "$-Infinity") return null;
  if (value === "$-0") return 0;
  if (/^\$n-?\d+$/.test(value)) return Number(value.slice(2));
  const ref = REF.exec(value);
  if (!ref) return null;
  let target = row(ref[1]!);
  for (const key of ref[2]!.split(":").slice(1))
    target = target && typeof target === "object" ? (target as Record<string, unknown>)[key] : null;
  return target;
}
