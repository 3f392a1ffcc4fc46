"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { requestAccessAction } from "@/lib/actions/invitations";
import { Button } from "@/components/ui/button";

/** How often a waiting page asks again whether the request was decided. */
const RECHECK_MS = 5_000;

export function RequestAccess({ pending }: { pending: boolean }) {
  const router = useRouter();
  const [sent, setSent] = useState(pending);
  const [error, setError] = useState<string | null>(null);
  // While the request waits, the page asks again (the server sends a member on to the dashboard), and at
  // once when the tab comes back into view.
  useEffect(() => {
    if (!sent) return;
    const recheck = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(recheck, RECHECK_MS);
    document.addEventListener("visibilitychange", recheck);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", recheck);
    };
  }, [sent, router]);
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
