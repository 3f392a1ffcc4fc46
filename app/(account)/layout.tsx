import Link from "next/link";
import { connection } from "next/server";
import { Logo } from "@/components/brand/logo";

/** Pages for a signed-in person without a workspace yet: no sign-in button, they are signed in. Rendered per request. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-4 sm:px-6">
          <Link href="/" aria-label="Listing Studio home">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
    </div>
  );
}
