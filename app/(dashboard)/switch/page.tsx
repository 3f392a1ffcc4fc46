import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftRight } from "lucide-react";
import { SwitchWorkspaceButton } from "@/components/dashboard/switch-workspace-button";
import { buttonVariants } from "@/components/ui/button";
import { requireMembership } from "@/lib/authz";
import { safeReturnPath } from "@/lib/http/paths";
import { listMemberships } from "@/lib/team/workspace";
import { switchWorkspaceAction } from "@/lib/actions/team";

export const metadata: Metadata = { title: "Switch workspace" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A link led to a page of another of the user's workspaces: offer to open that workspace. */
export default async function SwitchPage({ searchParams }: Props) {
  const member = await requireMembership();
  const query = await searchParams;
  const target = (await listMemberships(member.user.id)).find((w) => w.id === query.workspace);
  if (!target) notFound();
  const next = safeReturnPath(typeof query.next === "string" ? query.next : undefined);
  if (target.id === member.workspace.id) {
    return (
      <Offer title={`You are in ${target.name}`} text="This workspace is already open.">
        <Link href={next} className={buttonVariants()}>
          Continue
        </Link>
      </Offer>
    );
  }
  return (
    <Offer
      title={`This page is in ${target.name}`}
      text={`You are working in ${member.workspace.name}. Switch to ${target.name} to open it; you can switch back from the workspace menu.`}
    >
      <SwitchWorkspaceButton
        workspaceId={target.id}
        next={next}
        name={target.name}
        switchWorkspace={switchWorkspaceAction}
      />
      <Link href="/apps" className={buttonVariants({ variant: "secondary" })}>
        Stay in {member.workspace.name}
      </Link>
    </Offer>
  );
}

function Offer({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700">
        <ArrowLeftRight aria-hidden className="size-6" />
      </div>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{text}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">{children}</div>
    </div>
  );
}
