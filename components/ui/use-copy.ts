"use client";

import { useEffect, useRef, useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies to the clipboard and says truthfully what happened: "copied" only when the browser took
 * it; "failed" (clipboard refused or unavailable) so the button can ask the person to select and
 * copy instead. `html`, when given and supported, goes alongside the text (rich-text editors keep it).
 * The state returns to idle after a moment.
 */
export function useCopy(resetMs = 2000) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (text: string, html?: string | null): Promise<boolean> => {
    let ok = true;
    try {
      if (html && typeof ClipboardItem !== "undefined")
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/plain": new Blob([text], { type: "text/plain" }),
            "text/html": new Blob([html], { type: "text/html" }),
          }),
        ]);
      else await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    setState(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), resetMs);
    return ok;
  };
  return { state, copy };
}

/** The button's words for each state. */
export const copyLabel = (state: CopyState, idle = "Copy") =>
  state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : idle;
