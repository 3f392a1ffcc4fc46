import type { Metadata } from "next";
import Link from "next/link";
import { UserPlus } from "lucide-react";
import { JoinButton } from "@/components/team/join-button";
import { buttonVariants } from "@/components/ui/button";
import { currentUser } from "@/lib/authz";
import { signInPath } from "@/lib/http/paths";
import { inspectInvitation } from "@/lib/team/invitations";
import { ROLE_LABELS } from "@/lib/team/roles";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Join a workspace", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const invite = await inspectInvitation(token);
  const user = await currentUser();
  const [title, body] =
    invite.state === "open"
      ? [
          `Join ${invite.workspace}`,
          `You are invited as ${ROLE_LABELS[invite.role].toLowerCase()} of ${invite.workspace} in Listing Studio.`,
        ]
      : invite.state === "invalid"
        ? [
            "This invite link does not work",
            "Check that you copied the whole link, or ask the person who invited you for a new one.",
          ]
        : [
            `This invitation to ${invite.workspace} cannot be used`,
            `It was ${invite.state === "used" ? "already used" : "revoked or has expired"}. Ask an owner of the workspace for a new link.`,
          ];
  return (
    <div className="mx-auto max-w-lg px-4 py-20 sm:px-6">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <UserPlus aria-hidden className="size-6" />
        </div>
        <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-3 text-sm text-slate-600">{body}</p>
        {invite.state === "open" ? (
          user ? (
            <div className="mt-8">
              <p className="mb-3 text-sm text-slate-600">
                Signed in as <strong className="text-slate-900">{user.name}</strong>.
              </p>
              <JoinButton token={token} workspace={invite.workspace} />
            </div>
          ) : (
            <Link href={signInPath(`/invite/${token}`)} className={`${buttonVariants({ size: "lg" })} mt-8`}>
              Sign in with Pipedrive to join
            </Link>
          )
        ) : (
          <Link href="/" className={`${buttonVariants({ variant: "secondary" })} mt-8`}>
            Go home
          </Link>
        )}
      </div>
    </div>
  );
}
