"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { retryCrmPushAction } from "@/lib/actions/crm";
import type { CrmPushView } from "@/lib/crm/types";
import { UTC_STAMP as STAMP } from "@/lib/text/dates";

const STATUS: Record<string, string> = {
  PENDING: "Waiting",
  SENDING: "Sending",
  FAILED: "Failed",
  DELIVERED: "Done",
};

/** Pushes with their state; a failed one says why and can be sent again. */
export function CrmPushList({
  pushes,
  canPush,
  showCompany = true,
}: {
  pushes: CrmPushView[];
  canPush: boolean;
  /** Off on a customer's own page, where every push is of that company. */
  showCompany?: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  if (pushes.length === 0) return null;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="crm-pushes">
      {pushes.map((p) => (
        <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="crm-push">
          <div className="min-w-0">
            <span className="font-medium text-slate-900">
              {p.event === "uninstall" ? "Uninstall" : p.event === "backfill" ? "Existing customer" : "Install"} ·{" "}
              {p.appName}
              {!showCompany ? null : p.customerId ? (
                <>
                  {" · "}
                  <Link href={`/customers/${p.customerId}`} className="text-brand-700 hover:underline">
                    <bdi>{p.companyName ?? `Company ${p.companyId}`}</bdi>
                  </Link>
                </>
              ) : (
                ` · Company ${p.companyId}`
              )}
            </span>
            <span className="block text-xs text-slate-500">
              <span data-testid="crm-push-status">{STATUS[p.status] ?? p.status}</span>
              {p.attempts ? ` · ${p.attempts} ${p.attempts === 1 ? "attempt" : "attempts"}` : ""}
              {p.status === "PENDING" ? ` · next ${STAMP.format(new Date(p.nextAttemptAt))}` : ""}
            </span>
            {p.lastError ? <span className="block text-xs break-words text-red-700">{p.lastError}</span> : null}
          </div>
          {canPush && (p.status === "FAILED" || (p.status === "PENDING" && p.attempts > 0)) ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy === p.id}
              onClick={async () => {
                setBusy(p.id);
                const result = await retryCrmPushAction(p.id);
                setBusy(null);
                if (!result.ok) toast.error(result.error.message);
                else {
                  toast.success("It will be sent again within seconds");
                  router.refresh();
                }
              }}
            >
              Retry
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
