import { cn } from "@/components/ui/cn";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-red-500";

/** A labelled form field with help text, an inline error and an optional character counter. */
export function Field({
  id,
  label,
  help,
  error,
  warning,
  count,
  limit,
  required,
  children,
}: {
  id: string;
  label: string;
  help?: React.ReactNode;
  error?: string;
  warning?: string;
  count?: number;
  limit?: number;
  required?: boolean;
  children: React.ReactNode;
}) {
  const over = count !== undefined && limit !== undefined && count > limit;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
          {required ? (
            <span className="ml-1 text-slate-400" aria-hidden>
              *
            </span>
          ) : null}
        </label>
        {limit !== undefined && count !== undefined ? (
          <span
            id={`${id}-counter`}
            data-testid={`${id}-counter`}
            aria-live="polite"
            className={cn("text-xs tabular-nums", over ? "font-semibold text-red-600" : "text-slate-500")}
          >
            {count} / {limit}
          </span>
        ) : null}
      </div>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : warning ? (
        <p id={`${id}-error`} className="text-sm text-amber-700">
          {warning}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes tying an input to its help and error text. */
export function describedBy(id: string, { error, help }: { error?: string; help?: boolean }) {
  const ids = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean);
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}
