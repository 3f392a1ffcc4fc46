import { z } from "zod";

import { pipedriveId } from "@/lib/pipedrive/ids";
import { IMPORT_BATCH } from "./import-template";
import { EVENT_TYPE_WORD_LIST } from "./types";

const empty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** A Pipedrive id in a cell: required, and an id (lib/pipedrive/ids.ts). */
const positive = z.unknown().transform((v, ctx): number => {
  if (empty(v) === undefined || v === null) {
    ctx.addIssue({ code: "custom", message: "is required" });
    return z.NEVER;
  }
  const id = pipedriveId.safeParse(v);
  if (!id.success) {
    ctx.addIssue({ code: "custom", message: id.error.issues[0]!.message });
    return z.NEVER;
  }
  return id.data;
});
const text = (max: number) =>
  z.preprocess(
    empty,
    z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().trim().max(max, `must be at most ${max} characters`))
      .optional(),
  );

const rowSchema = z.object({
  type: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(EVENT_TYPE_WORD_LIST, {
      error: "must be install_started, consent_denied, consent_granted, install or uninstall",
    }),
  ),
  company_id: positive,
  user_id: positive,
  occurred_at: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.iso.datetime({ offset: true, error: "must be an ISO 8601 date and time, e.g. 2025-03-14T09:30:00Z" }),
  ),
  scopes: text(2000),
  company_name: text(200),
  user_name: text(200),
  id: text(200),
});

export type InstallImportRow = z.infer<typeof rowSchema> & { occurredAt: Date };

/** One row of an import, checked on its own (in the browser for the dry run, and again on the server). */
export function checkImportRow(
  raw: unknown,
  now = Date.now(),
): { ok: true; row: InstallImportRow } | { ok: false; reason: string } {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join(".") || "row"} ${issue.message}` };
  }
  const occurredAt = new Date(parsed.data.occurred_at);
  if (occurredAt.getTime() > now + 5 * 60_000) return { ok: false, reason: "occurred_at is in the future" };
  return { ok: true, row: { ...parsed.data, occurredAt } };
}

export const importBatchSchema = z.strictObject({
  firstRow: z.number().int().min(1),
  rows: z
    .array(z.unknown())
    .min(1, "Send at least one row")
    .max(IMPORT_BATCH, `Send at most ${IMPORT_BATCH} rows per request`),
});
