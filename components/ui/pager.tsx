import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** "Page 2 of 7" with Previous / Next links; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  href,
  total,
  next = page < pages,
  more = false,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  total?: string;
  /** Whether a next page exists (by default: this is not the last of `pages`). */
  next?: boolean;
  /** The count stopped short: there are more than `pages` pages. */
  more?: boolean;
}) {
  if (pages <= 1 && !next && page <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span className="text-slate-600">
        Page {page}
        {page <= pages ? ` of ${pages}${more ? "+" : ""}` : ""}
        {total ? ` · ${total}` : ""}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={href(page - 1)}>
            Previous
          </Link>
        ) : null}
        {next ? (
          <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={href(page + 1)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
