import Link from "next/link";
import { KeyRound } from "lucide-react";

/** Where a page needs the client ID that was not added yet: what for, and where to add it. */
export function NoClientIdNotice({ appId, need }: { appId: string; need: string }) {
  return (
    <p
      role="note"
      data-testid="no-client-id"
      className="mb-4 flex flex-wrap items-start gap-2 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <KeyRound aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 flex-1">
        This app has no client ID yet. {need}{" "}
        <Link href={`/apps/${appId}/settings#client`} className="font-medium underline underline-offset-2">
          Add the client ID
        </Link>
      </span>
    </p>
  );
}
