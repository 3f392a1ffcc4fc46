"use client";

import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { ExternalLink, SearchCheck } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { checkListingPageAction, updateListingUrlAction } from "@/lib/actions/marketplace-page";
import type { ListingPageCheck, MarketplacePageSettings } from "@/lib/sync/types";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SOURCE_LABELS } from "@/lib/marketplace/types";
import { ReadSources } from "@/components/reviews/read-sources";
import { plural } from "@/lib/text/words";
import { UTC_DAY as DAY } from "@/lib/text/dates";

type Values = { listingUrl: string };
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function CheckResult({ check, adoptAddress }: { check: ListingPageCheck; adoptAddress: (url: string) => void }) {
  if (!check.ok) {
    return (
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        data-testid="listing-check"
      >
        <p className="font-medium">The page could not be read</p>
        <p className="mt-1">{check.message}</p>
        <p className="mt-1 text-xs break-all text-red-800">{check.url}</p>
        <ReadSources className="mt-1 text-xs text-red-800" api={check.api} followed={false} />
      </div>
    );
  }
  return (
    <div
      role="status"
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
      data-testid="listing-check"
    >
      <p className="font-medium">
        {check.outcome === "no-reviews"
          ? "This is the listing: it has no reviews yet"
          : check.outcome === "partial"
            ? "This is what a sync would store: part of the listing could not be read"
            : "This is what a sync would store"}
      </p>
      <ReadSources
        className="mt-1 text-xs text-emerald-900"
        api={check.api}
        figures={check.figures}
        moved={check.moved}
        warnings={check.warnings}
        followed={false}
      />
      {check.moved ? (
        <Button type="button" variant="secondary" className="mt-2" onClick={() => adoptAddress(check.moved!.to)}>
          Use the new address
        </Button>
      ) : null}
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-emerald-800">Rating</dt>
          <dd className="font-semibold" data-testid="check-rating">
            {check.ratingAverage !== null ? check.ratingAverage.toFixed(1) : "none yet"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-emerald-800">Reviews</dt>
          <dd className="font-semibold" data-testid="check-reviews">
            {check.reviewCount ?? "not shown"}
            {check.reviewCount !== null && check.reviewsShown < check.reviewCount ? (
              <span className="font-normal"> ({check.reviewsShown} shown)</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-emerald-800">Installs</dt>
          <dd className="font-semibold">{check.installBand ?? "not shown"}</dd>
        </div>
        <div>
          <dt className="text-xs text-emerald-800">Votes</dt>
          <dd className="font-semibold">
            {check.votes ? `${check.votes.up ?? "?"} up · ${check.votes.down ?? "?"} down` : "not shown"}
          </dd>
        </div>
      </dl>
      {check.sample.length ? (
        <ul className="mt-3 space-y-1.5 border-t border-emerald-200 pt-2" aria-label="First reviews read">
          {check.sample.map((r, i) => (
            <li key={i} className="text-xs">
              <span className="font-medium">{r.author}</span> · {r.stars}★
              {r.date ? ` · ${DAY.format(new Date(r.date))}` : ""} —{" "}
              <span className="text-emerald-900">{r.text || "(no text)"}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-emerald-800">Where it was read</summary>
        <ul className="mt-1 space-y-0.5">
          {check.sources
            .filter((s) => s.found > 0 || s.read)
            .map((s) => (
              <li key={s.source}>
                <span className="font-medium">{capital(SOURCE_LABELS[s.source])}</span>: {s.read ?? "nothing usable"}
                {s.skipped.length ? (
                  <span className="text-emerald-800"> — left aside: {s.skipped.join("; ")}</span>
                ) : null}
              </li>
            ))}
          {check.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
      <p className="mt-2 text-xs text-emerald-800">Nothing was stored: the next sync reads the saved address.</p>
    </div>
  );
}

/** The app's Marketplace page URL, editable, with a Check that reads the page without storing anything. */
export function MarketplacePageForm({
  appId,
  clientId,
  settings,
  canEdit,
  save,
  check,
}: {
  appId: string;
  clientId: string;
  settings: MarketplacePageSettings;
  canEdit: boolean;
  save: typeof updateListingUrlAction;
  check: typeof checkListingPageAction;
}) {
  const router = useRouter();
  const context = useMemo(() => ({ marketplace: settings.marketplace, clientId }), [settings.marketplace, clientId]);
  const resolver = useMemo(
    () =>
      lazyZodResolver<Values, { listingUrl: string | null }>(() =>
        import("@/lib/marketplace/listing-url").then((m) => m.listingUrlSchema(context)),
      ),
    [context],
  );
  const form = useForm<Values, unknown, { listingUrl: string | null }>({
    resolver,
    defaultValues: { listingUrl: settings.customUrl ?? "" },
  });
  const [result, setResult] = useState<ListingPageCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const error = form.formState.errors.listingUrl?.message;

  const runCheck = form.handleSubmit(async (values) => {
    setChecking(true);
    setResult(null);
    const answer = await check(appId, { listingUrl: values.listingUrl ?? "" });
    setChecking(false);
    if (!answer.ok)
      return void (answer.error.fields?.listingUrl
        ? form.setError("listingUrl", { message: answer.error.fields.listingUrl })
        : toast.error(answer.error.message));
    setResult(answer.data);
  });

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const answer = await save(appId, { listingUrl: values.listingUrl ?? "" });
        if (!answer.ok)
          return void (answer.error.fields?.listingUrl
            ? form.setError("listingUrl", { message: answer.error.fields.listingUrl })
            : toast.error(answer.error.message));
        form.reset({ listingUrl: answer.data.customUrl ?? "" });
        toast.success(
          answer.data.customUrl ? "Marketplace page URL saved" : "The default Marketplace page URL is used again",
        );
        router.refresh();
      })}
    >
      <Field
        id="listingUrl"
        label="Marketplace page URL"
        error={error}
        help={
          <>
            Leave empty to use the default, <span className="font-mono break-all">{settings.defaultUrl}</span>. Paste
            the exact address when Pipedrive&apos;s Marketplace team renamed the listing, e.g.{" "}
            <span className="font-mono break-all">
              {settings.marketplace}/en/marketplace/app/new-app-name/{clientId}
            </span>
            .
          </>
        }
      >
        <input
          id="listingUrl"
          type="url"
          inputMode="url"
          disabled={!canEdit}
          placeholder={settings.defaultUrl}
          className={`${inputClass} font-mono`}
          {...describedBy("listingUrl", { error, help: true })}
          {...form.register("listingUrl", { onChange: () => setResult(null) })}
        />
      </Field>
      <p className="text-sm text-slate-600">
        The sync reads{" "}
        <a
          href={settings.url}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex items-center gap-1 font-medium break-all text-brand-700 underline-offset-2 hover:underline"
        >
          {settings.url}
          <ExternalLink aria-hidden className="size-3.5 shrink-0" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      </p>
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save URL
          </Button>
          <Button type="button" variant="secondary" disabled={checking} onClick={runCheck}>
            <SearchCheck aria-hidden /> {checking ? "Checking…" : "Check"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only editors and owners can change or check it.</p>
      )}
      {checking ? (
        <p role="status" className="text-sm text-slate-600">
          Reading the page…
        </p>
      ) : null}
      {result ? (
        <CheckResult
          check={result}
          adoptAddress={(url) => form.setValue("listingUrl", url, { shouldDirty: true, shouldValidate: true })}
        />
      ) : null}
      {result?.ok &&
      result.outcome === "read" &&
      result.reviewCount !== null &&
      result.reviewsShown < result.reviewCount ? (
        <p className="text-xs text-slate-500">
          The page shows {plural(result.reviewsShown, "review", "reviews")} of {result.reviewCount}; older ones can be
          imported from a file.
        </p>
      ) : null}
    </form>
  );
}
