"use client";

import { useState } from "react";
import { History } from "lucide-react";
import { Button } from "@/components/ui/button";
import { diffListings } from "@/lib/listing/diff";
import type { ListingDraft } from "@/lib/listing/schema";
import { plural } from "@/lib/text/words";
import { DiffView } from "./diff-view";
import type { LocalDraft } from "./local-draft";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * Changes kept in this browser that the server never got (a failed save, a crash, a closed tab):
 * what differs from the stored draft, and the choice to restore or discard them.
 */
export function RestoreBanner({
  stored,
  local,
  onRestore,
  onDiscard,
}: {
  stored: ListingDraft;
  local: LocalDraft;
  onRestore: (values: ListingDraft) => void;
  onDiscard: () => void;
}) {
  const [open, setOpen] = useState(true);
  const restored = { ...stored, ...local.data } as ListingDraft;
  const changes = diffListings(stored, restored);
  const at = Date.parse(local.savedAt);
  return (
    <section
      aria-labelledby="restore-title"
      data-testid="restore-banner"
      className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-2">
          <History aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div>
            <h2 id="restore-title" className="font-semibold">
              Unsaved changes were kept in this browser
            </h2>
            <p className="mt-0.5">
              {Number.isNaN(at) ? "From an earlier visit" : `From ${when.format(at)}`}:{" "}
              {plural(changes.length, "field differs", "fields differ")} from the saved draft.
            </p>
          </div>
        </div>
        <div className="flex gap-2">
          <Button size="sm" onClick={() => onRestore(restored)}>
            Restore my changes
          </Button>
          <Button size="sm" variant="secondary" onClick={onDiscard}>
            Discard them
          </Button>
        </div>
      </div>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="mt-3">
        <summary className="cursor-pointer font-medium">What differs</summary>
        <div className="mt-3">
          <DiffView changes={changes} />
        </div>
      </details>
    </section>
  );
}
