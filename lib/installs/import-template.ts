import type { ImportSpec } from "@/lib/imports/records";

/** The layout of an installations import file, without zod (the browser uses it). */

/** The columns of an import file (CSV header or JSON keys). */
export const INSTALL_IMPORT_COLUMNS = [
  "type",
  "company_id",
  "user_id",
  "occurred_at",
  "scopes",
  "company_name",
  "user_name",
  "id",
] as const;

export const IMPORT_TEMPLATE = `${INSTALL_IMPORT_COLUMNS.join(",")}
install,13579,24680,2025-03-14T09:30:00Z,base deals:read,Globex Sales,Ana K.,
uninstall,13579,24680,2025-09-02T16:05:00Z,,,,
install_started,11111,22222,2025-04-01T10:00:00Z,,,,
consent_denied,11111,22222,2025-04-01T10:01:00Z,,,,
`;

export const IMPORT_BATCH = 500;

export type ImportRowResult = { row: number; status: "accepted" | "duplicate" | "invalid"; reason?: string };

/** How the import kit (lib/imports/records.ts) reads an install history file. */
export const INSTALL_IMPORT: ImportSpec = {
  noun: ["row", "rows"],
  listKey: "events",
  columns: INSTALL_IMPORT_COLUMNS,
  required: ["type", "company_id", "user_id", "occurred_at"],
};
