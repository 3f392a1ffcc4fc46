import { Info } from "lucide-react";

/** A definition shown on hover or keyboard focus, and read by screen readers as the button's description. */
export function InfoTip({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <span className="group relative inline-flex">
      <button type="button" className="rounded text-slate-400 hover:text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600" aria-label={`Definition of ${label}`} aria-describedby={id}>
        <Info aria-hidden className="size-3.5" />
      </button>
      <span id={id} role="tooltip" className="invisible absolute left-1/2 top-full z-20 mt-1 w-64 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal leading-snug text-white shadow-lg group-focus-within:visible group-hover:visible">
        {children}
      </span>
    </span>
  );
}
