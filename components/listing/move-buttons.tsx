"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Keyboard-reachable "move up / move down" for one item of an ordered list. */
export function MoveButtons({
  label,
  index,
  count,
  move,
  vertical = false,
}: {
  label: string;
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  vertical?: boolean;
}) {
  return (
    <div className={cn("flex", vertical ? "flex-col" : "gap-1")}>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        aria-label={`Move ${label} ${index + 1} up`}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
      >
        <ArrowUp aria-hidden />
      </Button>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        aria-label={`Move ${label} ${index + 1} down`}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
      >
        <ArrowDown aria-hidden />
      </Button>
    </div>
  );
}
