"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { ImportChange } from "@/lib/listing/types";
import { plural } from "@/lib/text/words";

type Problem = { message: string; fields: [string, string][] };

async function send(appId: string, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append("file", file);
  const res = await fetch(`/api/apps/${appId}/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", body: form });
  const body = await res.json().catch(() => null);
  if (res.ok) return { ok: true as const, body };
  const problem: Problem = {
    message: body?.error?.message ?? `Import failed (${res.status})`,
    fields: Object.entries(body?.error?.fields ?? {}),
  };
  return { ok: false as const, problem };
}

/**
 * Imports an exported listing (zip or JSON). It first shows what would change and asks; the
 * current draft is kept as a version before the import replaces it, so Versions can undo it.
 */
export function ImportForm({ appId }: { appId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [changes, setChanges] = useState<ImportChange[] | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(changes !== null);

  const check = async () => {
    if (!file) return setProblem({ message: "Choose an exported .zip or .json file first", fields: [] });
    setBusy(true);
    const result = await send(appId, file, true);
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setChanges((result.body as { changes: ImportChange[] }).changes);
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    const result = await send(appId, file, false);
    setBusy(false);
    setChanges(null);
    if (!result.ok) return setProblem(result.problem);
    const { backupVersion } = result.body as { backupVersion: number };
    toast.success(`Listing imported. The draft before it is version ${backupVersion}: restore it to undo the import.`);
    router.refresh();
  };

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
        Exported listing (.zip or .json)
      </label>
      <input
        id="import-file"
        type="file"
        accept=".zip,.json,application/zip,application/json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        className="block w-full text-sm"
      />
      <p className="text-xs text-slate-500">
        You see what changes before anything is replaced; the current draft is kept as a version.
      </p>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy && !changes ? "Reading the file…" : "Import"}
      </Button>
      {problem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{problem.message}</p>
          {problem.fields.length > 0 ? (
            <ul className="mt-2 list-disc pl-5" data-testid="import-problems">
              {problem.fields.map(([field, text]) => (
                <li key={field}>
                  <code>{field}</code>: {text}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="import-title"
        onClose={() => setChanges(null)}
        className="m-auto max-h-[85vh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-xl bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        {changes ? (
          <>
            <h2 id="import-title" className="text-lg font-semibold text-slate-900">
              {changes.length === 0 ? "The file matches the current draft" : `Import ${file?.name ?? "the file"}?`}
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              {changes.length === 0
                ? "Importing it changes nothing."
                : `It changes ${plural(changes.length, "field", "fields")} of the draft. The current draft is kept as a version first, so you can restore it from the history.`}
            </p>
            {changes.length > 0 ? (
              <ul
                className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm"
                data-testid="import-changes"
              >
                {changes.map((c) => (
                  <li key={c.field} className="space-y-1 px-3 py-2">
                    <p className="font-medium text-slate-900">
                      {c.label}
                      {c.critical ? (
                        <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
                          Critical
                        </span>
                      ) : null}
                    </p>
                    <p className="break-words text-slate-600">
                      <span className="text-red-700 line-through">{c.before || "empty"}</span> →{" "}
                      <span className="text-green-800">{c.after || "empty"}</span>
                    </p>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-6 flex justify-end gap-2">
              <Button type="button" variant="secondary" autoFocus onClick={() => setChanges(null)}>
                Cancel
              </Button>
              {changes.length > 0 ? (
                <Button type="button" disabled={busy} onClick={() => void confirm()}>
                  {busy ? "Importing…" : "Replace the draft"}
                </Button>
              ) : null}
            </div>
          </>
        ) : null}
      </dialog>
    </form>
  );
}
