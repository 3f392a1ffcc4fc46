import type { ApiOutcome, FigureSources, ListingReadReport } from "@/lib/marketplace/read-listing";
import { cn } from "@/components/ui/cn";

/**
 * Where a read of a listing took each figure from (the Marketplace's API or the page), whether the API
 * answered and why not, a listing that moved, and what could not be read — for Sync history and Check.
 */
const HOW: Record<NonNullable<ListingReadReport["moved"]>["how"], string> = {
  redirect: "the old address redirects there",
  canonical: "the page gives it as its own address",
  lookup: "the old address answers 404; found by the app's client id",
};

function apiLine(api: ApiOutcome): string {
  if (api.outcome === "used") return "The Marketplace's API answered and was read first.";
  if (api.outcome === "off") return "The Marketplace's API is turned off on this server: only the page was read.";
  return `The Marketplace's API was not used (${api.reason ?? "no answer"}): the page was read instead.`;
}

const web = (url: string) => /^https?:\/\//i.test(url);

export function ReadSources({
  api,
  figures,
  moved,
  warnings = [],
  followed,
  className,
}: {
  api?: ApiOutcome | null;
  figures?: FigureSources | null;
  moved?: ListingReadReport["moved"];
  warnings?: string[];
  /** The new address was stored (a sync) or only found (a Check). */
  followed: boolean;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1", className)}>
      {warnings.length ? (
        <div className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="read-warnings">
          <p className="font-medium">Partly read: what could not be read was not stored</p>
          <ul className="list-disc pl-4">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {moved ? (
        <p className="rounded bg-sky-50 px-2 py-1 text-sky-900" data-testid="listing-moved">
          <span className="font-medium">The listing moved</span> to{" "}
          {web(moved.to) ? (
            <a
              href={moved.to}
              className="break-all underline underline-offset-2"
              rel="noreferrer noopener"
              target="_blank"
            >
              {moved.to}
            </a>
          ) : (
            <span className="break-all">{moved.to}</span>
          )}{" "}
          ({HOW[moved.how]}).{" "}
          {followed
            ? "Its new address is stored, and read from now on."
            : "Save this address, or let the next sync follow it."}
        </p>
      ) : null}
      {figures ? (
        <p data-testid="figure-sources">
          Rating from {figures.rating ?? "nowhere (none shown)"} · review count from{" "}
          {figures.count ?? "nowhere (none shown)"}
          {figures.reviews.length ? ` · reviews from ${figures.reviews.join(" and ")}` : ""}
        </p>
      ) : null}
      {api ? <p data-testid="api-source">{apiLine(api)}</p> : null}
    </div>
  );
}
