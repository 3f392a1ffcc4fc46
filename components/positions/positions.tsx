import { ArrowDown, ArrowUp } from "lucide-react";
import type { ListHistory, RankEvent } from "@/lib/positions/types";
import { plural } from "@/lib/text/words";
import { UTC_DAY as DAY } from "@/lib/text/dates";

const day = (d: string) => DAY.format(new Date(`${d}T00:00:00Z`));

/** Each list's current and best position, collections first. */
export function PositionCards({ lists }: { lists: ListHistory[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Current positions">
      {lists.map((l) => (
        <li key={l.id} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="position-card">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {l.kind === "COLLECTION" ? "Collection" : "Category"}
          </p>
          <h3 className="mt-0.5 font-semibold text-slate-900">{l.name}</h3>
          <p className="mt-2 text-2xl font-semibold text-slate-900 tabular-nums">
            {l.current === null ? "Not listed" : `#${l.current}`}
            <span className="ml-1 text-sm font-normal text-slate-500">of {plural(l.listSize, "app", "apps")}</span>
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {l.best ? `Best #${l.best.rank}, on ${day(l.best.day)}` : "Not listed in this range"}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Every move in the range, newest first. */
export function RankEvents({ events }: { events: RankEvent[] }) {
  return (
    <section aria-labelledby="rank-events" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="rank-events" className="text-sm font-semibold text-slate-900">
        Moves
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No move in this range: the app held its positions.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100 text-sm">
          {events.slice(0, 50).map((e, i) => {
            const up = e.to !== null && (e.from === null || e.to < e.from);
            const Icon = up ? ArrowUp : ArrowDown;
            return (
              <li key={`${e.day}-${e.list}-${i}`} className="flex items-center gap-2 py-2" data-testid="rank-event">
                <Icon aria-hidden className={up ? "size-4 text-emerald-700" : "size-4 text-red-700"} />
                <span className="flex-1 text-slate-800">{e.text[0]!.toUpperCase() + e.text.slice(1)}</span>
                <time dateTime={e.day} className="text-slate-500 tabular-nums">
                  {day(e.day)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {events.length > 50 ? (
        <p className="mt-2 text-xs text-slate-500">The 50 latest of {events.length} moves.</p>
      ) : null}
    </section>
  );
}
