"use client";

import { useState } from "react";
import { cn, initials } from "@/components/ui/cn";

/** A person's picture over their initials; the initials stay when there is no picture or it fails to load. */
export function Avatar({ name, src, className }: { name: string; src?: string | null; className?: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <span
      className={cn(
        "relative inline-flex size-8 shrink-0 items-center justify-center overflow-hidden rounded-full bg-brand-100 text-xs font-semibold text-brand-700",
        className,
      )}
    >
      <span aria-hidden>{initials(name)}</span>
      {src && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- a remote avatar of unknown size, shown small
        <img src={src} alt="" onError={() => setFailed(true)} className="absolute inset-0 size-full object-cover" />
      ) : null}
    </span>
  );
}
