import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** "Page 2 of 7" with Previous / Next links; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  href,
  total,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  total?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span className="text-slate-600">
        Page {page} of {pages}
        {total ? ` · ${total}` : ""}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={href(page - 1)}>
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={href(page + 1)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
