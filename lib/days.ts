import { LRUCache } from "lru-cache";

/**
 * Calendar days in a time zone, shared by ingest, analytics, share views and submissions. Days are
 * "YYYY-MM-DD" strings of local dates, so stepping through them never meets a 23- or 25-hour day;
 * only the conversion between an instant and a local day looks at the zone (through Intl).
 */

/** One formatter per time zone (a few hundred zones exist). */
const formatters = new LRUCache<string, Intl.DateTimeFormat>({ max: 1_000 });
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall-clock time of an instant, read as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
}

const SLOT_MS = 15 * 60_000;
const slotDays = new LRUCache<string, string>({ max: 50_000 });

/**
 * The local date of an instant in a time zone. Zones change offset only on a quarter hour, so
 * the answer is memoised per 15-minute slot: ingesting a million events asks Intl a few
 * thousand times, not a million.
 */
export function localDay(instant: Date | number, timeZone: string): string {
  const t = typeof instant === "number" ? instant : instant.getTime();
  if (timeZone === "UTC") return new Date(t).toISOString().slice(0, 10);
  const key = `${timeZone}|${Math.floor(t / SLOT_MS)}`;
  let day = slotDays.get(key);
  if (day === undefined) {
    day = new Date(wallClock(Math.floor(t / SLOT_MS) * SLOT_MS, timeZone)).toISOString().slice(0, 10);
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

function computeStartOfDay(day: string, timeZone: string): number {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let guess = midnight - (wallClock(midnight, timeZone) - midnight);
  for (let i = 0; i < 2; i++) guess += midnight - wallClock(guess, timeZone);
  // Where local midnight does not exist, the day begins at the first instant that is on it.
  while (localDay(guess, timeZone) < day) guess += 15 * 60_000;
  return guess;
}

const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => format(parse(day) + n * 86_400_000);
export const daysBetween = (from: string, to: string) => Math.round((parse(to) - parse(from)) / 86_400_000);

/** The same day n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const d = new Date(parse(day));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return format(target.getTime());
}
