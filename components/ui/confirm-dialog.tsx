"use client";

import { cloneElement, isValidElement, useId, useState, type MouseEvent, type ReactElement } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/forms/field";
import { useModalDialog } from "./use-modal-dialog";

/**
 * Asks before a destructive action; with `typeToConfirm`, the person must type that text first.
 * A native modal `<dialog>`: the browser traps focus, makes the page behind it inert and closes
 * it on Escape; focus returns to the trigger.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  typeToConfirm,
  onConfirm,
}: {
  trigger: ReactElement<{ onClick?: (event: MouseEvent) => void }>;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  onConfirm: (typed: string) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const show = () => {
    setTyped("");
    setError(null);
    setOpen(true);
  };
  const opener = isValidElement(trigger)
    ? cloneElement(trigger, {
        onClick: (event: MouseEvent) => {
          trigger.props.onClick?.(event);
          show();
        },
      })
    : trigger;

  return (
    <>
      {opener}
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <>
            <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <div id={`${id}-description`} className="mt-2 text-sm text-slate-600">
              {description}
            </div>
            {typeToConfirm ? (
              <div className="mt-4 space-y-1">
                <label htmlFor={`${id}-input`} className="text-sm font-medium text-slate-800">
                  Type <strong>{typeToConfirm}</strong> to confirm
                </label>
                <input
                  id={`${id}-input`}
                  className={inputClass}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  autoComplete="off"
                />
              </div>
            ) : null}
            {error ? (
              <p role="alert" className="mt-3 text-sm text-red-600">
                {error}
              </p>
            ) : null}
            <div className="mt-6 flex justify-end gap-2">
              <Button variant="secondary" autoFocus={!typeToConfirm} onClick={() => setOpen(false)}>
                Cancel
              </Button>
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
          </>
        ) : null}
      </dialog>
    </>
  );
}
