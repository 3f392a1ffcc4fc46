import { AppError } from "@/lib/errors";
import { UTC_LONG_DAY as LONG } from "@/lib/text/dates";

/**
 * The day a step happened at Pipedrive (or in Developer Hub), as the partner records it: today by
 * default, any earlier day, never the future and never before the step before it. Days are
 * calendar days; each is stored as its UTC midnight, which is what the business-day clock counts.
 */

export const EARLIEST_DAY = "2015-01-01";

export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

export const longDay = (day: string) => LONG.format(dayStart(day));

const refuse = (message: string) => new AppError("VALIDATION", message, { date: message });

/** The recorded day, checked: `today` in the workspace's time zone, `previous` the day of the step before. */
export function recordedDay(
  input: string | undefined,
  { today, previous }: { today: string; previous: string | null },
): string {
  const day = input || today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)) || dayOf(dayStart(day)) !== day)
    throw refuse("Give the date as a calendar day, e.g. 2026-11-28");
  if (day > today)
    throw refuse(`Pipedrive cannot have acted in the future: choose today (${longDay(today)}) or an earlier day`);
  if (day < EARLIEST_DAY) throw refuse(`Choose a day from ${longDay(EARLIEST_DAY)} on`);
  if (previous && day < previous)
    throw refuse(`This step cannot come before the previous one, recorded on ${longDay(previous)}`);
  return day;
}
