import type { Metadata } from "next";
import Link from "next/link";
import { MessageSquareText } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { AddReview } from "@/components/reviews/add-review";
import { ImportReviews } from "@/components/reviews/import-reviews";
import { RatingCards } from "@/components/reviews/rating-cards";
import { ReviewCard } from "@/components/reviews/review-card";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMembership } from "@/lib/authz";
import { listInbox, listReviewedApps, listTemplates } from "@/lib/reviews/inbox";
import { RATING_CARDS, ratingSummaries } from "@/lib/sync/ratings";
import {
  formatReplyTime,
  inboxQuerySchema,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type InboxQuery,
} from "@/lib/reviews/schema";
import { listMembers } from "@/lib/team/workspace";
import { can } from "@/lib/team/permissions";
import { DateRangeFields } from "@/components/forms/date-range-fields";
import { plural } from "@/lib/text/words";

export const metadata: Metadata = { title: "Reviews" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewsPage({ searchParams }: Props) {
  const member = await requireMembership();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = inboxQuerySchema.parse(raw);
  const allRatings = raw.ratings === "all";
  const [inbox, ratings, members, templates, apps] = await Promise.all([
    listInbox(member, query),
    ratingSummaries(member, { limit: allRatings ? null : RATING_CARDS }),
    listMembers(member.workspace.id),
    listTemplates(member),
    listReviewedApps(member),
  ]);
  const canEdit = can(member, "review.triage");
  // One list for every card (sent once): the people who can handle a review.
  const assignees = members.filter((m) => can(m, "review.be-assigned")).map((m) => ({ id: m.id, name: m.name }));
  const withAssignee = (id: string | null) => {
    const current = id && !assignees.some((a) => a.id === id) ? members.find((m) => m.id === id) : undefined;
    return current ? [...assignees, { id: current.id, name: current.name }] : assignees;
  };
  const href = (change: Partial<InboxQuery>) => {
    const next = { ...query, ...change };
    const search = new URLSearchParams(
      Object.entries(next)
        .filter(([k, v]) => !(k === "page" && v === 1) && !(k === "status" && v === "open") && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return `?${search}`;
  };
  const filtered =
    query.app ||
    query.stars ||
    query.status !== "open" ||
    query.assignee ||
    query.from ||
    query.to ||
    query.q ||
    query.removed;
  const anyReview = Object.values(inbox.counts).some((n) => n > 0);

  if (apps.length === 0) {
    return (
      <EmptyState
        icon={MessageSquareText}
        title="No public app yet"
        action={
          <Link href="/apps" className={buttonVariants({ variant: "secondary" })}>
            Go to apps
          </Link>
        }
      >
        Reviews appear here once one of your public apps is published on the Pipedrive Marketplace and its listing is
        synced.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-6">
      <RatingCards
        summaries={ratings.summaries}
        total={ratings.total}
        toggle={{
          all: allRatings,
          href: allRatings
            ? href({})
            : `?${new URLSearchParams([...new URLSearchParams(href({}).slice(1)), ["ratings", "all"]])}`,
        }}
      />

      <section aria-label="Inbox figures" className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-600">
        {REVIEW_STATUSES.map((s) => (
          <Link key={s} href={href({ status: s, page: 1 })} className="hover:text-slate-900">
            {REVIEW_STATUS_LABELS[s]}{" "}
            <strong className="text-slate-900" data-testid={`count-${s}`}>
              {inbox.counts[s] ?? 0}
            </strong>
          </Link>
        ))}
        <span>
          Average time to reply{" "}
          <strong className="text-slate-900" data-testid="average-reply-time">
            {formatReplyTime(inbox.averageReplyMs)}
          </strong>
          {inbox.repliedCount ? <span className="text-xs"> (over {inbox.repliedCount} replies)</span> : null}
        </span>
      </section>

      {canEdit ? (
        <div className="flex flex-wrap items-start gap-3">
          <AddReview apps={apps} />
          <ImportReviews apps={apps} />
        </div>
      ) : null}

      {/* Keyed on the query: a client-side navigation (Reset, a figure) shows its own values, not the last ones typed. */}
      <form
        key={JSON.stringify(query)}
        method="get"
        className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        role="search"
        aria-label="Filter reviews"
      >
        <label className="text-sm font-medium text-slate-800">
          App
          <select name="app" defaultValue={query.app} className={`${inputClass} mt-1`}>
            <option value="">All apps</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Stars
          <select name="stars" defaultValue={query.stars} className={`${inputClass} mt-1`}>
            <option value="">Any rating</option>
            <option value="low">2 stars or fewer</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {plural(n, "star", "stars")}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Status
          <select name="status" defaultValue={query.status} className={`${inputClass} mt-1`}>
            <option value="open">To handle (New, Needs reply)</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="all">All statuses</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Assigned to
          <select name="assignee" defaultValue={query.assignee} className={`${inputClass} mt-1`}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields from={query.from} to={query.to} />
        <label className="text-sm font-medium text-slate-800">
          Text
          <input
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Words in the review or reply"
            className={`${inputClass} mt-1`}
          />
        </label>
        <div className="flex items-end justify-between gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="removed" value="1" defaultChecked={query.removed === "1"} /> Include removed
          </label>
          <span className="flex gap-2">
            {filtered ? (
              <Link href="/reviews" className={buttonVariants({ variant: "ghost", size: "md" })}>
                Reset
              </Link>
            ) : null}
            <button type="submit" className={buttonVariants({ size: "md" })}>
              Apply
            </button>
          </span>
        </div>
      </form>

      <section aria-labelledby="inbox-heading" className="space-y-3">
        <h2 id="inbox-heading" className="text-sm font-medium text-slate-600">
          {plural(inbox.total, "review", "reviews")}
        </h2>
        {inbox.rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            {!anyReview
              ? "No reviews yet. Run a sync once your app is published, or add and import reviews above."
              : filtered
                ? "No review matches these filters."
                : "Nothing to handle: every review is replied to or set aside."}
          </p>
        ) : (
          inbox.rows.map((r) => (
            <ReviewCard
              key={r.id}
              review={r}
              members={withAssignee(r.assigneeId)}
              templates={templates}
              myName={member.user.name}
              canEdit={canEdit}
            />
          ))
        )}
      </section>
      <Pager page={query.page} pages={inbox.pages} href={(page) => href({ page })} />
    </div>
  );
}
