"use client";

import { useState } from "react";
import { requestAccessAction } from "@/lib/actions/invitations";
import { Button } from "@/components/ui/button";

export function RequestAccess({ pending }: { pending: boolean }) {
  const [sent, setSent] = useState(pending);
  const [error, setError] = useState<string | null>(null);
  if (sent)
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        Your request is waiting for an owner. Once it is approved, this page opens the dashboard.
      </p>
    );
  return (
    <>
      <Button
        onClick={async () => {
          const result = await requestAccessAction();
          if (!result.ok) return setError(result.error.message);
          setSent(true);
        }}
      >
        Request access
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
}
