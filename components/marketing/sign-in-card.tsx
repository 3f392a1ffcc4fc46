"use client";

import { useSearchParams } from "next/navigation";
import { Notice } from "@/components/marketing/notice";
import { SignInButton } from "@/components/marketing/sign-in-button";
import { safeReturnPath } from "@/lib/http/paths";

const ERRORS: Record<string, string> = {
  OAuthCallbackError: "Pipedrive did not complete the sign-in. Please try again.",
  OAuthSignInError: "The sign-in with Pipedrive could not start. Please try again.",
  AccessDenied: "Access was not granted.",
  denied:
    "You cancelled on Pipedrive's consent screen, so you are not signed in. Sign in again whenever you are ready.",
  Configuration:
    "The sign-in with Pipedrive could not be completed. Please try again; if it keeps failing, contact support.",
};

/**
 * The sign-in card. The page is the same HTML for everyone (prerendered); the return path and
 * the reason of a failed sign-in come from the address once it runs in the browser.
 */
export function SignInCard({ callbackUrl = "/apps", error }: { callbackUrl?: string; error?: string | null }) {
  const message = error ? (ERRORS[error] ?? "Sign-in failed. Please try again.") : null;
  const returning = callbackUrl !== "/apps";
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in to Listing Studio</h1>
      <p className="mt-2 text-sm text-slate-600">
        {returning
          ? "Sign in to continue to the page you asked for."
          : "Use the Pipedrive account of your partner company. Your company becomes your workspace."}
      </p>
      {message ? (
        <div className="mt-6">
          <Notice tone="warning" title={error === "denied" ? "Access was not granted" : "Sign-in failed"}>
            {message}
          </Notice>
        </div>
      ) : null}
      <SignInButton callbackUrl={callbackUrl} size="lg" className="mt-8 w-full" />
      <p className="mt-6 text-xs text-slate-500">
        Listing Studio reads only your Pipedrive name, email and company. It does not keep your Pipedrive tokens.
      </p>
    </div>
  );
}

/** The card for the address in the browser (`?callbackUrl=`, `?error=`). */
export function SignInCardFromAddress() {
  const params = useSearchParams();
  return <SignInCard callbackUrl={safeReturnPath(params.get("callbackUrl"))} error={params.get("error")} />;
}
