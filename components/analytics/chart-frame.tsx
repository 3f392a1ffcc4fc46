"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InfoTip } from "@/components/analytics/info-tip";
import { csvDownload } from "@/components/ui/download";
import { displayValue, exportValue, type ChartRow, type ChartSeries } from "@/lib/analytics/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

export type ChartCardProps = {
  id: string;
  title: string;
  definition: string;
  rows: ChartRow[];
  series: ChartSeries[];
  kind: "bar" | "line";
  filename: string;
  /** Other views of the same chart (e.g. which figure apps are compared on), shown under the title. */
  choices?: React.ReactNode;
};

/**
 * The interactive part of a chart card: the chart drawn on the server (`plot`), the same numbers as
 * an accessible table on demand, and a CSV of exactly those numbers.
 */
export function ChartFrame({
  id,
  title,
  definition,
  rows,
  series,
  filename,
  choices,
  plot,
}: Omit<ChartCardProps, "kind"> & { plot: React.ReactNode }) {
  const [table, setTable] = useState(false);
  // Loaded when asked for: the CSV writer is not part of the page.
  const csv = async () =>
    (await import("@/lib/text/csv")).toCsv([
      ["period", ...series.map((s) => `${s.label}${s.format === "pct" ? " (%)" : ""}`)],
      ...rows.map((r) => [r.label, ...series.map((s) => exportValue(r[s.key] as number | null, s.format))]),
    ]);
  return (
    <section
      aria-labelledby={`${id}-name`}
      className="rounded-xl border border-slate-200 bg-white p-4"
      data-testid={`chart-${id}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="flex items-center gap-1 text-sm font-semibold text-slate-900">
          <span id={`${id}-name`}>{title}</span>{" "}
          <InfoTip id={`${id}-definition`} label={title}>
            {definition}
          </InfoTip>
        </h2>
        <span className="flex gap-1">
          <Button size="sm" variant="ghost" aria-pressed={table} onClick={() => setTable(!table)}>
            {table ? "Show chart" : "Show table"}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={async () => csvDownload(`${filename}.csv`, await csv())}
            aria-label={`Download ${title} as CSV`}
          >
            <Download aria-hidden /> CSV
          </Button>
        </span>
      </div>
      {choices}
      {table ? (
        <div className="mt-3 max-h-72 overflow-auto">
          <Table density="compact">
            <caption className="sr-only">{title}</caption>
            <THead className="sticky top-0 bg-white">
              <tr>
                <Th>Period</Th>
                {series.map((s) => (
                  <Th key={s.key} numeric>
                    {s.label}
                  </Th>
                ))}
              </tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <Th scope="row" className="text-slate-700">
                    {r.label}
                  </Th>
                  {series.map((s) => (
                    <Td key={s.key} numeric>
                      {displayValue(r[s.key] as number | null, s.format)}
                    </Td>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : (
        <div
          className="mt-3 h-56"
          role="img"
          aria-label={`${title}: chart of ${rows.length} periods; use "Show table" for the figures`}
        >
          {plot}
        </div>
      )}
    </section>
  );
}
