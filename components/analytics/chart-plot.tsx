"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { displayValue, type ChartRow, type ChartSeries, type Format } from "@/lib/analytics/format";
import { chartAxis, tickLabel, timeTickInterval } from "@/lib/analytics/ticks";

/**
 * The Recharts part of a chart card, in its own chunk: the page's first load does not wait for it.
 * Lines are straight between points (no smoothing that could dip below zero or above the data) and
 * break where a value is missing; the value axis comes from `valueAxis` (lib/analytics/ticks.ts).
 */
export default function ChartPlot({
  rows,
  series,
  kind,
  format,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  kind: "bar" | "line";
  format: Format;
}) {
  const axis = chartAxis(
    rows.flatMap((r) => series.map((s) => r[s.key] as number | null)),
    format,
  );
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <Chart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "#64748b" }}
          tickLine={false}
          axisLine={false}
          interval={timeTickInterval(rows.length)}
        />
        <YAxis
          tick={{ fontSize: 11, fill: "#64748b" }}
          tickLine={false}
          axisLine={false}
          width={52}
          domain={axis.domain}
          reversed={axis.reversed}
          allowDecimals={axis.allowDecimals}
          ticks={axis.ticks}
          interval={0}
          tickFormatter={(v: number) => tickLabel(v, axis.step, format)}
        />
        <Tooltip
          formatter={(value, name) => [
            displayValue(value as number, series.find((s) => s.label === name)?.format ?? format),
            name,
          ]}
          contentStyle={{ fontSize: 12 }}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s) =>
          kind === "bar" ? (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              radius={[2, 2, 0, 0]}
              // A counted zero shows as a sliver on the baseline; an empty bucket (not counted) shows nothing.
              minPointSize={(value) => (value === 0 ? 2 : 0)}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={rows.length <= 31 ? { r: 2 } : false}
              connectNulls={false}
              isAnimationActive={false}
              type="linear"
            />
          ),
        )}
      </Chart>
    </ResponsiveContainer>
  );
}
