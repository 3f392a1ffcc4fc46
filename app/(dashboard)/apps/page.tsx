import type { Metadata } from "next";
import Link from "next/link";
import { AppWindow, Plus, UserPlus } from "lucide-react";
import { AppFiguresCard, WorkspaceTotalsBar } from "@/components/home/app-figures";
import { FirstRunChecklist } from "@/components/home/checklist";
import { firstRunChecklist } from "@/lib/home/checklist";
import { homeView, recordHomeVisit } from "@/lib/home/overview";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { z } from "zod";
import { inputClass } from "@/components/forms/field";
import { Pager } from "@/components/ui/pager";
import { APPS_PAGE, listApps } from "@/lib/apps/service";
import { requireMembership } from "@/lib/authz";
import { countAccessRequests } from "@/lib/team/invitations";
import { can } from "@/lib/team/permissions";
import { plural, pluralForm } from "@/lib/text/words";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Apps" };

const appsQuerySchema = z.object({
  archived: z.literal("1").or(z.literal("")).catch(""),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
type AppsQuery = z.infer<typeof appsQuerySchema>;

export default async function AppsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMembership();
  const query = appsQuerySchema.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const archived = query.archived === "1";
  const [{ apps, total, pages }, requests, since] = await Promise.all([
    listApps(member, { archived, q: query.q, page: query.page }),
    countAccessRequests(member),
    recordHomeVisit(member),
  ]);
  const [{ figures, totals }, checklist] = await Promise.all([
    homeView(member, apps, since),
    firstRunChecklist(member, apps),
  ]);
  const href = (change: Partial<AppsQuery>) => {
    const search = new URLSearchParams(
      Object.entries({ ...query, ...change })
        .filter(([k, v]) => v !== "" && !(k === "page" && v === 1))
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return search ? `/apps?${search}` : "/apps";
  };
  const canCreate = can(member, "app.create");
  const newButton = canCreate ? (
    <Link href="/apps/new" className={buttonVariants()}>
      <Plus aria-hidden /> {apps.length === 0 && !archived ? "Create your first app" : "New app"}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Apps"
        description="How your apps are doing: installs, rating, reviews and positions, and what waits for someone."
        actions={total > 0 || archived || query.q ? newButton : null}
      />
      {checklist ? <FirstRunChecklist steps={checklist} /> : null}
      {total > 0 && !archived ? <WorkspaceTotalsBar totals={totals} /> : null}
      {requests > 0 ? (
        <div
          role="status"
          className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          data-testid="access-requests-notice"
        >
          <p className="flex items-center gap-2">
            <UserPlus aria-hidden className="size-4 shrink-0" />
            {plural(requests, "person asks", "people ask")} to join {member.workspace.name}:{" "}
            {pluralForm(requests, "their request waits", "their requests wait")} for an owner.
          </p>
          <Link href="/team" className={buttonVariants({ size: "sm", variant: "secondary" })}>
            Review requests
          </Link>
        </div>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="App filter" className="flex gap-1 text-sm">
          {[
            ["Active", "/apps", !archived],
            ["Archived", "/apps?archived=1", archived],
          ].map(([label, href, active]) => (
            <Link
              key={String(label)}
              href={String(href)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5",
                active ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {label}
            </Link>
          ))}
        </nav>
        {total > APPS_PAGE || query.q ? (
          <form key={query.q} method="get" role="search" aria-label="Find apps" className="flex items-center gap-2">
            {archived ? <input type="hidden" name="archived" value="1" /> : null}
            <label htmlFor="apps-q" className="sr-only">
              App name
            </label>
            <input
              id="apps-q"
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="Find an app by name"
              className={`${inputClass} h-9 w-56`}
            />
            <button type="submit" className={buttonVariants({ variant: "secondary" })}>
              Find
            </button>
          </form>
        ) : null}
      </div>
      {apps.length === 0 && query.q ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          No {archived ? "archived " : ""}app is named like “{query.q}”.{" "}
          <Link
            href={href({ q: "", page: 1 })}
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            Show all
          </Link>
        </p>
      ) : apps.length === 0 ? (
        archived ? (
          <EmptyState icon={AppWindow} title="No archived apps">
            Archived apps are kept with their listings and history; restore them from their settings.
          </EmptyState>
        ) : (
          <EmptyState icon={AppWindow} title="No apps yet" action={newButton}>
            Add the app you have registered in Pipedrive&apos;s Developer Hub to draft its listing, preview it as
            customers will see it, and follow its installs and reviews.
          </EmptyState>
        )
      ) : (
        <ul id="apps" className="space-y-3" aria-label={archived ? "Archived apps" : "Apps"}>
          {figures.map((f) => (
            <AppFiguresCard key={f.app.id} figures={f} />
          ))}
        </ul>
      )}
      <div className="mt-4">
        <Pager page={query.page} pages={pages} href={(page) => href({ page })} total={plural(total, "app", "apps")} />
      </div>
    </>
  );
}
