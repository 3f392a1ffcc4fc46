"use client";

import { useState } from "react";
import Papa from "papaparse";
import { Download } from "lucide-react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui/button";
import { InfoTip } from "@/components/analytics/info-tip";
import { csvDownload } from "@/lib/download";
import { displayValue, exportValue, type Format } from "@/lib/analytics/format";

export type ChartSeries = { key: string; label: string; color: string; format: Format };
export type ChartRow = { label: string } & Record<string, number | string | null>;

/**
 * The one chart wrapper: a Recharts chart, the same numbers as an accessible table on demand,
 * and a CSV of exactly those numbers.
 */
export function ChartCard({
  id,
  title,
  definition,
  rows,
  series,
  kind,
  filename,
}: {
  id: string;
  title: string;
  definition: string;
  rows: ChartRow[];
  series: ChartSeries[];
  kind: "bar" | "line";
  filename: string;
}) {
  const [table, setTable] = useState(false);
  const format = series[0]!.format;
  const tick = (v: number) => (format === "pct" ? `${Math.round(v * 100)}%` : format === "rating" ? v.toFixed(1) : v.toLocaleString("en-US"));
  const csv = () => Papa.unparse([["period", ...series.map((s) => `${s.label}${s.format === "pct" ? " (%)" : ""}`)], ...rows.map((r) => [r.label, ...series.map((s) => exportValue(r[s.key] as number | null, s.format))])]);
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <section aria-labelledby={`${id}-name`} className="rounded-xl border border-slate-200 bg-white p-4" data-testid={`chart-${id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="flex items-center gap-1 text-sm font-semibold text-slate-900">
          <span id={`${id}-name`}>{title}</span> <InfoTip id={`${id}-definition`} label={title}>{definition}</InfoTip>
        </h2>
        <span className="flex gap-1">
          <Button size="sm" variant="ghost" aria-pressed={table} onClick={() => setTable(!table)}>{table ? "Show chart" : "Show table"}</Button>
          <Button size="sm" variant="ghost" onClick={() => csvDownload(`${filename}.csv`, csv())} aria-label={`Download ${title} as CSV`}>
            <Download aria-hidden /> CSV
          </Button>
        </span>
      </div>
      {table ? (
        <div className="mt-3 max-h-72 overflow-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-white text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Period</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-4 text-right font-medium">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row" className="py-1 pr-4 font-normal text-slate-700">{r.label}</th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-4 text-right">{displayValue(r[s.key] as number | null, s.format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="mt-3 h-56" role="img" aria-label={`${title}: chart of ${rows.length} periods; use "Show table" for the figures`}>
          <ResponsiveContainer width="100%" height="100%">
            <Chart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} minTickGap={16} />
              <YAxis tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={44} tickFormatter={tick} domain={format === "rating" ? [1, 5] : [0, "auto"]} allowDecimals={format !== "int"} />
              <Tooltip formatter={(value, name) => [displayValue(value as number, series.find((s) => s.label === name)?.format ?? format), name]} contentStyle={{ fontSize: 12 }} />
              {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {series.map((s) =>
                kind === "bar" ? (
                  <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[2, 2, 0, 0]} isAnimationActive={false} />
                ) : (
                  <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} type="monotone" />
                ),
              )}
            </Chart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
