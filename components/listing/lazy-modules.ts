"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * The editor's heavier logic — the listing schema (zod), the readiness rules and the Markdown
 * parser — arrives in its own chunk right after the page, not with it. Until then the checks say
 * they are running and counters show the raw length.
 */
type Checks = typeof import("@/lib/listing/live-checks");

let checks: Promise<Checks> | undefined;
export const loadChecks = () => (checks ??= import("@/lib/listing/live-checks"));

export function useListingChecks(): Checks | null {
  const [loaded, setLoaded] = useState<Checks | null>(null);
  useEffect(() => {
    let alive = true;
    // The whole form takes the checks' messages: a transition, rendered in slices that leave typing free.
    void loadChecks().then((m) => alive && startTransition(() => setLoaded(m)));
    return () => {
      alive = false;
    };
  }, []);
  return loaded;
}
