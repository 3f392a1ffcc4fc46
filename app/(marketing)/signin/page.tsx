import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInCard, SignInCardFromAddress } from "@/components/marketing/sign-in-card";

export const metadata: Metadata = { title: "Sign in" };

/**
 * Prerendered: the same HTML for everyone, with a policy of script hashes (lib/http/static-pages.ts).
 * Before its script runs (or without script) it is the plain card, which signs in to the
 * dashboard. A signed-in person never sees it: with a session cookie, the proxy hands the
 * request to ./resume, which sends them on.
 */
export default function SignInPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-20 sm:px-6">
      <Suspense fallback={<SignInCard />}>
        <SignInCardFromAddress />
      </Suspense>
    </div>
  );
}
