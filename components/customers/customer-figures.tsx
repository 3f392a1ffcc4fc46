import type { Bucket, CustomerFigures } from "@/lib/customers/types";

function Bars({ label, buckets, unit }: { label: string; buckets: Bucket[]; unit: string }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-medium text-slate-800">{label}</figcaption>
      <ul className="mt-2 space-y-1">
        {buckets.map((b) => (
          <li key={b.label} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2 text-xs text-slate-600">
            <span>{b.label}</span>
            <span className="h-2 rounded-full bg-slate-100" aria-hidden>
              <span
                className="block h-2 rounded-full bg-brand-600"
                style={{ width: `${b.count === 0 ? 0 : Math.max(2, (b.count / max) * 100)}%` }}
              />
            </span>
            <span className="text-right tabular-nums">
              {b.count.toLocaleString("en-US")}
              <span className="sr-only"> {unit}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Reinstalls, time to uninstall and tenure, over the period the caption names. */
export function CustomerFiguresPanel({ figures, period }: { figures: CustomerFigures; period: string }) {
  const t = figures.timeToUninstall;
  return (
    <section aria-labelledby="customer-figures" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="customer-figures" className="sr-only">
        Customer figures
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">Customers with an app now</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums" data-testid="figure-active">
            {figures.active.toLocaleString("en-US")}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Reinstalls, {period}</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums" data-testid="figure-reinstalls">
            {figures.reinstalls.toLocaleString("en-US")}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Uninstalls, {period}</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums">{t.count.toLocaleString("en-US")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Median time to uninstall</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums" data-testid="figure-median">
            {t.medianDays === null ? "—" : `${t.medianDays} d`}
          </dd>
        </div>
      </dl>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <Bars label={`Time to uninstall, ${period}`} buckets={t.buckets} unit="uninstalls" />
        <Bars label="Customers by tenure, today" buckets={figures.tenure} unit="customers" />
      </div>
    </section>
  );
}
