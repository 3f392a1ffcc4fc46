"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** An opt-in checkbox with its explanation under the label. */
export function CheckField({
  field,
  label,
  help,
  main = false,
}: {
  field: UseFormRegisterReturn;
  label: string;
  help: string;
  /** The form's own on/off switch, set in bold. */
  main?: boolean;
}) {
  return (
    <label className={cn("flex items-start gap-2 text-sm text-slate-800", main && "font-medium")}>
      <input type="checkbox" className="mt-0.5" {...field} />
      <span>
        {label}
        <span className="block font-normal text-slate-600">{help}</span>
      </span>
    </label>
  );
}

/** The end of a settings form: the server's refusal when it is not about one field, and Save for editors. */
export function SaveRow({
  error,
  canEdit,
  saving,
  label,
  viewerNote,
}: {
  error: string | null;
  canEdit: boolean;
  saving: boolean;
  label: string;
  viewerNote?: string;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {canEdit ? (
        <Button type="submit" disabled={saving}>
          {label}
        </Button>
      ) : viewerNote ? (
        <p className="text-sm text-slate-600">{viewerNote}</p>
      ) : null}
    </>
  );
}
