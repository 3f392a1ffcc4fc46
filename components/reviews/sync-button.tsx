"use client";

import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { startSyncAction } from "@/lib/actions/reviews";
import { Button } from "@/components/ui/button";

type Progress = {
  id: string;
  status: string;
  appsTotal: number;
  appsDone: number;
  added: number;
  updated: number;
  removed: number;
  error: string | null;
  failures?: { app: string; message: string; fix: { label: string; short: string; href: string } | null }[];
  partlyRead?: string[];
};

/** "Sync now": starts a run of the workspace and follows its progress until it ends. */
export function SyncButton({ runningId }: { runningId: string | null }) {
  const router = useRouter();
  const [runId, setRunId] = useState<string | null>(runningId);
  const [progress, setProgress] = useState<Progress | null>(null);

  const finish = useCallback(
    (p: Progress) => {
      setRunId(null);
      setProgress(null);
      const summary = `${p.added} new, ${p.updated} updated, ${p.removed} removed`;
      // The first failure that the partner can fix gets a button that goes there.
      const fix = p.failures?.find((f) => f.fix)?.fix;
      const action = fix ? { label: fix.short, onClick: () => router.push(fix.href) } : undefined;
      if (p.status === "SUCCEEDED")
        toast.success(p.appsTotal === 0 ? "No published app to sync" : `Sync finished: ${summary}`);
      else if (p.status === "PARTIAL" && !p.failures?.length)
        toast.warning(`Sync finished, partly read: ${summary}`, {
          description: `Part of the listing of ${p.partlyRead?.join(", ") || "an app"} could not be read; nothing was made up for it.`,
          action: { label: "See why", onClick: () => router.push(`/reviews/sync?run=${encodeURIComponent(p.id)}`) },
          duration: 15_000,
        });
      else if (p.status === "PARTIAL")
        toast.warning(`Sync finished with errors: ${summary}`, {
          description: p.error ?? undefined,
          action,
          duration: fix ? 15_000 : undefined,
        });
      else
        toast.error("Sync failed", { description: p.error ?? undefined, action, duration: fix ? 15_000 : undefined });
      router.refresh();
    },
    [router],
  );

  useEffect(() => {
    if (!runId) return;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const res = await fetch(`/api/sync/runs/${runId}`, { cache: "no-store" }).catch(() => null);
        if (res?.ok) {
          const p = (await res.json()) as Progress;
          if (stop) return;
          if (p.status !== "RUNNING") return finish(p);
          setProgress(p);
        } else if (res && res.status !== 429) {
          setRunId(null);
          return;
        }
        await new Promise((r) => setTimeout(r, 800));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [runId, finish]);

  const busy = runId !== null;
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        disabled={busy}
        onClick={async () => {
          const result = await startSyncAction();
          if (!result.ok) return void toast.error(result.error.message);
          if (!result.data.started) toast.info("A sync is already running; following it");
          setRunId(result.data.runId);
        }}
      >
        <RefreshCw aria-hidden className={busy ? "animate-spin" : undefined} /> {busy ? "Syncing…" : "Sync now"}
      </Button>
      {busy ? (
        <div className="w-56 text-right text-xs text-slate-600" role="status">
          {progress && progress.appsTotal > 0
            ? `Read ${progress.appsDone} of ${progress.appsTotal} listings`
            : "Starting…"}
          <progress
            className="mt-1 block h-1.5 w-full accent-brand-600"
            aria-label="Sync progress"
            max={Math.max(1, progress?.appsTotal ?? 1)}
            value={progress?.appsDone ?? 0}
          />
        </div>
      ) : null}
    </div>
  );
}
