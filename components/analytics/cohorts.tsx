import { InfoTip } from "@/components/analytics/info-tip";
import { DEFINITIONS } from "@/lib/analytics/definitions";
import { bucketLabel } from "@/lib/analytics/format";
import type { Cohort } from "@/lib/analytics/metrics";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

/**
 * A retention cell's colors: light green with dark text up to half retained, dark green with white
 * text above, so the text always reads (4.5:1; a mid green reads with neither).
 */
function cellStyle(v: number) {
  const dark = v >= 0.5;
  const alpha = dark ? 0.8 + (v - 0.5) * 0.4 : 0.08 + v * 0.44;
  return { backgroundColor: `rgba(1, 92, 43, ${alpha.toFixed(3)})`, color: dark ? "white" : "#0f172a" };
}

/** Monthly cohorts × months since install, as a heat-map table. */
export function CohortTable({ cohorts }: { cohorts: Cohort[] }) {
  const width = Math.max(0, ...cohorts.map((c) => c.retention.findLastIndex((v) => v !== null) + 1));
  return (
    <section aria-labelledby="cohorts-name" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="cohorts-title" className="flex items-center gap-1 text-sm font-semibold text-slate-900">
        <span id="cohorts-name">Cohort retention</span>{" "}
        <InfoTip id="cohorts-definition" label="cohort retention">
          {DEFINITIONS.cohorts}
        </InfoTip>
      </h2>
      {cohorts.every((c) => c.size === 0) ? (
        <p className="mt-2 text-sm text-slate-600">No installs in these months.</p>
      ) : (
        <ScrollArea label="Cohort retention table" className="mt-3">
          <Table density="compact" className="w-auto">
            <caption className="sr-only">Share of each month&apos;s installs still active after n months</caption>
            <THead>
              <tr>
                <Th>Installed in</Th>
                <Th numeric>Installs</Th>
                {Array.from({ length: Math.max(1, width) }, (_, k) => (
                  <Th key={k} className="text-center">
                    M{k}
                  </Th>
                ))}
              </tr>
            </THead>
            <TBody className="divide-y-0">
              {cohorts.map((c) => (
                <tr key={c.month}>
                  <Th scope="row" className="text-slate-700">
                    {bucketLabel(c.month, "month")}
                  </Th>
                  <Td numeric>{c.size}</Td>
                  {Array.from({ length: Math.max(1, width) }, (_, k) => {
                    const v = c.size ? c.retention[k] : null;
                    return (
                      <Td key={k} className="p-0.5">
                        <span
                          className="block w-12 rounded px-1 py-1 text-center"
                          style={v == null ? undefined : cellStyle(v)}
                        >
                          {v == null ? "" : `${Math.round(v * 100)}%`}
                        </span>
                      </Td>
                    );
                  })}
                </tr>
              ))}
            </TBody>
          </Table>
        </ScrollArea>
      )}
    </section>
  );
}
