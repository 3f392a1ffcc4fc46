"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/types";

/**
 * A small button that asks first, then runs a server action: its error stays in the dialog;
 * success is announced and the page refreshed.
 */
export function ConfirmAction({
  label,
  target,
  description,
  confirmLabel,
  done,
  run,
  variant = "ghost",
}: {
  /** The verb on the button, e.g. "Delete". */
  label: string;
  /** What it acts on, for the accessible name and the question. */
  target: string;
  description: React.ReactNode;
  confirmLabel: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
  variant?: "ghost" | "secondary";
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant={variant} aria-label={`${label} ${target}`}>
          {label}
        </Button>
      }
      title={`${label} “${target}”?`}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={async () => {
        const result = await run();
        if (!result.ok) return result.error.message;
        toast.success(done);
        router.refresh();
        return null;
      }}
    />
  );
}
