import Link from "next/link";
import { deltaText, displayValue, type Format } from "@/lib/analytics/format";
import type { monthOverview } from "@/lib/analytics/load";
import type { Change } from "@/lib/analytics/metrics";
import { cn } from "@/lib/utils";
import { ScrollArea } from "@/components/ui/scroll-area";

type Overview = Awaited<ReturnType<typeof monthOverview>>;

function Cell({ value, format, goodWhenUp = true }: { value: Change | null; format: Format; goodWhenUp?: boolean }) {
  if (!value) return <td className="px-3 py-2 text-right text-slate-400">—</td>;
  const tone = value.delta === null || Math.abs(value.delta) < 1e-9 ? "text-slate-500" : value.delta > 0 === goodWhenUp ? "text-emerald-700" : "text-red-700";
  return (
    <td className="px-3 py-2 text-right tabular-nums">
      <span className="font-medium text-slate-900">{displayValue(value.current, format)}</span>
      <span className={cn("block text-xs", tone)}>{deltaText(value.delta, value.pct, format)}</span>
    </td>
  );
}

/** How each app is doing this month so far, against the same days of last month. */
export function MonthOverview({ overview }: { overview: Overview }) {
  return (
    <section aria-labelledby="overview-title" className="rounded-xl border border-slate-200 bg-white">
      <h2 id="overview-title" className="px-4 pt-3 text-sm font-semibold text-slate-900">
        This month so far <span className="font-normal text-slate-500">({overview.thisMonth.from} to {overview.thisMonth.to}) against the same days of last month</span>
      </h2>
      <ScrollArea label="This month so far, by app">
      <table className="mt-1 w-full min-w-[36rem] text-sm" data-testid="month-overview">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-medium">App</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Installs</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Uninstalls</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Active installs</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Rating</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {overview.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                <Link href={`/analytics?app=${r.id}`} className="text-brand-700 hover:underline">{r.name}</Link>
              </th>
              <Cell value={r.installs} format="int" />
              <Cell value={r.uninstalls} format="int" goodWhenUp={false} />
              <Cell value={r.active} format="int" />
              <Cell value={r.rating} format="rating" />
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollArea>
    </section>
  );
}
