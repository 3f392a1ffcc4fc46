import { InfoTip } from "@/components/analytics/info-tip";
import { DEFINITIONS } from "@/lib/analytics/definitions";
import type { Analytics } from "@/lib/analytics/types";
import { plural } from "@/lib/text/words";

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : "—");

/** Install started → consent granted → installed → still active after 30 days, with the drop-off at consent. */
export function Funnel({ funnel }: { funnel: Analytics["funnel"] }) {
  const steps = [
    {
      label: "Install started",
      value: funnel.started,
      note: "distinct visits that reached Pipedrive's consent (each browser once per 10 minutes)",
    },
    {
      label: "Consent granted",
      value: funnel.granted,
      note: `${pct(funnel.granted, funnel.started)} of started · ${funnel.denied} denied (${pct(funnel.denied, funnel.started)}), ${Math.max(0, funnel.started - funnel.granted - funnel.denied)} left without answering`,
    },
    {
      label: "Installed",
      value: funnel.installed,
      note:
        funnel.installed > funnel.granted
          ? "includes Marketplace installs that skip the Installation URL"
          : `${pct(funnel.installed, funnel.granted)} of consents`,
    },
    {
      label: "Still active after 30 days",
      value: funnel.retained,
      note: `of ${plural(funnel.eligible, "install", "installs")} at least 30 days old (${pct(funnel.retained, funnel.eligible)})`,
    },
  ];
  const max = Math.max(1, ...steps.map((s) => s.value));
  return (
    <section
      aria-labelledby="funnel-name"
      className="rounded-xl border border-slate-200 bg-white p-4"
      data-testid="funnel"
    >
      <h2 id="funnel-title" className="flex items-center gap-1 text-sm font-semibold text-slate-900">
        <span id="funnel-name">Install funnel</span>{" "}
        <InfoTip id="funnel-definition" label="the install funnel">
          {DEFINITIONS.funnel}
        </InfoTip>
      </h2>
      <ol className="mt-3 space-y-3">
        {steps.map((s) => (
          <li key={s.label}>
            <div className="flex justify-between text-sm">
              <span className="text-slate-800">{s.label}</span>
              <strong
                className="text-slate-900 tabular-nums"
                data-testid={`funnel-${s.label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
              >
                {s.value.toLocaleString("en-US")}
              </strong>
            </div>
            <div className="mt-1 h-2 rounded bg-slate-100" aria-hidden>
              <div className="h-2 rounded bg-brand-600" style={{ width: `${(s.value / max) * 100}%` }} />
            </div>
            <p className="mt-0.5 text-xs text-slate-500">{s.note}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
