import type { AppSummary } from "@/lib/apps/types";
import { cn, initials } from "@/components/ui/cn";

export function AppIcon({ app, size = "md" }: { app: Pick<AppSummary, "name" | "iconAssetId">; size?: "md" | "lg" }) {
  const box = size === "lg" ? "size-14 rounded-xl text-lg" : "size-11 rounded-lg text-sm";
  if (app.iconAssetId) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served by our own access-controlled route
      <img
        src={`/api/assets/${app.iconAssetId}?size=thumb`}
        alt=""
        className={cn(box, "object-cover ring-1 ring-slate-200")}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={cn(box, "flex shrink-0 items-center justify-center bg-slate-800 font-semibold text-white")}
    >
      {initials(app.name)}
    </span>
  );
}

export function ReadinessBar({ value }: { value: number }) {
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100" role="presentation">
        <div
          className={cn(
            "h-full rounded-full",
            value === 100 ? "bg-brand-600" : value >= 60 ? "bg-amber-500" : "bg-slate-400",
          )}
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="text-xs text-slate-600 tabular-nums">{value}%</span>
    </div>
  );
}
