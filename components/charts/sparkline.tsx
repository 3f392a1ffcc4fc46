import { cn } from "@/components/ui/cn";

/** A trend as a bare line (no axes, no chart library): values drawn left to right within [min, max]. */
export function Sparkline({
  values,
  label,
  min = Math.min(...values),
  max = Math.max(...values),
  className,
}: {
  values: number[];
  /** What the line shows, for screen readers; null when the figure beside it already says it (decorative). */
  label: string | null;
  min?: number;
  max?: number;
  className?: string;
}) {
  const [w, h] = [220, 40];
  const a11y = label === null ? { "aria-hidden": true } : { role: "img", "aria-label": label };
  const span = Math.max(1e-9, max - min);
  const points = values
    .map(
      (v, i) => `${((i / Math.max(1, values.length - 1)) * w).toFixed(1)},${(h - ((v - min) / span) * h).toFixed(1)}`,
    )
    .join(" ");
  return (
    <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" className={cn("h-10 w-full", className)} {...a11y}>
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        className="text-brand-600"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
