"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import { removeCompetitorAction } from "@/lib/actions/competitors";

export function RemoveCompetitor({ appId, id, name }: { appId: string; id: string; name: string }) {
  return (
    <ConfirmAction
      label="Remove"
      target={name}
      description="Its figures, reviews and positions are no longer read, and its history here is deleted."
      confirmLabel="Remove competitor"
      done={`${name} removed`}
      run={() => removeCompetitorAction(appId, id)}
    />
  );
}
