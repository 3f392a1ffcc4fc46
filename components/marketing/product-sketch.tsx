import { BarChart3, CheckCircle2, Star } from "lucide-react";

/**
 * A static picture of the product for the landing page (drawn in HTML, no screenshots to go stale).
 * Its figures are made up, and it says so.
 */
export function ProductSketch() {
  return (
    <figure className="mx-auto w-full max-w-xl">
      <div
        aria-hidden
        className="relative rounded-2xl border border-slate-200 bg-white p-4 shadow-xl shadow-slate-900/5"
      >
        <div className="flex items-center gap-3 border-b border-slate-100 pb-4">
          <div className="flex size-12 items-center justify-center rounded-xl bg-gradient-to-br from-indigo-500 to-violet-600 text-lg font-bold text-white">
            Q
          </div>
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-slate-900">QuoteFlow for Pipedrive</p>
            <p className="truncate text-sm text-slate-500">Send branded quotes from any deal in two clicks.</p>
          </div>
          <span className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-800">Draft v14</span>
        </div>
        <div className="grid grid-cols-3 gap-3 py-4">
          {[
            ["Installs (30d)", "1,284", "+12.4%"],
            ["Active", "9,712", "+3.1%"],
            ["Rating", "4.7", "+0.1"],
          ].map(([label, value, delta]) => (
            <div key={label} className="rounded-lg bg-slate-50 p-3">
              <p className="text-xs text-slate-500">{label}</p>
              <p className="mt-1 text-lg font-semibold text-slate-900">{value}</p>
              <p className="text-xs font-medium text-brand-600">{delta}</p>
            </div>
          ))}
        </div>
        <div className="flex h-24 items-end gap-1.5 rounded-lg bg-slate-50 p-3">
          {[30, 42, 38, 55, 48, 62, 58, 71, 66, 80, 76, 92].map((h, i) => (
            <div key={i} className="flex-1 rounded-t bg-brand-500/80" style={{ height: `${h}%` }} />
          ))}
        </div>
        <div className="mt-4 space-y-2 text-sm">
          <p className="flex items-center gap-2 text-slate-700">
            <CheckCircle2 className="size-4 text-brand-600" /> Readiness 96/100 — ready for review
          </p>
          <p className="flex items-center gap-2 text-slate-700">
            <Star className="size-4 fill-amber-400 text-amber-400" /> 3 new reviews need a reply
          </p>
          <p className="flex items-center gap-2 text-slate-700">
            <BarChart3 className="size-4 text-indigo-500" /> 68% of visitors allow at the consent screen
          </p>
        </div>
      </div>
      <figcaption className="mt-3 text-center text-xs text-slate-500">
        Illustration: the app and its figures are examples, not real data.
      </figcaption>
    </figure>
  );
}
