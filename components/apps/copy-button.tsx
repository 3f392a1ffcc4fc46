"use client";

import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { copyLabel, useCopy } from "@/components/ui/use-copy";

/**
 * Copies a value for pasting into Developer Hub: as text, and for rich text also as HTML, which
 * Developer Hub's editor keeps the formatting of.
 */
export function CopyButton({ text, html, label }: { text: string; html?: string | null; label: string }) {
  const { state, copy } = useCopy();
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      onClick={() => void copy(text, html)}
      disabled={!text}
      aria-label={`Copy ${label}`}
    >
      {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
      <span aria-live="polite">{copyLabel(state)}</span>
    </Button>
  );
}
