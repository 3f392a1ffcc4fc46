/**
 * How dates read in the app: one formatter per form, in UTC and stated as such where the time
 * shows, so a page rendered on the server and hydrated in a browser in any zone reads the same.
 * (Workspace-local days are computed in lib/days.ts; these only print.)
 */
const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", ...options });

/** "6 Dec 2026" */
export const UTC_DAY = utc({ day: "numeric", month: "short", year: "numeric" });
/** "6 Dec" */
export const UTC_DAY_OF_YEAR = utc({ day: "numeric", month: "short" });
/** "6 Dec, 23:49" */
export const UTC_TIME = utc({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
/** "6 Dec 2026, 23:49" */
export const UTC_STAMP = utc({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
/** "6 Dec 2026, 23:49:05" */
export const UTC_STAMP_SECONDS = utc({
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
/** "6 Dec, 23:49:05" */
export const UTC_TIME_SECONDS = utc({
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
/** "6 December 2026" */
export const UTC_LONG_DAY = utc({ day: "numeric", month: "long", year: "numeric" });

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "just now", "5 minutes ago", "yesterday", "in 2 hours": the largest whole unit, from the platform's own words. */
export function timeAgo(at: Date | number, now: Date | number = Date.now()): string {
  const ms = Number(at) - Number(now);
  if (Math.abs(ms) < 60_000) return "just now";
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size)!;
  return RELATIVE.format(Math.trunc(ms / size), unit);
}
