import "server-only";
import { getApp } from "@/lib/apps/service";
import type { Member } from "@/lib/authz";

import { authorize } from "@/lib/team/permissions";
import { createHash } from "node:crypto";
import { checkImportRow, importBatchSchema, type InstallImportRow } from "./import-rows";
import type { ImportRowResult } from "./import-template";
import { ingestEvents, rebuildApp } from "./ingest";
import { EVENT_TYPE_WORDS, type IngestEvent } from "./types";
import { auditBy } from "@/lib/audit/log";

/** Without an `id`, a row's content is its identity: importing the same file twice changes nothing. */
function toEvent(r: InstallImportRow): IngestEvent {
  const identity =
    r.id ??
    createHash("sha256")
      .update([r.type, r.company_id, r.user_id, r.occurredAt.toISOString()].join("|"))
      .digest("hex")
      .slice(0, 40);
  return {
    dedupeKey: `import:${identity}`,
    type: EVENT_TYPE_WORDS[r.type],
    companyId: r.company_id,
    userId: r.user_id,
    occurredAt: r.occurredAt,
    scopes: r.scopes
      ? r.scopes
          .split(/[\s,]+/)
          .filter(Boolean)
          .join(" ")
      : null,
    source: "IMPORT",
    companyName: r.company_name ?? null,
    userName: r.user_name ?? null,
  };
}

/** Imports one batch of rows (numbered from `firstRow`, as in the file): a result per row. */
export async function importBatch(member: Member, appId: string, input: unknown): Promise<ImportRowResult[]> {
  authorize(member, "installs.import");
  await getApp(member, appId);
  const { firstRow, rows } = importBatchSchema.parse(input);
  const parsed = rows.map((raw, i) => ({ row: firstRow + i, result: checkImportRow(raw) }));
  const valid = parsed.flatMap((p) => (p.result.ok ? [{ row: p.row, event: toEvent(p.result.row) }] : []));
  const stored = ingestEvents(
    appId,
    valid.map((v) => v.event),
  );
  const byRow = new Map(valid.map((v, i) => [v.row, stored[i]!]));
  return parsed.map((p) =>
    p.result.ok
      ? { row: p.row, status: byRow.get(p.row)! }
      : { row: p.row, status: "invalid", reason: p.result.reason },
  );
}

/** After the last batch: history arrives out of order, so installations and rollups are rebuilt from all events. */
export async function finishImport(member: Member, appId: string) {
  authorize(member, "installs.import");
  const app = await getApp(member, appId);
  rebuildApp(appId);
  await auditBy(member, "installs.import", { type: "app", id: appId, name: app.name });
}
