"use client";

import { Button } from "@/components/ui/button";
import { useCopy } from "@/components/ui/use-copy";

/** The app's review link, to copy into the partner's product. */
export function ReviewLink({ url }: { url: string }) {
  const { state, copy } = useCopy();
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <code
        className="min-w-0 rounded bg-slate-100 px-2 py-1 text-sm break-all text-slate-800"
        data-testid="review-link"
      >
        {url}
      </code>
      <Button type="button" variant="secondary" size="sm" onClick={() => void copy(url)}>
        {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it" : "Copy link"}
      </Button>
    </div>
  );
}
