import { cn } from "@/components/ui/cn";

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen, instead of
 * the page: reachable with the keyboard (arrow keys scroll it) and named for screen readers.
 */
export function ScrollArea({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    // A focusable region is how keyboard users scroll it (axe: scrollable-region-focusable).
    <div role="region" aria-label={label} tabIndex={0} className={cn("overflow-x-auto", className)}>
      {children}
    </div>
  );
}
