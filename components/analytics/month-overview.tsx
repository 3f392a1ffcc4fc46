import Link from "next/link";
import { deltaText, displayValue, type Format } from "@/lib/analytics/format";
import type { MonthOverviewData as Overview } from "@/lib/analytics/types";
import type { Change } from "@/lib/analytics/metrics";
import { cn } from "@/components/ui/cn";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

function Cell({ value, format, goodWhenUp = true }: { value: Change | null; format: Format; goodWhenUp?: boolean }) {
  if (!value) return <td className="px-3 py-2 text-right text-slate-400">—</td>;
  const tone =
    value.delta === null || Math.abs(value.delta) < 1e-9
      ? "text-slate-500"
      : value.delta > 0 === goodWhenUp
        ? "text-emerald-700"
        : "text-red-700";
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
        This month so far{" "}
        <span className="font-normal text-slate-500">
          ({overview.thisMonth.from} to {overview.thisMonth.to}) against the same days of last month
        </span>
      </h2>
      <ScrollArea label="This month so far, by app">
        <Table className="mt-1 min-w-[36rem]" data-testid="month-overview">
          <THead>
            <tr>
              <Th>App</Th>
              <Th numeric>Installs</Th>
              <Th numeric>Uninstalls</Th>
              <Th numeric>Active installs</Th>
              <Th numeric>Rating</Th>
            </tr>
          </THead>
          <TBody>
            {overview.rows.map((r) => (
              <tr key={r.id}>
                <Th scope="row" className="font-medium">
                  <Link href={`/analytics?app=${r.id}`} className="text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                </Th>
                <Cell value={r.installs} format="int" />
                <Cell value={r.uninstalls} format="int" goodWhenUp={false} />
                <Cell value={r.active} format="int" />
                <Cell value={r.rating} format="rating" />
              </tr>
            ))}
          </TBody>
        </Table>
      </ScrollArea>
    </section>
  );
}
