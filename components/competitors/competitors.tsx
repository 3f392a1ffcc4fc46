import { ExternalLink } from "lucide-react";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ScrollArea } from "@/components/ui/scroll-area";
import { RemoveCompetitor } from "./remove-competitor";
import type { CompetitorSummary } from "@/lib/competitors/view";

const WHEN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** The competitors an app follows, side by side with their latest figures. */
export function CompetitorTable({
  appId,
  competitors,
  canEdit,
}: {
  appId: string;
  competitors: CompetitorSummary[];
  canEdit: boolean;
}) {
  return (
    <ScrollArea label="Competitors" className="rounded-xl border border-slate-200 bg-white">
      <Table className="min-w-[40rem]" caption="Competitors and their latest figures">
        <THead className="bg-slate-50">
          <tr>
            <Th>App</Th>
            <Th numeric>Rating</Th>
            <Th numeric>Reviews</Th>
            <Th>Installs</Th>
            <Th>Votes</Th>
            <Th numeric>Top rated</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {competitors.map((c) => (
            <tr key={c.id} data-testid="competitor-row">
              <Td>
                <a href={c.url} target="_blank" rel="noreferrer" className="font-medium text-slate-900 hover:underline">
                  {c.name}
                  <ExternalLink aria-hidden className="ml-1 inline size-3 text-slate-400" />
                  <span className="sr-only"> (opens the Marketplace page)</span>
                </a>
                {c.removed ? (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Removed</span>
                ) : null}
                {c.lastError ? <p className="mt-0.5 max-w-80 text-xs text-amber-800">{c.lastError}</p> : null}
              </Td>
              <Td numeric>{c.average === null ? "—" : c.average.toFixed(2)}</Td>
              <Td numeric>{c.reviewCount ?? "—"}</Td>
              <Td>{c.installBand ?? "—"}</Td>
              <Td>{c.votes ? `▲ ${c.votes.up ?? "—"} · ▼ ${c.votes.down ?? "—"}` : "—"}</Td>
              <Td numeric>{c.topRated === null ? "—" : `#${c.topRated}`}</Td>
              <Td className="text-right">
                {canEdit ? <RemoveCompetitor appId={appId} id={c.id} name={c.name} /> : null}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </ScrollArea>
  );
}

type FeedItem = {
  id: string;
  competitor: string;
  author: string;
  stars: number;
  text: string;
  reviewedAt: string | null;
  firstSeenAt: string;
};

/** Competitors' reviews as they appear, newest first: a low rating is a lead. */
export function CompetitorFeed({ feed }: { feed: FeedItem[] }) {
  return (
    <section aria-labelledby="competitor-feed" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="competitor-feed" className="text-sm font-semibold text-slate-900">
        New reviews of competitors
      </h2>
      {feed.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No new review since they were added. Reviews that appear on their pages show here after each sync.
        </p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100">
          {feed.map((r) => (
            <li key={r.id} className="py-2 text-sm" data-testid="competitor-review">
              <p className="flex flex-wrap items-center gap-x-2">
                <span className="font-medium text-slate-900">{r.competitor}</span>
                <span aria-label={`${r.stars} out of 5 stars`} className="text-amber-600">
                  {"★".repeat(r.stars)}
                  <span className="text-slate-300">{"★".repeat(5 - r.stars)}</span>
                </span>
                {r.stars <= 2 ? (
                  <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200 ring-inset">
                    Lead: an unhappy customer
                  </span>
                ) : null}
                <span className="text-xs text-slate-500">
                  {r.author}
                  {r.reviewedAt ? `, ${WHEN.format(new Date(r.reviewedAt))}` : ""}
                </span>
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-700">{r.text || "(no text)"}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
