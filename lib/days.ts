import { TZDate } from "@date-fns/tz";
import { addMonths as addMonthsOf } from "date-fns";
import { LRUCache } from "lru-cache";

/**
 * Calendar days in a time zone, shared by ingest, analytics, share views and submissions. Days are
 * "YYYY-MM-DD" strings of local dates, so stepping through them never meets a 23- or 25-hour day;
 * only the conversion between an instant and a local day looks at the zone (date-fns's TZDate).
 */

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
/** A calendar day of a date as its own zone reads it. */
const dayOf = (d: TZDate) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const partsOf = (day: string) => day.split("-").map(Number) as [number, number, number];

const SLOT_MS = 15 * 60_000;
const slotDays = new LRUCache<string, string>({ max: 50_000 });

/**
 * The local date of an instant in a time zone. Zones change offset only on a quarter hour, so
 * the answer is memoised per 15-minute slot: ingesting a million events asks the zone rules a few
 * thousand times, not a million.
 */
export function localDay(instant: Date | number, timeZone: string): string {
  const t = typeof instant === "number" ? instant : instant.getTime();
  if (timeZone === "UTC") return new Date(t).toISOString().slice(0, 10);
  const key = `${timeZone}|${Math.floor(t / SLOT_MS)}`;
  let day = slotDays.get(key);
  if (day === undefined) {
    day = dayOf(new TZDate(Math.floor(t / SLOT_MS) * SLOT_MS, timeZone));
    slotDays.set(key, day);
  }
  return day;
}

const dayStarts = new LRUCache<string, number>({ max: 20_000 });

/** The instant a local day begins (DST-aware: a day may begin at 01:00 where midnight is skipped). */
export function startOfDay(day: string, timeZone: string): number {
  if (timeZone === "UTC") return Date.parse(`${day}T00:00:00Z`);
  const key = `${timeZone}|${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = computeStartOfDay(day, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

/** Local midnight, or where midnight is skipped the first instant of the day (TZDate moves out of the gap). */
function computeStartOfDay(day: string, timeZone: string): number {
  const [year, month, date] = partsOf(day);
  return new TZDate(year, month - 1, date, timeZone).getTime();
}

const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => format(parse(day) + n * 86_400_000);
export const daysBetween = (from: string, to: string) => Math.round((parse(to) - parse(from)) / 86_400_000);

/** The same day n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const [year, month, date] = partsOf(day);
  return dayOf(addMonthsOf(new TZDate(year, month - 1, date, "UTC"), n));
}
