"use client";

import { startTransition, useEffect, useState } from "react";

/** Set once the first page has hydrated: components mounted later start hydrated (no extra render). */
let pageHydrated = false;

/**
 * False on the server and while hydrating, true once the page runs in the browser. The switch is a
 * transition: a page of many components that change with it (a review inbox) re-renders in slices
 * that leave the main thread free, not in one long task.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(pageHydrated);
  useEffect(() => {
    pageHydrated = true;
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
