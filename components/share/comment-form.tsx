import { COMMENT_SECTIONS } from "@/lib/share/schema";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/**
 * A plain HTML form (no script): it posts to the share link itself, and the confirmation is
 * revealed by the `#comment-sent` fragment of the redirect that follows.
 */
export function CommentForm() {
  return (
    <section
      aria-labelledby="comment-heading"
      className="mx-4 mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:mx-0"
      id="comment-form"
    >
      <h2 id="comment-heading" className="text-lg font-semibold text-slate-900">
        Leave a comment for the team
      </h2>
      <p className="mt-1 text-sm text-slate-600">Only the team that shared this preview sees comments.</p>
      <p
        id="comment-sent"
        role="status"
        className="mt-4 hidden rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 target:block"
      >
        Thank you — your comment was sent to the team.
      </p>
      <form method="post" action="?comment=1" className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium text-slate-800">
          Your name
          <input name="name" required maxLength={80} autoComplete="name" className={field} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          About
          <select name="section" required defaultValue="general" className={field}>
            {Object.entries(COMMENT_SECTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800 sm:col-span-2">
          Comment
          <textarea name="body" required maxLength={2000} rows={4} className={field} />
        </label>
        <div aria-hidden className="absolute -left-[9999px]">
          <label>
            Leave this empty
            <input name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            Send comment
          </button>
        </div>
      </form>
    </section>
  );
}
