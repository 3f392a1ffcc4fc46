"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Switches to the workspace and goes on to the page that asked for it. */
export function SwitchWorkspaceButton({
  workspaceId,
  next,
  name,
  switchWorkspace,
}: {
  workspaceId: string;
  next: string;
  name: string;
  switchWorkspace: (
    workspaceId: string,
    next?: string,
  ) => Promise<{ ok: false; error: { message: string } } | undefined | void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await switchWorkspace(workspaceId, next);
          setBusy(false);
          if (result && !result.ok) setError(result.error.message);
        }}
      >
        Switch to {name}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
}
