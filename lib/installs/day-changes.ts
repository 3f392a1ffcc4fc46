import type { Transition } from "../customers/ledger";
import type { Statements } from "./ingest";
import type { IngestEvent } from "./types";

const COUNTER: Record<IngestEvent["type"], 0 | 1 | 2 | 3 | 4> = {
  INSTALL_STARTED: 0,
  CONSENT_DENIED: 1,
  CONSENT_GRANTED: 2,
  INSTALL: 3,
  UNINSTALL: 4,
};

/**
 * Rollup changes of a batch, gathered per day and written once per day at the end of the
 * transaction: a batch of 500 events touches a few day rows instead of 1,500 statements.
 */
type DayEntry = {
  counts: [number, number, number, number, number];
  active: number;
  reinstalls: number;
  openStarts: number;
  /** Customers (company and app) with the app at the end of the day, by the change of that day. */
  customers: number;
  kept: Map<number, number> | null;
};

export class DayChanges {
  private days = new Map<string, DayEntry>();

  private entry(day: string) {
    let entry = this.days.get(day);
    if (!entry)
      this.days.set(
        day,
        (entry = { counts: [0, 0, 0, 0, 0], active: 0, reinstalls: 0, openStarts: 0, customers: 0, kept: null }),
      );
    return entry;
  }

  add(day: string, type: IngestEvent["type"], activeDelta: number) {
    const entry = this.entry(day);
    entry.counts[COUNTER[type]]++;
    entry.active += activeDelta;
  }

  /** A customer's tenure began (on `day`), came back, or ended (on `day`, begun on `since`, kept `keptDays`). */
  customer(day: string, change: Transition, sinceDay: string | null, keptDays: number | null) {
    if (change.started) {
      this.entry(day).openStarts++;
      this.entry(day).customers++;
    }
    if (change.reinstall) this.entry(day).reinstalls++;
    if (change.ended) {
      this.entry(day).customers--;
      if (sinceDay) this.entry(sinceDay).openStarts--;
      if (keptDays !== null) {
        const entry = this.entry(day);
        entry.kept ??= new Map();
        entry.kept.set(keptDays, (entry.kept.get(keptDays) ?? 0) + 1);
      }
    }
  }

  /** New day rows first (in day order, each carrying the active count of the day before), then the sums. */
  write(s: Statements, appId: string) {
    const days = [...this.days.keys()].sort();
    for (const day of days) s.ensureDay.run(appId, day, appId, day);
    for (const day of days) {
      const { counts, active, reinstalls, openStarts, customers, kept } = this.days.get(day)!;
      s.bump.run(...counts, appId, day);
      if (active !== 0) s.shiftActive.run(active, appId, day);
      if (customers !== 0) s.shiftCustomers.run(customers, appId, day);
      if (reinstalls !== 0 || openStarts !== 0) s.bumpCustomers.run(reinstalls, openStarts, appId, day);
      if (kept) {
        const stored = JSON.parse((s.keptDays.get(appId, day) as { keptDays: string }).keptDays) as Record<
          string,
          number
        >;
        for (const [days, n] of kept) stored[days] = (stored[days] ?? 0) + n;
        s.setKeptDays.run(JSON.stringify(stored), appId, day);
      }
    }
  }
}
