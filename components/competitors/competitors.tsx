import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { ScrollArea } from "@/components/ui/scroll-area";
import { RemoveCompetitor } from "./remove-competitor";
import type { CompetitorSummary, ListingChangeView } from "@/lib/competitors/types";
import { UTC_DAY as WHEN } from "@/lib/text/dates";

/** The competitors an app follows, side by side with their latest figures. */
export function CompetitorTable({
  appId,
  self,
  competitors,
  canEdit,
}: {
  appId: string;
  /** The app itself: the first row, with the same columns. */
  self: CompetitorSummary;
  competitors: CompetitorSummary[];
  canEdit: boolean;
}) {
  const figures = (c: CompetitorSummary) => (
    <>
      <Td numeric>{c.average === null ? "—" : c.average.toFixed(2)}</Td>
      <Td numeric>{c.reviewCount ?? "—"}</Td>
      <Td>{c.installBand ?? "—"}</Td>
      <Td>{c.votes ? `▲ ${c.votes.up ?? "—"} · ▼ ${c.votes.down ?? "—"}` : "—"}</Td>
      <Td numeric>{c.topRated === null ? "—" : `#${c.topRated}`}</Td>
    </>
  );
  return (
    <ScrollArea label="Competitors" className="rounded-xl border border-slate-200 bg-white">
      <Table className="min-w-[40rem]" caption="Your app and its competitors, with their latest figures">
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
          <tr data-testid="own-row" className="bg-brand-50/40">
            <Td>
              <Link href={self.url} className="font-medium text-slate-900 hover:underline">
                <bdi>{self.name}</bdi>
              </Link>
              <span className="text-brand-800 ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs">Your app</span>
            </Td>
            {figures(self)}
            <Td />
          </tr>
          {competitors.map((c) => (
            <tr key={c.id} data-testid="competitor-row">
              <Td>
                <a href={c.url} target="_blank" rel="noreferrer" className="font-medium text-slate-900 hover:underline">
                  <bdi>{c.name}</bdi>
                  <ExternalLink aria-hidden className="ml-1 inline size-3 text-slate-400" />
                  <span className="sr-only"> (opens the Marketplace page)</span>
                </a>
                {c.removed ? (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Removed</span>
                ) : null}
                {c.lastError ? <p className="mt-0.5 max-w-80 text-xs text-amber-800">{c.lastError}</p> : null}
              </Td>
              {figures(c)}
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
                <bdi className="font-medium text-slate-900">{r.competitor}</bdi>
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
                  <bdi>{r.author}</bdi>
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

/** Long texts are cut; the whole of each is a click away. */
function Side({ label, text }: { label: string; text: string }) {
  const long = text.length > 240;
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 p-2">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      {long ? (
        <details>
          <summary className="cursor-pointer text-slate-700">{text.slice(0, 240)}…</summary>
          <p className="mt-1 break-words whitespace-pre-line text-slate-700">{text}</p>
        </details>
      ) : (
        <p className="break-words whitespace-pre-line text-slate-700">{text}</p>
      )}
    </div>
  );
}

export function ListingChangeLog({
  changes,
  competitor,
}: {
  changes: ListingChangeView[];
  /** When the log is cut to one competitor (a link from an alert). */
  competitor: { name: string; clearHref: string } | null;
}) {
  return (
    <section aria-labelledby="listing-changes" className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="listing-changes" className="text-sm font-semibold text-slate-900">
          Listing changes{competitor ? ` of ${competitor.name}` : ""}
        </h2>
        {competitor ? (
          <Link href={competitor.clearHref} className="text-xs font-medium text-brand-700 underline">
            All competitors
          </Link>
        ) : null}
      </div>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No change seen yet. Each sync compares their name, summary, description, screenshots (by picture), video,
          categories and pricing link with the last read.
        </p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100">
          {changes.map((c) => (
            <li key={c.id} className="py-2 text-sm" data-testid="listing-change">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <bdi className="font-medium text-slate-900">{c.competitor}</bdi>
                <span className="text-slate-700">changed its {c.field}</span>
                <time className="text-xs text-slate-500" dateTime={c.detectedAt}>
                  {WHEN.format(new Date(c.detectedAt))}
                </time>
              </p>
              <div className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-2">
                <Side label="Before" text={c.before} />
                <Side label="After" text={c.after} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
