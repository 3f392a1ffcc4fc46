import type { FieldChange } from "@/lib/listing/diff";
import { cn } from "@/components/ui/cn";

function Thumbs({ ids, label }: { ids: string[]; label: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-slate-500 uppercase">{label}</p>
      <div className="flex flex-wrap gap-2">
        {ids.length === 0 ? <span className="text-sm text-slate-400">none</span> : null}
        {ids.map((id, i) => (
          // eslint-disable-next-line @next/next/no-img-element -- access-controlled asset route
          <img
            key={`${id}-${i}`}
            src={`/api/assets/${id}?size=thumb`}
            alt={`${label} image ${i + 1}`}
            className="h-14 rounded object-cover ring-1 ring-slate-200"
          />
        ))}
      </div>
    </div>
  );
}

/** Field-by-field changes: inline word diffs for text, side-by-side pictures for images. */
export function DiffView({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0)
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No differences.</p>;
  return (
    <ul className="space-y-3" aria-label="Changes">
      {changes.map((change) => (
        <li
          key={change.field}
          data-testid={`diff-${change.field}`}
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900">{change.label}</h3>
            {change.critical ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
                Critical: needs Pipedrive&apos;s re-review after approval
              </span>
            ) : null}
          </div>
          {change.images ? (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <Thumbs ids={change.images.before} label="Before" />
              <Thumbs ids={change.images.after} label="After" />
            </div>
          ) : (
            <p className="text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
              {change.parts?.map((part, i) => (
                <span
                  key={i}
                  className={cn(
                    part.added && "bg-green-100 text-green-900",
                    part.removed && "bg-red-100 text-red-900 line-through",
                  )}
                >
                  {part.added ? (
                    <span className="sr-only">[added] </span>
                  ) : part.removed ? (
                    <span className="sr-only">[removed] </span>
                  ) : null}
                  {part.value}
                </span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
