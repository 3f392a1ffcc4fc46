"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-alert-dialog";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/forms/field";

/** Asks before a destructive action; with `typeToConfirm`, the person must type that text first. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  typeToConfirm,
  onConfirm,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  onConfirm: (typed: string) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => { setOpen(next); setTyped(""); setError(null); }}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 text-sm text-slate-600">{description}</div>
          </Dialog.Description>
          {typeToConfirm ? (
            <div className="mt-4 space-y-1">
              <label htmlFor="confirm-input" className="text-sm font-medium text-slate-800">
                Type <strong>{typeToConfirm}</strong> to confirm
              </label>
              <input id="confirm-input" className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </div>
          ) : null}
          {error ? <p role="alert" className="mt-3 text-sm text-red-600">{error}</p> : null}
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Cancel>
            <Button
              className="bg-red-600 hover:bg-red-700"
              disabled={busy || (typeToConfirm !== undefined && typed !== typeToConfirm)}
              onClick={async () => {
                setBusy(true);
                const problem = await onConfirm(typed);
                setBusy(false);
                if (problem) setError(problem);
                else setOpen(false);
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
