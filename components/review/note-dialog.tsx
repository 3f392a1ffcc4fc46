"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http";

/** A status change with an optional (or required) note for the timeline. */
export function NoteDialog({
  trigger,
  title,
  description,
  confirmLabel,
  noteRequired = false,
  onConfirm,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  noteRequired?: boolean;
  onConfirm: (note: string) => Promise<ActionResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => { setOpen(next); setNote(""); setError(null); }}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 text-sm text-slate-600">{description}</div>
          </Dialog.Description>
          <form
            noValidate
            className="mt-4"
            onSubmit={async (e) => {
              e.preventDefault();
              if (noteRequired && !note.trim()) return setError("Add the reviewer's reasons");
              setBusy(true);
              const result = await onConfirm(note);
              setBusy(false);
              if (!result.ok) setError(result.error.fields?.note ?? result.error.message);
              else setOpen(false);
            }}
          >
            <label htmlFor="status-note" className="text-sm font-medium text-slate-800">
              {noteRequired ? "Reasons (from Pipedrive's email)" : "Note (optional)"}
            </label>
            <textarea id="status-note" rows={4} maxLength={2000} className={`${inputClass} mt-1`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? "status-note-error" : undefined} />
            {error ? <p id="status-note-error" role="alert" className="mt-2 text-sm text-red-600">{error}</p> : null}
            <div className="mt-6 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit" disabled={busy}>{confirmLabel}</Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
