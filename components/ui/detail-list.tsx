/** A label/value row of a description list, as on the settings pages. */
export function DetailRow({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-3 sm:grid-cols-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm font-medium break-words text-slate-900 sm:col-span-2">{value}</dd>
    </div>
  );
}
