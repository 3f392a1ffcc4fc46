"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/types";

/**
 * Records a step that happened at Pipedrive (or in Developer Hub): the day it happened (today by
 * default; never the future, never before the previous step) and a note for the timeline.
 */
export function NoteDialog({
  trigger,
  title,
  description,
  confirmLabel,
  dateLabel,
  dates,
  noteRequired = false,
  onConfirm,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  /** "Day of the submission in Developer Hub" */
  dateLabel: string;
  dates: { today: string; previous: string | null };
  noteRequired?: boolean;
  onConfirm: (input: { note: string; date: string }) => Promise<ActionResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [date, setDate] = useState(dates.today);
  const [errors, setErrors] = useState<{ note?: string; date?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setNote("");
        setDate(dates.today);
        setErrors({});
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 text-sm text-slate-600">{description}</div>
          </Dialog.Description>
          <form
            noValidate
            className="mt-4 space-y-4"
            onSubmit={async (e) => {
              e.preventDefault();
              if (noteRequired && !note.trim()) return setErrors({ note: "Add the reviewer's reasons" });
              if (!date) return setErrors({ date: "Give the day it happened" });
              setBusy(true);
              const result = await onConfirm({ note, date });
              setBusy(false);
              if (!result.ok)
                setErrors({
                  note: result.error.fields?.note,
                  date: result.error.fields?.date,
                  form: result.error.fields ? undefined : result.error.message,
                });
              else setOpen(false);
            }}
          >
            <div>
              <label htmlFor="status-date" className="text-sm font-medium text-slate-800">
                {dateLabel}
              </label>
              <input
                id="status-date"
                type="date"
                required
                min={dates.previous ?? undefined}
                max={dates.today}
                className={`${inputClass} mt-1 w-auto`}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                aria-invalid={errors.date ? true : undefined}
                aria-describedby={errors.date ? "status-date-error" : "status-date-help"}
              />
              {errors.date ? (
                <p id="status-date-error" role="alert" className="mt-1 text-sm text-red-600">
                  {errors.date}
                </p>
              ) : (
                <p id="status-date-help" className="mt-1 text-xs text-slate-500">
                  The day it happened at Pipedrive: today, or an earlier day
                  {dates.previous ? " from the previous step on" : ""}.
                </p>
              )}
            </div>
            <div>
              <label htmlFor="status-note" className="text-sm font-medium text-slate-800">
                {noteRequired ? "Reasons (from Pipedrive's email)" : "Note (optional)"}
              </label>
              <textarea
                id="status-note"
                rows={4}
                maxLength={2000}
                className={`${inputClass} mt-1`}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={errors.note ? "status-note-error" : undefined}
              />
              {errors.note ? (
                <p id="status-note-error" role="alert" className="mt-1 text-sm text-red-600">
                  {errors.note}
                </p>
              ) : null}
            </div>
            {errors.form ? (
              <p role="alert" className="text-sm text-red-600">
                {errors.form}
              </p>
            ) : null}
            <div className="flex justify-end gap-2 pt-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={busy}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
