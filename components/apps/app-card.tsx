import Link from "next/link";
import type { AppSummary } from "@/lib/apps/types";
import { APP_STATUS_LABELS } from "@/lib/apps/schema";
import { APP_TYPE_LABELS, appHome, hasFeature } from "@/lib/app-types";
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

export function AppCard({ app }: { app: AppSummary }) {
  return (
    <li
      data-testid="app-card"
      className="group relative flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-600 has-[a:focus-visible]:ring-offset-2"
    >
      <div className="flex items-start gap-3">
        <AppIcon app={app} />
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold text-slate-900">
            <Link href={appHome(app)} className="after:absolute after:inset-0 focus-visible:outline-none">
              {app.name}
            </Link>
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {APP_TYPE_LABELS[app.type]} · {app.archived ? "Archived" : (APP_STATUS_LABELS[app.status] ?? app.status)}
          </p>
          {app.clientRejectedAt && !app.archived ? (
            <p className="mt-1 inline-block rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
              Installs failing: secret refused
            </p>
          ) : null}
        </div>
      </div>
      {/* What this app does, in its own words; the type is already said under the name. */}
      {app.summary ? <p className="line-clamp-2 text-sm text-slate-700">{app.summary}</p> : null}
      {hasFeature(app.type, "listing") ? (
        <div>
          <p className="mb-1 text-xs text-slate-500">
            {hasFeature(app.type, "marketplace") ? "Listing readiness" : "Setup readiness"}
          </p>
          <ReadinessBar value={app.readiness} />
        </div>
      ) : (
        <p className="text-xs text-slate-500">Installs are tracked through the events API.</p>
      )}
    </li>
  );
}
