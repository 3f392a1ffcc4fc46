import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LockKeyhole } from "lucide-react";
import { signOutAction } from "@/lib/actions/session";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/authz";
import { RequestAccess } from "@/components/team/request-access";
import { accessRequestOf } from "@/lib/team/invitations";
import { findCompanyWorkspace, findCurrentMembership } from "@/lib/team/workspace";

export const metadata: Metadata = { title: "Ask for access" };

export default async function AccessPage() {
  const user = await requireUser();
  if (await findCurrentMembership(user.id)) redirect("/apps");
  const workspace = await findCompanyWorkspace(user.id);
  const request = workspace ? await accessRequestOf(user.id) : null;

  return (
    <div className="mx-auto max-w-lg px-4 py-20 sm:px-6">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-600">
          <LockKeyhole aria-hidden className="size-6" />
        </div>
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Ask your workspace owner for access</h1>
        <p className="mt-3 text-sm text-slate-600">
          {workspace ? (
            <>
              Your Pipedrive company <strong className="text-slate-900">{workspace.name}</strong> already has a Listing
              Studio workspace. You are signed in as <strong className="text-slate-900">{user.name}</strong>, but you
              are not a member yet.
            </>
          ) : (
            <>
              You are signed in as <strong className="text-slate-900">{user.name}</strong>, but you are not a member of
              a workspace.
            </>
          )}
        </p>
        <p className="mt-3 text-sm text-slate-600">
          {workspace
            ? "Ask its owners to let you in, or open an invite link from one of them."
            : "An owner of the workspace can invite you."}{" "}
          Once you are in, you will land on the dashboard.
        </p>
        {workspace ? (
          <div className="mt-6">
            {request?.status === "DENIED" ? (
              <p className="mb-2 text-sm text-slate-600">An owner declined your last request; you can ask again.</p>
            ) : null}
            <RequestAccess pending={request?.status === "PENDING"} />
          </div>
        ) : null}
        <form action={signOutAction} className="mt-8">
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </div>
    </div>
  );
}
