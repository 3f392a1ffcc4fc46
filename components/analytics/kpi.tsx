import { InfoTip } from "@/components/analytics/info-tip";
import { deltaText, displayValue, type Format } from "@/lib/analytics/format";
import type { Change } from "@/lib/analytics/metrics";
import { cn } from "@/components/ui/cn";

/** A figure of the period, its change against the previous period, and what it means. */
export function Kpi({
  id,
  label,
  value,
  format,
  definition,
  goodWhenUp = true,
}: {
  id: string;
  label: string;
  value: Change;
  format: Format;
  definition: string;
  goodWhenUp?: boolean;
}) {
  const up = value.delta !== null && value.delta > 1e-9;
  const down = value.delta !== null && value.delta < -1e-9;
  const good = (up && goodWhenUp) || (down && !goodWhenUp);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid={`kpi-${id}`}>
      <p className="flex items-center gap-1 text-xs font-medium text-slate-600">
        {label}{" "}
        <InfoTip id={`kpi-${id}-definition`} label={label}>
          {definition}
        </InfoTip>
      </p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={`kpi-${id}-value`}>
        {displayValue(value.current, format)}
      </p>
      <p
        className={cn(
          "text-xs tabular-nums",
          up || down ? (good ? "text-emerald-700" : "text-red-700") : "text-slate-500",
        )}
      >
        {deltaText(value.delta, value.pct, format)} <span className="text-slate-500">vs previous period</span>
      </p>
    </div>
  );
}
