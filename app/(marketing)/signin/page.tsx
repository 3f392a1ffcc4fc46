import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/components/marketing/notice";
import { SignInButton } from "@/components/marketing/sign-in-button";
import { currentUser } from "@/lib/authz";
import { safeReturnPath } from "@/lib/paths";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OAuthCallbackError: "Pipedrive did not complete the sign-in. Please try again.",
  OAuthSignInError: "The sign-in with Pipedrive could not start. Please try again.",
  AccessDenied: "Access was not granted.",
  denied: "You cancelled on Pipedrive's consent screen, so you are not signed in. Sign in again whenever you are ready.",
  Configuration: "The sign-in with Pipedrive could not be completed. Please try again; if it keeps failing, contact support.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const [params, user] = await Promise.all([searchParams, currentUser()]);
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (user) redirect(callbackUrl);
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;
  const returning = callbackUrl !== "/apps";

  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-20 sm:px-6">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in to Listing Studio</h1>
        <p className="mt-2 text-sm text-slate-600">
          {returning
            ? "Sign in to continue to the page you asked for."
            : "Use the Pipedrive account of your partner company. Your company becomes your workspace."}
        </p>
        {error ? (
          <div className="mt-6">
            <Notice tone="warning" title={params.error === "denied" ? "Access was not granted" : "Sign-in failed"}>
              {error}
            </Notice>
          </div>
        ) : null}
        <SignInButton callbackUrl={callbackUrl} size="lg" className="mt-8 w-full" />
        <p className="mt-6 text-xs text-slate-500">
          Listing Studio reads only your Pipedrive name, email and company. It does not keep your Pipedrive tokens.
        </p>
      </div>
    </div>
  );
}
