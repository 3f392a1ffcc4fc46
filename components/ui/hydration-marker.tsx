"use client";

import { useEffect } from "react";

/** Marks the document once React has hydrated, so browser tests act only on interactive pages. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
