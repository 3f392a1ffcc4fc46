import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import { History } from "lucide-react";
import { DiffView } from "@/components/listing/diff-view";
import { ImportForm } from "@/components/listing/import-form";
import { RestoreButton, SaveVersionForm } from "@/components/listing/version-controls";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { loadApp } from "@/lib/apps/load";
import { diffListings, needsReReview } from "@/lib/listing/diff";
import { listingAt, listVersions } from "@/lib/listing/versions";
import { can } from "@/lib/team/permissions";
import { plural } from "@/lib/text/words";

export const metadata: Metadata = { title: "Versions" };

const HISTORY_PAGE = 20;

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const SOURCE: Record<string, string> = {
  MANUAL: "Saved",
  RESTORE: "Restored",
  IMPORT: "Imported",
  BACKUP: "Kept before an import",
  SUBMISSION: "Recorded as submitted to Pipedrive",
};

export default async function VersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ appId: string }>;
  searchParams: Promise<{ from?: string; to?: string; page?: string }>;
}) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "listing"))
    return <NotForType app={app} feature="listing" icon={History} title="No listing versions" />;
  const query = await searchParams;
  const versions = await listVersions(member, app.id);
  const canEdit = can(member, "version.save");
  const known = (id: string | undefined) =>
    id && (id === "draft" || versions.some((v) => v.id === id)) ? id : undefined;
  const from = known(query.from) ?? versions[0]?.id;
  const to = known(query.to) ?? "draft";
  const changes = from ? diffListings(await listingAt(member, app.id, from), await listingAt(member, app.id, to)) : [];
  // The history in pages (the compare lists keep every version to choose from).
  const pages = Math.max(1, Math.ceil(versions.length / HISTORY_PAGE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number(query.page)) || 1));
  const shown = versions.slice((page - 1) * HISTORY_PAGE, page * HISTORY_PAGE);
  const pageHref = (n: number) =>
    `?${new URLSearchParams([...(query.from ? [["from", query.from]] : []), ...(query.to ? [["to", query.to]] : []), ...(n > 1 ? [["page", String(n)]] : [])])}`;
  const name = (id: string) =>
    id === "draft" ? "Current draft" : `Version ${versions.find((v) => v.id === id)?.number}`;

  return (
    <div className="space-y-8">
      {canEdit ? (
        <section aria-labelledby="save-heading" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="save-heading" className="mb-3 font-semibold text-slate-900">
            Save the current draft as a version
          </h2>
          <SaveVersionForm appId={app.id} />
        </section>
      ) : null}
      <section
        aria-labelledby="code-heading"
        className="grid grid-cols-1 gap-6 rounded-xl border border-slate-200 bg-white p-6 md:grid-cols-2"
      >
        <div>
          <h2 id="code-heading" className="font-semibold text-slate-900">
            Listing as code
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Export the draft as JSON (format version 1, documented in the README) with its images in a zip, keep it in
            your repository, and import it here or into another app.
          </p>
          <div className="mt-4 flex gap-2">
            <a href={`/api/apps/${app.id}/export`} className={buttonVariants({ variant: "secondary" })} download>
              Export .zip
            </a>
            <a
              href={`/api/apps/${app.id}/export?format=json`}
              className={buttonVariants({ variant: "ghost" })}
              download
            >
              JSON only
            </a>
          </div>
        </div>
        {canEdit ? <ImportForm appId={app.id} /> : null}
      </section>
      {versions.length === 0 ? (
        <EmptyState icon={History} title="No versions yet">
          Save a version before sending the listing to review, so you can compare and restore it later.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 font-semibold text-slate-900">
              History
            </h2>
            <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
              {shown.map((v) => (
                <li
                  key={v.id}
                  className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                  data-testid="version-row"
                >
                  <div>
                    <p className="text-sm font-medium text-slate-900">
                      Version {v.number}: {v.label}
                    </p>
                    <p className="text-xs text-slate-500">
                      {SOURCE[v.source] ?? v.source} by {v.createdBy ?? "someone"} ·{" "}
                      {when.format(new Date(v.createdAt))} UTC
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <a href={`?from=${v.id}&to=draft`} className={buttonVariants({ size: "sm", variant: "ghost" })}>
                      Compare with draft
                    </a>
                    {canEdit ? <RestoreButton appId={app.id} versionId={v.id} number={v.number} /> : null}
                  </div>
                </li>
              ))}
            </ol>
            <div className="mt-3">
              <Pager page={page} pages={pages} href={pageHref} total={plural(versions.length, "version", "versions")} />
            </div>
          </section>
          <section aria-labelledby="compare-heading" className="space-y-4">
            <h2 id="compare-heading" className="font-semibold text-slate-900">
              Compare
            </h2>
            <form method="get" className="flex flex-wrap items-end gap-3">
              {(["from", "to"] as const).map((key) => (
                <div key={key} className="w-full min-w-0 space-y-1 sm:w-auto">
                  <label htmlFor={`compare-${key}`} className="text-sm font-medium text-slate-800">
                    {key === "from" ? "From" : "To"}
                  </label>
                  <select
                    id={`compare-${key}`}
                    name={key}
                    defaultValue={key === "from" ? from : to}
                    className="block w-full max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto sm:max-w-md"
                  >
                    <option value="draft">Current draft</option>
                    {versions.map((v) => (
                      <option key={v.id} value={v.id}>
                        Version {v.number}: {v.label}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <button type="submit" className={buttonVariants({ variant: "secondary" })}>
                Compare
              </button>
            </form>
            {from ? (
              <p className="text-sm text-slate-600">
                {name(from)} → {name(to)}: {plural(changes.length, "field", "fields")} changed.
                {needsReReview(changes)
                  ? " Includes critical fields: after approval these go through Pipedrive's review again."
                  : ""}
              </p>
            ) : null}
            <DiffView changes={changes} />
          </section>
        </>
      )}
    </div>
  );
}
