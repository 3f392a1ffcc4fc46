import { Info } from "lucide-react";

/**
 * A definition shown on hover or keyboard focus (a tap on a phone), and read by screen readers as
 * the button's description. Closed, it takes no room; on a phone it opens along the screen's bottom
 * edge, so it never runs off the side.
 */
export function InfoTip({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        className="rounded text-slate-400 hover:text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        aria-label={`Definition of ${label}`}
        aria-describedby={id}
      >
        <Info aria-hidden className="size-3.5" />
      </button>
      <span
        id={id}
        role="tooltip"
        className="absolute top-full left-1/2 z-20 mt-1 hidden w-64 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-xs leading-snug font-normal text-white shadow-lg group-focus-within:block group-hover:block max-sm:fixed max-sm:inset-x-4 max-sm:top-auto max-sm:bottom-4 max-sm:w-auto max-sm:translate-x-0"
      >
        {children}
      </span>
    </span>
  );
}
