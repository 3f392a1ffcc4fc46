"use client";

import { useState } from "react";
import { timeAgo } from "@/lib/text/dates";
import { RefreshCw } from "lucide-react";
import type { LinkStatus } from "@/lib/listing/readiness";

/** When the links were last checked, and a way to check them all now. */
export function LinkCheckButton({
  appId,
  links,
  onChecked,
  disabled,
}: {
  appId: string;
  links: Record<string, LinkStatus>;
  onChecked: (links: Record<string, LinkStatus>) => void;
  disabled: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const times = Object.values(links).map((l) => Date.parse(l.checkedAt));
  const last = times.length ? Math.max(...times) : null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
      <span suppressHydrationWarning>
        {last ? `Links checked ${timeAgo(last)}` : "Links are checked after you save"}
      </span>
      {!disabled ? (
        <button
          type="button"
          disabled={busy}
          className="inline-flex items-center gap-1 rounded px-2 py-1 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50"
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const res = await fetch(`/api/apps/${appId}/link-checks`, { method: "POST" });
              const body = await res.json();
              if (!res.ok) setError(body.error?.message ?? "The links could not be checked");
              else onChecked(body);
            } catch {
              setError("The links could not be checked");
            } finally {
              setBusy(false);
            }
          }}
        >
          <RefreshCw aria-hidden className={busy ? "size-3 animate-spin" : "size-3"} />
          {busy ? "Checking…" : "Check links now"}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
