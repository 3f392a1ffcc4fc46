import { TZDate } from "@date-fns/tz";

/**
 * Quiet hours of a workspace: [from, to) in whole local hours of its time zone, through midnight when from > to
 * (20 → 9 is 20:00–08:59); from = to means none. Zones change offset only on a quarter hour, so stepping by
 * quarter hours finds the first instant outside them, across DST changes.
 */
export const localHour = (instant: number, timeZone: string) => new TZDate(instant, timeZone).getHours();

export function isQuiet(hour: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

const QUARTER = 15 * 60_000;

/** `instant` itself when it is outside quiet hours, else the first quarter hour after them. */
export function nextSendTime(instant: number, timeZone: string, from: number, to: number): number {
  if (!isQuiet(localHour(instant, timeZone), from, to)) return instant;
  let t = Math.floor(instant / QUARTER) * QUARTER + QUARTER;
  for (let i = 0; i < 4 * 26 && isQuiet(localHour(t, timeZone), from, to); i++) t += QUARTER;
  return t;
}

/** "20:00–09:00" or "none". */
export const quietLabel = (from: number, to: number) =>
  from === to ? "none" : `${String(from).padStart(2, "0")}:00–${String(to).padStart(2, "0")}:00`;
