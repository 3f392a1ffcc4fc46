import { inputClass } from "@/components/forms/field";

/** A secret or link the server keeps only as a hash: shown here once, selected on focus to copy. */
export function ShownOnce({ what, label, value }: { what: string; label: string; value: string }) {
  return (
    <div role="status" className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3">
      <p className="text-sm font-medium text-emerald-900">Copy the {what} now: it is shown only once.</p>
      <input
        aria-label={label}
        readOnly
        value={value}
        className={`${inputClass} mt-2 font-mono`}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
