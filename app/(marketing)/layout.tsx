import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonVariants } from "@/components/ui/button";

export default function MarketingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
          <Link href="/" aria-label="Listing Studio home">
            <Logo />
          </Link>
          <nav aria-label="Main" className="flex items-center gap-2 text-sm">
            <Link
              href="/#features"
              className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 sm:block"
            >
              Features
            </Link>
            <Link
              href="/#how-it-works"
              className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 sm:block"
            >
              How it works
            </Link>
            {/* /signin takes a signed-in person straight to the dashboard. */}
            <Link href="/signin" className={buttonVariants({ size: "sm", variant: "secondary" })}>
              Sign in
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:justify-between sm:px-6">
          <p>© {new Date().getFullYear()} Listing Studio. Not affiliated with or endorsed by Pipedrive.</p>
          <p>Made for the partners who build Pipedrive Marketplace apps.</p>
        </div>
      </footer>
    </div>
  );
}
