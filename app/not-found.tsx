import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/**
 * Rendered inside the request that asked for a missing page (a `notFound()` of a page, or
 * app/[...missing] for an unknown address), so its scripts carry that request's nonce.
 */
export default function NotFound() {
  return (
    <div className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">The link may be mistyped, or the page was moved or removed.</p>
      <Link href="/" className={`${buttonVariants({ variant: "secondary" })} mt-6`}>
        Go home
      </Link>
    </div>
  );
}
