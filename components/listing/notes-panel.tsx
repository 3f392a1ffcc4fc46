"use client";

import { MessageSquareText } from "lucide-react";
import type { EditorNote } from "./editor-fields";
import { UTC_TIME as STAMP } from "@/lib/text/dates";

/** Every open comment and piece of reviewer feedback, with a way to its field and to resolve it. */
export function NotesPanel({
  notes,
  readOnly,
  onGo,
  onResolve,
}: {
  notes: { field: string | null; fieldLabel: string; note: EditorNote }[];
  readOnly: boolean;
  onGo: (field: string) => void;
  onResolve: (note: EditorNote) => void;
}) {
  return (
    <section aria-labelledby="notes-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="notes-heading" className="flex items-center gap-2 font-semibold text-slate-900">
        <MessageSquareText aria-hidden className="size-4 text-slate-500" />
        Comments and feedback
        <span
          className="ml-auto rounded-full bg-slate-100 px-2 text-xs font-medium text-slate-700 tabular-nums"
          data-testid="notes-count"
        >
          {notes.length}
        </span>
      </h2>
      {notes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          Nothing open. Comments from share links and reviewer feedback appear here and beside their fields.
        </p>
      ) : (
        <ul className="mt-3 max-h-[50vh] space-y-3 overflow-y-auto" aria-label="Open comments and feedback">
          {notes.map(({ field, fieldLabel, note }) => (
            <li key={note.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="text-xs font-semibold text-slate-600">
                <bdi>{note.title}</bdi> · {fieldLabel}
              </p>
              <p className="mt-1 line-clamp-4 whitespace-pre-line text-slate-800">{note.body}</p>
              <p className="mt-1 text-xs text-slate-500">{STAMP.format(new Date(note.createdAt))} UTC</p>
              <div className="mt-2 flex gap-2">
                {field ? (
                  <button
                    type="button"
                    className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                    onClick={() => onGo(field)}
                  >
                    Show field
                  </button>
                ) : null}
                {!readOnly ? (
                  <button
                    type="button"
                    className="text-xs font-medium text-slate-700 underline-offset-2 hover:underline"
                    onClick={() => onResolve(note)}
                    aria-label={`Resolve: ${note.body.slice(0, 40)}`}
                  >
                    Resolve
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
