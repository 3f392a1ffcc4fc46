import { plural } from "@/lib/text/words";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { UTC_STAMP_SECONDS as WHEN } from "@/lib/text/dates";

export type AuditEntryView = {
  id: string;
  at: string;
  actor: string;
  code: string;
  action: string;
  target: string;
  details: string[];
};

/** The changes of an entry: one short line as it is, several (or a long one) folded, readable in full when opened. */
function Changes({ details }: { details: string[] }) {
  if (details.length === 0) return <span className="text-slate-400">—</span>;
  const [first] = details as [string];
  if (details.length === 1 && first.length <= 80) return <span className="break-words">{first}</span>;
  return (
    <details>
      <summary className="cursor-pointer break-words">
        {first.length > 80 ? `${first.slice(0, 79)}…` : first}
        {details.length > 1 ? ` (+${details.length - 1} more)` : ""}
      </summary>
      <ul className="mt-1 space-y-0.5">
        {details.map((line, i) => (
          <li key={i} className="break-words whitespace-pre-wrap">
            {line}
          </li>
        ))}
      </ul>
    </details>
  );
}

const What = ({ entry }: { entry: AuditEntryView }) => (
  <>
    {entry.action}
    {entry.target ? (
      <>
        {" "}
        <strong className="font-semibold text-slate-900">{entry.target}</strong>
      </>
    ) : null}
  </>
);

/** The audit log: a table on wide screens, one card per entry on a phone. */
export function AuditEntries({
  entries,
  total,
  more = false,
}: {
  entries: AuditEntryView[];
  total: number;
  /** More entries than `total` (the log was counted up to it). */
  more?: boolean;
}) {
  const count = more ? `${total.toLocaleString("en-US")}+ entries` : plural(total, "entry", "entries");
  return (
    <>
      <ScrollArea label="Audit log" className="hidden rounded-xl border border-slate-200 bg-white sm:block">
        <Table className="min-w-[48rem]">
          <caption className="sr-only">Audit log, {count}</caption>
          <THead className="bg-slate-50">
            <tr>
              <Th>When (UTC)</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Changes</Th>
            </tr>
          </THead>
          <TBody className="align-top">
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.code}>
                <Td className="whitespace-nowrap text-slate-600">{WHEN.format(new Date(e.at))}</Td>
                <Td className="font-medium whitespace-nowrap text-slate-900">{e.actor}</Td>
                <Td className="text-slate-800">
                  <What entry={e} />
                </Td>
                <Td className="max-w-96 text-xs text-slate-600">
                  <Changes details={e.details} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </ScrollArea>
      <ul className="space-y-2 sm:hidden" aria-label={`Audit log, ${count}`}>
        {entries.map((e) => (
          <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="audit-card">
            <p className="text-xs text-slate-500 tabular-nums">{WHEN.format(new Date(e.at))} UTC</p>
            <p className="mt-1 text-slate-800">
              <span className="font-medium text-slate-900">{e.actor}</span> · <What entry={e} />
            </p>
            {e.details.length > 0 ? (
              <div className="mt-1 text-xs text-slate-600">
                <Changes details={e.details} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
