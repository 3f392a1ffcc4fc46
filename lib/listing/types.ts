import type { FieldProblems } from "@/lib/errors";
import type { ListingDraft } from "./schema";

export type DraftState = {
  revision: number;
  data: ListingDraft;
  updatedAt: string;
  updatedBy: string | null;
  /** The last save was the viewer's own (in another tab or window). */
  updatedByYou: boolean;
};

/** A saved draft, with the fields that could not be stored as sent (they kept their stored value). */
export type SavedDraft = DraftState & { skipped: FieldProblems };

/** One line per field an import would change, for the confirmation. */
export type ImportChange = { field: string; label: string; critical: boolean; before: string; after: string };
export type ImportPreview = { changes: ImportChange[] };
export type ImportResult = DraftState & { backupVersion: number };
