"use client";

import { useState } from "react";
import { acceptInvitationAction } from "@/lib/actions/invitations";
import { Button } from "@/components/ui/button";

export function JoinButton({ token, workspace }: { token: string; workspace: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size="lg"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await acceptInvitationAction(token);
          setBusy(false);
          if (result && !result.ok) setError(result.error.message);
        }}
      >
        Join {workspace}
      </Button>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
}
