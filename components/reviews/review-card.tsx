"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Copy, ExternalLink } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { markRepliedAction, updateReviewAction } from "@/lib/actions/reviews";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import type { InboxRow } from "@/lib/reviews/types";
import {
  firstName,
  renderTemplate,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
} from "@/lib/reviews/templates";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import { plural } from "@/lib/text/words";
import { UTC_DAY as DAY } from "@/lib/text/dates";

const SOURCE: Record<string, string> = { MANUAL: "Added by hand", IMPORT: "Imported" };
const STATUS_STYLE: Record<string, string> = {
  NEW: "bg-sky-50 text-sky-800",
  NEEDS_REPLY: "bg-amber-50 text-amber-900",
  REPLIED: "bg-emerald-50 text-emerald-800",
  WONT_REPLY: "bg-slate-100 text-slate-700",
};

/** Five stars drawn from one shape (an inbox page shows dozens of ratings: one path each, not five). */
export function Stars({ value }: { value: number }) {
  const id = `star-${useId().replace(/:/g, "")}`;
  return (
    <svg viewBox="0 0 120 24" className="h-4 w-20" role="img" aria-label={`${value} out of 5 stars`}>
      <defs>
        <path
          id={id}
          strokeWidth="2"
          strokeLinejoin="round"
          d="M12 2.5l2.94 5.96 6.58.96-4.76 4.64 1.12 6.55L12 17.52l-5.88 3.09 1.12-6.55-4.76-4.64 6.58-.96z"
        />
      </defs>
      {[0, 1, 2, 3, 4].map((i) => (
        <use
          key={i}
          href={`#${id}`}
          x={i * 24}
          className={i < value ? "fill-amber-400 stroke-amber-400" : "fill-none stroke-slate-300"}
        />
      ))}
    </svg>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ReviewCard({
  review,
  members,
  templates,
  myName,
  canEdit,
}: {
  review: InboxRow;
  members: { id: string; name: string }[];
  templates: { id: string; name: string; body: string }[];
  myName: string;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [composing, setComposing] = useState(false);
  // The page's HTML carries only the current assignee: a large team's names would be sent once per card.
  const hydrated = useHydrated();
  const choices = hydrated ? members : members.filter((m) => m.id === review.assigneeId);
  const [reply, setReply] = useState(review.replyText ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `review-${review.id}`;

  const update = async (change: { status?: ReviewStatus; assigneeId?: string | null }, done: string) => {
    const result = await updateReviewAction(review.id, change);
    if (!result.ok) return void toast.error(result.error.message);
    toast.success(done);
    router.refresh();
  };

  return (
    <article
      aria-labelledby={`${id}-title`}
      className={cn(
        "rounded-xl border bg-white p-4",
        review.removed ? "border-dashed border-slate-300" : "border-slate-200",
      )}
      data-testid="review-card"
      data-interactive={hydrated ? "true" : undefined}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="font-medium text-slate-900">
            <span className="sr-only">Review by </span>
            <bdi>{review.author}</bdi> <span className="font-normal text-slate-500">on {review.app.name}</span>
          </h3>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Stars value={review.stars} />
            {review.reviewedAt ? (
              <time dateTime={review.reviewedAt}>{DAY.format(new Date(review.reviewedAt))}</time>
            ) : null}
            {review.upvotes ? <span>{review.upvotes} found it helpful</span> : null}
            {SOURCE[review.source] ? (
              <span className="rounded bg-slate-100 px-1.5 py-0.5">{SOURCE[review.source]}</span>
            ) : null}
            {review.removed ? (
              <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">Removed from the page</span>
            ) : null}
            {!review.removed ? (
              <a
                href={review.marketplaceUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex items-center gap-1 text-brand-700 underline-offset-2 hover:underline"
              >
                On the Marketplace
                <ExternalLink aria-hidden className="size-3" />
                <span className="sr-only">(review by {review.author}, opens in a new tab)</span>
              </a>
            ) : null}
          </p>
        </div>
        <span
          className={cn("rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLE[review.status])}
          data-testid="review-status"
        >
          {REVIEW_STATUS_LABELS[review.status as ReviewStatus] ?? review.status}
        </span>
      </header>
      {review.text ? (
        <p className="mt-3 text-sm whitespace-pre-line text-slate-800">{review.text}</p>
      ) : (
        <p className="mt-3 text-sm text-slate-500 italic">A rating without text.</p>
      )}
      {review.revisions.length ? (
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer">
            Edited by the reviewer · {plural(review.revisions.length, "earlier version", "earlier versions")}
          </summary>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
            {review.revisions.map((v) => (
              <li key={v.recordedAt}>
                <span className="text-slate-500">Until {DAY.format(new Date(v.recordedAt))}: </span>
                {v.stars}★ — <span className="whitespace-pre-line">{v.text || "(no text)"}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {review.publicReply ? (
        <blockquote className="mt-3 border-l-2 border-brand-600 bg-brand-50/40 px-3 py-2 text-sm text-slate-700">
          <span className="block text-xs font-medium text-slate-500">Public reply on Pipedrive</span>
          {review.publicReply}
        </blockquote>
      ) : null}
      {review.replyText && !composing ? (
        <div className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="saved-reply">
          <span className="block text-xs font-medium text-slate-500">
            Your reply{review.repliedBy ? ` · ${review.repliedBy}` : ""}
            {review.repliedAt ? `, ${DAY.format(new Date(review.repliedAt))}` : ""}
          </span>
          <span className="whitespace-pre-line">{review.replyText}</span>
        </div>
      ) : null}

      {canEdit ? (
        <div className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
          <label className="text-xs font-medium text-slate-700">
            Status
            <select
              className={cn(inputClass, "mt-1 h-8 py-0")}
              value={review.status}
              onChange={(e) =>
                update(
                  { status: e.target.value as ReviewStatus },
                  `Marked as ${REVIEW_STATUS_LABELS[e.target.value as ReviewStatus]}`,
                )
              }
            >
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s} disabled={s === "REPLIED" && !review.replyText && !review.publicReply}>
                  {REVIEW_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-700">
            Assigned to
            <select
              className={cn(inputClass, "mt-1 h-8 py-0")}
              value={review.assigneeId ?? ""}
              onChange={(e) =>
                update(
                  { assigneeId: e.target.value || null },
                  e.target.value ? `Assigned to ${members.find((m) => m.id === e.target.value)?.name}` : "Unassigned",
                )
              }
            >
              <option value="">Nobody</option>
              {choices.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          {!composing ? (
            <Button size="sm" variant="secondary" className="ml-auto" onClick={() => setComposing(true)}>
              {review.replyText ? "Edit reply" : "Write a reply"}
            </Button>
          ) : null}
        </div>
      ) : null}

      {canEdit && composing ? (
        <form
          noValidate
          className="mt-3 space-y-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reply.trim()) return setError("Write the reply before marking the review as replied");
            setBusy(true);
            const copied = await copy(reply.trim());
            const result = await markRepliedAction(review.id, { replyText: reply });
            setBusy(false);
            if (!result.ok) return setError(result.error.fields?.replyText ?? result.error.message);
            setError(null);
            setComposing(false);
            toast.success(
              copied
                ? "Reply copied: paste it on the review in Pipedrive"
                : "Reply saved and marked as replied (copy it from the review)",
            );
            router.refresh();
          }}
        >
          {templates.length ? (
            <label className="block text-xs font-medium text-slate-700">
              Start from a template
              <select
                className={cn(inputClass, "mt-1 h-8 py-0")}
                defaultValue=""
                onChange={(e) => {
                  const t = templates.find((x) => x.id === e.target.value);
                  if (t)
                    setReply(
                      renderTemplate(t.body, {
                        author: review.author,
                        first_name: firstName(review.author),
                        app: review.app.name,
                        stars: String(review.stars),
                        my_name: myName,
                      }),
                    );
                }}
              >
                <option value="" disabled>
                  Choose a template…
                </option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label htmlFor={`${id}-reply`} className="block text-xs font-medium text-slate-700">
            Reply to <bdi>{review.author}</bdi>
          </label>
          <textarea
            id={`${id}-reply`}
            rows={5}
            maxLength={5000}
            className={inputClass}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-reply-error` : `${id}-reply-help`}
          />
          <p id={`${id}-reply-help`} className="text-xs text-slate-500">
            Pipedrive has no reply API: the reply is copied for you to paste on the review in Pipedrive, and kept here.
          </p>
          {error ? (
            <p id={`${id}-reply-error`} role="alert" className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => {
                setComposing(false);
                setError(null);
                setReply(review.replyText ?? "");
              }}
            >
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={busy}>
              <Copy aria-hidden /> Copy reply and mark as replied
            </Button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
