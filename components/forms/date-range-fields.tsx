import { inputClass } from "@/components/forms/field";

/** "From" and "To" date fields of a GET filter form (`from`, `to` in the URL). */
export function DateRangeFields({ from, to }: { from: string; to: string }) {
  return (
    <>
      <label className="text-sm font-medium text-slate-800">
        From
        <input type="date" name="from" defaultValue={from} className={`${inputClass} mt-1`} />
      </label>
      <label className="text-sm font-medium text-slate-800">
        To
        <input type="date" name="to" defaultValue={to} className={`${inputClass} mt-1`} />
      </label>
    </>
  );
}
