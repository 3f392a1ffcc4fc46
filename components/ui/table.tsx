import type { ComponentProps, ReactNode } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/components/ui/cn";

/**
 * Tabular data, one way everywhere: one padding scale (set once on the table, read by every cell),
 * headers in small capitals, rows divided by a hairline, numbers right-aligned in tabular figures.
 * `regular` for a page's own table, `compact` for a table inside a card, a dialog or a preview.
 */
const tableVariants = cva("w-full text-left", {
  variants: {
    density: {
      regular: "text-sm [--cell-x:1rem] [--cell-y:0.5rem]",
      compact: "text-xs [--cell-x:0.5rem] [--cell-y:0.25rem]",
    },
  },
  defaultVariants: { density: "regular" },
});

type TableProps = ComponentProps<"table"> & VariantProps<typeof tableVariants> & { caption?: ReactNode };

export function Table({ caption, density, className, children, ...props }: TableProps) {
  return (
    <table className={cn(tableVariants({ density }), className)} {...props}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      {children}
    </table>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      className={cn("border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase", className)}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

const cell = (numeric: boolean | undefined, className: string | undefined) =>
  cn("px-(--cell-x) py-(--cell-y)", numeric && "text-right tabular-nums", className);

/** A header cell: of a column unless `scope="row"` (a row's name). */
export function Th({ numeric, scope = "col", className, ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cell(numeric, cn(scope === "col" ? "font-medium" : "font-normal", className))}
      {...props}
    />
  );
}

export function Td({ numeric, className, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={cell(numeric, className)} {...props} />;
}
