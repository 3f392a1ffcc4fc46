import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import Link from "next/link";
import { Download, FileX } from "lucide-react";
import { CopyButton } from "@/components/apps/copy-button";
import { buttonVariants } from "@/components/ui/button";
import { NoClientIdNotice } from "@/components/apps/no-client-id";
import { loadApp } from "@/lib/apps/load";
import { developerHubView, type HandoffField } from "@/lib/listing/developer-hub";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/text/words";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { UTC_DAY as DAY } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Copy to Developer Hub" };

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function FieldRow({ appId, field }: { appId: string; field: HandoffField }) {
  const over = field.limit !== null && field.count !== null && field.count > field.limit;
  return (
    <li className="py-3" data-testid={`handoff-${field.id}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="text-sm font-medium text-slate-900">{field.label}</h3>
        {field.limit !== null && field.count !== null ? (
          <span
            className={cn("text-xs tabular-nums", over ? "font-semibold text-red-700" : "text-slate-500")}
            data-testid="handoff-count"
          >
            {field.count} / {field.limit}
          </span>
        ) : null}
        {field.changed === true ? (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
            Changed since the submission
          </span>
        ) : null}
        {field.changed === false ? (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">As submitted</span>
        ) : null}
        <span className="ml-auto">
          <CopyButton text={field.text} html={field.html} label={field.label} />
        </span>
      </div>
      {field.text ? (
        <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 text-sm break-words whitespace-pre-wrap text-slate-700">
          {field.text}
        </p>
      ) : (
        <p className={cn("mt-1 text-sm", field.required ? "text-red-700" : "text-slate-500")}>
          {field.required ? (
            <>
              Empty, and Developer Hub requires it.{" "}
              <Link href={`/apps/${appId}/listing?field=${field.field}`} className="underline">
                Fill it in the editor
              </Link>
            </>
          ) : (
            "Empty"
          )}
        </p>
      )}
    </li>
  );
}

export default async function DeveloperHubPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "listing"))
    return <NotForType app={app} feature="listing" icon={FileX} title="Nothing to copy to Developer Hub" />;
  const view = await developerHubView(member, app.id);
  const changed = view.sections.flatMap((s) => s.fields).filter((f) => f.changed).length;
  return (
    <div className="space-y-6">
      {app.clientId ? null : (
        <NoClientIdNotice
          appId={app.id}
          need="Create the app in Developer Hub first (its OAuth tab gives the client ID), then copy the fields below into it."
        />
      )}
      <section aria-labelledby="handoff-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="handoff-heading" className="font-semibold text-slate-900">
          Copy to Developer Hub
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Pipedrive has no API for listings: open your app in Developer Hub and copy each field there, tab by tab, in
          this order. Rich text is copied with its formatting.
        </p>
        <p className="mt-2 text-sm text-slate-800" data-testid="handoff-submission">
          {view.submission
            ? `Compared with the submission recorded on ${DAY.format(new Date(view.submission.submittedOn))} (version ${view.submission.versionNumber}): ${plural(changed, "field changed", "fields changed")} since.`
            : "No submission recorded yet: everything here is new to Pipedrive."}
        </p>
      </section>

      {view.sections.map((section) => (
        <section
          key={section.tab}
          aria-labelledby={`handoff-${section.tab}`}
          className="rounded-xl border border-slate-200 bg-white p-5"
        >
          <h2 id={`handoff-${section.tab}`} className="font-semibold text-slate-900">
            {section.label}
          </h2>
          <p className="text-xs text-slate-500">{section.hint}</p>
          {section.fields.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">Nothing to copy in this tab.</p>
          ) : null}
          <ul className="mt-2 divide-y divide-slate-100">
            {section.fields.map((field) => (
              <FieldRow key={field.id} appId={app.id} field={field} />
            ))}
          </ul>
          {section.scopes?.length ? (
            <Table density="compact" className="mt-2">
              <caption className="sr-only">Scopes to tick in Developer Hub</caption>
              <THead>
                <tr>
                  <Th>In Developer Hub</Th>
                  <Th>Scope</Th>
                  <Th>Why (for reviewers)</Th>
                </tr>
              </THead>
              <TBody>
                {section.scopes.map((s) => (
                  <tr key={s.id}>
                    <Td className="font-medium text-slate-900">{s.name}</Td>
                    <Td>
                      <code className="text-xs">{s.id}</code>
                    </Td>
                    <Td className="text-slate-700">{s.justification || "—"}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {section.tab === "general" ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-medium text-slate-900">Icon and images</h3>
                {view.media.length ? (
                  <a
                    href={`/api/apps/${app.id}/developer-hub/all.zip`}
                    className={buttonVariants({ variant: "secondary", size: "sm" })}
                    download
                  >
                    <Download aria-hidden /> Download all (zip)
                  </a>
                ) : null}
              </div>
              {view.media.length === 0 ? (
                <p className="mt-2 text-sm text-slate-500">No icon or image yet.</p>
              ) : (
                <ul
                  className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
                  aria-label="Media for Developer Hub"
                >
                  {view.media.map((m) => (
                    <li
                      key={m.file}
                      className="flex items-center gap-3 rounded-lg border border-slate-200 p-2"
                      data-testid="handoff-media"
                    >
                      {/* eslint-disable-next-line @next/next/no-img-element -- access-controlled asset route */}
                      <img
                        src={`/api/assets/${m.assetId}?size=thumb`}
                        alt=""
                        className="h-12 w-16 shrink-0 rounded object-cover ring-1 ring-slate-200"
                      />
                      <div className="min-w-0 flex-1 text-xs">
                        <p className="font-medium text-slate-900">{m.what}</p>
                        <p className="text-slate-500">
                          {m.width}×{m.height} · {m.mime === "image/png" ? "PNG" : "JPEG"} · {size(m.bytes)}
                        </p>
                        {m.alt ? <p className="truncate text-slate-500">Alt: {m.alt}</p> : null}
                      </div>
                      <a
                        href={`/api/apps/${app.id}/developer-hub/${m.file}`}
                        download
                        className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        Download<span className="sr-only"> {m.what}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
