/**
 * Calendar arithmetic for analytics, in the workspace's time zone. Days are "YYYY-MM-DD"
 * strings of local dates, so stepping through them never meets a 23- or 25-hour day; only the
 * conversion between an instant and a local day looks at the zone (through Intl).
 */
export type BucketSize = "day" | "week" | "month";
export const BUCKET_SIZES: BucketSize[] = ["day", "week", "month"];

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
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
  const p = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const SLOT_MS = 15 * 60_000;
const slotDays = new Map<string, string>();

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
    if (slotDays.size > 50_000) slotDays.clear();
    day = new Date(wallClock(Math.floor(t / SLOT_MS) * SLOT_MS, timeZone)).toISOString().slice(0, 10);
    slotDays.set(key, day);
  }
  return day;
}

const dayStarts = new Map<string, number>();

/** The instant a local day begins (DST-aware: a day may begin at 01:00 where midnight is skipped). */
export function startOfDay(day: string, timeZone: string): number {
  if (timeZone === "UTC") return Date.parse(`${day}T00:00:00Z`);
  const key = `${timeZone}|${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size > 20_000) dayStarts.clear();
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

/** The first day of the bucket a day falls in: itself, the Monday of its ISO week, or the 1st of its month. */
export function bucketStart(day: string, size: BucketSize): string {
  if (size === "day") return day;
  if (size === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(parse(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function bucketEnd(start: string, size: BucketSize): string {
  if (size === "day") return start;
  if (size === "week") return addDays(start, 6);
  return addDays(addMonths(start, 1), -1);
}

/** Every bucket touching [from, to], in order, none skipped; each clipped to the range. */
export function bucketsOf(from: string, to: string, size: BucketSize): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  for (let start = bucketStart(from, size); start <= to; start = addDays(bucketEnd(start, size), 1)) {
    const end = bucketEnd(start, size);
    out.push({ key: start, from: start < from ? from : start, to: end > to ? to : end });
  }
  return out;
}

export type RangePreset = "7d" | "30d" | "90d" | "12m" | "custom";

/** What the range buttons say (here, not in query.ts: the controls run in the browser, which needs no zod). */
export const RANGE_LABELS: Record<Exclude<RangePreset, "custom">, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days", "12m": "12 months" };
export type ResolvedRange = { from: string; to: string; days: number; previous: { from: string; to: string } };

/** A preset or custom range ending today (local), and the period of the same length just before it. */
export function resolveRange(preset: RangePreset, today: string, custom?: { from: string; to: string }): ResolvedRange {
  let from: string;
  let to = today;
  if (preset === "custom" && custom) ({ from, to } = custom);
  else if (preset === "12m") from = addDays(addMonths(today, -12), 1);
  else from = addDays(today, -(Number(preset === "custom" ? "30" : preset.slice(0, -1)) - 1));
  const days = daysBetween(from, to) + 1;
  const prevTo = addDays(from, -1);
  return { from, to, days, previous: { from: addDays(prevTo, -(days - 1)), to: prevTo } };
}
