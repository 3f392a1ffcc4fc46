"use client";

import * as Dialog from "@radix-ui/react-alert-dialog";
import { Button } from "@/components/ui/button";
import type { DraftState } from "@/lib/listing/drafts";
import { changedFields, FIELDS } from "@/lib/listing/fields";

const show = (value: unknown) => {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === "object" && v ? Object.values(v as object).filter(Boolean).join(" — ") : String(v))).join("\n") || "—";
  }
  return JSON.stringify(value);
};

/** Shown when someone else saved first: what differs, and the choice of whose version to keep. */
export function ConflictDialog({
  conflict,
  onResolve,
}: {
  conflict: { current: DraftState; mine: Record<string, unknown> } | null;
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  const fields = conflict ? changedFields(conflict.mine, conflict.current.data) : [];
  return (
    <Dialog.Root open={conflict !== null}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(48rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">
            {conflict?.current.updatedBy ?? "Someone"} saved this listing while you were editing
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            Nothing was overwritten. Choose which version to keep; your text is still in the editor until you choose.
          </Dialog.Description>
          <table className="mt-4 w-full table-fixed text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="w-40 py-2">Field</th>
                <th scope="col" className="py-2">Yours</th>
                <th scope="col" className="py-2">Theirs (newer)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {fields.map((field) => (
                <tr key={field} data-testid={`conflict-${field}`}>
                  <th scope="row" className="py-2 pr-2 font-medium text-slate-800">{FIELDS[field].label}</th>
                  <td className="whitespace-pre-wrap break-words py-2 pr-2 text-slate-700">{show(conflict?.mine[field])}</td>
                  <td className="whitespace-pre-wrap break-words py-2 text-slate-700">{show(conflict?.current.data[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onResolve("theirs")}>Take theirs</Button>
            <Button onClick={() => onResolve("mine")}>Keep mine</Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
