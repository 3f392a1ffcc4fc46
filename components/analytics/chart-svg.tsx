import { barPaths, chartGeometry, dotPaths, VIEW } from "@/lib/analytics/chart-geometry";
import type { ChartRow, ChartSeries } from "@/lib/analytics/format";

/**
 * A chart drawn on the server as plain SVG: bars or straight lines (broken where a value is
 * missing), the value axis of `chartAxis`, period labels and a legend. Nothing of it runs in the
 * browser; pointing at a period shows its values (the SVG's own titles), and the card's table has
 * every figure for keyboards and screen readers.
 */
export function ChartSvg({ rows, series, kind }: { rows: ChartRow[]; series: ChartSeries[]; kind: "bar" | "line" }) {
  const g = chartGeometry(rows, series, kind);
  const stroke = { vectorEffect: "non-scaling-stroke" } as const;
  return (
    <div className="flex h-full flex-col" data-chart-kind={kind}>
      <div className="flex min-h-0 flex-1">
        <div className="relative w-13 shrink-0 text-[11px] text-slate-500 tabular-nums" data-axis="value">
          {g.ticks.map((t) => (
            <span key={t.label} data-tick className="absolute right-2 -translate-y-1/2" style={{ top: `${t.top}%` }}>
              {t.label}
            </span>
          ))}
        </div>
        <svg
          viewBox={`0 0 ${VIEW} ${VIEW}`}
          preserveAspectRatio="none"
          className="h-full min-w-0 flex-1 overflow-visible"
          data-plot
        >
          {g.ticks.map((t) => (
            <line
              key={t.label}
              x1={0}
              x2={VIEW}
              y1={(t.top / 100) * VIEW}
              y2={(t.top / 100) * VIEW}
              stroke="#e2e8f0"
              strokeDasharray="3 3"
              {...stroke}
            />
          ))}
          {barPaths(g.bars).map((b) => (
            <path key={b.key} data-series={b.key} d={b.d} fill={b.color} />
          ))}
          {g.lines.map((l) => (
            <path
              key={l.key}
              data-line={l.key}
              d={l.d}
              fill="none"
              stroke={l.color}
              strokeWidth={2}
              strokeLinejoin="round"
              {...stroke}
            />
          ))}
          {dotPaths(g.dots).map((d) => (
            <path key={d.key} d={d.d} stroke={d.color} strokeWidth={5} strokeLinecap="round" fill="none" {...stroke} />
          ))}
          {/* What a pointer over a period is told. */}
          <g className="fill-transparent [&>rect:hover]:fill-slate-900/5">
            {g.bands.map((b, i) => (
              <rect key={i} x={b.x} width={b.width} height={VIEW}>
                <title>{b.title}</title>
              </rect>
            ))}
          </g>
        </svg>
      </div>
      <div className="relative ml-13 h-5 shrink-0 text-[11px] text-slate-500" data-axis="period">
        {g.periods.map((p) => (
          <span
            key={p.label}
            className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
            style={{ left: `${p.left}%` }}
          >
            {p.label}
          </span>
        ))}
      </div>
      {g.legend.length > 0 ? (
        <ul className="mt-1 flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs text-slate-700">
          {g.legend.map((l, i) => (
            <li key={i} data-legend-item className="flex items-center gap-1">
              <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: l.color }} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
