"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { createInvitationAction, decideAccessAction, revokeInvitationAction } from "@/lib/actions/team";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/team/roles";
import { cn } from "@/components/ui/cn";
import { ShownOnce } from "@/components/ui/shown-once";
import { UTC_DAY_OF_YEAR as DAY } from "@/lib/text/dates";

type Invitation = { id: string; role: Role; label: string | null; createdAt: string; expiresAt: string; state: string };
type Request = { id: string; name: string; email: string | null; createdAt: string };

export function Invitations({ invitations, origin }: { invitations: Invitation[]; origin: string }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("EDITOR");
  const [label, setLabel] = useState("");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  return (
    <section aria-labelledby="invite-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="invite-heading" className="font-semibold text-slate-900">
        Invite people
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        An invite link works once, for 7 days. Whoever opens it signs in with Pipedrive and joins with the role you
        choose.
      </p>
      <form
        noValidate
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await createInvitationAction({ role, label });
          if (!result.ok) return setError(result.error.fields?.label ?? result.error.message);
          setError(undefined);
          setLabel("");
          setLink(`${origin}${result.data.path}`);
          router.refresh();
        }}
      >
        <div>
          <label htmlFor="invite-role" className="text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="invite-role"
            className={cn(inputClass, "mt-1")}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <Field id="invite-label" label="Note (optional)" error={error}>
            <input
              id="invite-label"
              className={inputClass}
              value={label}
              maxLength={80}
              placeholder="e.g. for Maria, support"
              onChange={(e) => setLabel(e.target.value)}
            />
          </Field>
        </div>
        <Button type="submit">Create invite link</Button>
      </form>
      {link ? <ShownOnce what="link" label="Invite link" value={link} /> : null}
      {invitations.length ? (
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Invitations">
          {invitations.map((i) => (
            <li
              key={i.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
              data-testid="invitation-row"
            >
              <span>
                {ROLE_LABELS[i.role]}
                {i.label ? <span className="text-slate-600"> · {i.label}</span> : null}
                <span className="block text-xs text-slate-500">
                  Created {DAY.format(new Date(i.createdAt))} ·{" "}
                  {i.state === "open" ? `expires ${DAY.format(new Date(i.expiresAt))}` : i.state}
                </span>
              </span>
              {i.state === "open" ? (
                <ConfirmAction
                  label="Revoke"
                  target={`the ${ROLE_LABELS[i.role]} invitation`}
                  description="The link stops working at once."
                  confirmLabel="Revoke invitation"
                  done="Invitation revoked"
                  run={() => revokeInvitationAction(i.id)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function AccessRequests({ requests }: { requests: Request[] }) {
  const router = useRouter();
  const [roles, setRoles] = useState<Record<string, Role>>({});
  if (requests.length === 0) return null;
  const decide = async (r: Request, approve: boolean) => {
    const result = await decideAccessAction(r.id, { approve, role: roles[r.id] ?? "VIEWER" });
    if (!result.ok) return void toast.error(result.error.message);
    toast.success(approve ? `${r.name} joined` : `${r.name}'s request was denied`);
    router.refresh();
  };
  return (
    <section aria-labelledby="requests-heading" className="rounded-xl border border-amber-200 bg-amber-50/50 p-4">
      <h2 id="requests-heading" className="font-semibold text-slate-900">
        Access requests
      </h2>
      <ul className="mt-2 divide-y divide-amber-100 text-sm">
        {requests.map((r) => (
          <li
            key={r.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
            data-testid="access-request"
          >
            <span>
              <span className="font-medium text-slate-900">{r.name}</span>
              {r.email ? <span className="text-slate-600"> · {r.email}</span> : null}
              <span className="block text-xs text-slate-500">Asked {DAY.format(new Date(r.createdAt))}</span>
            </span>
            <span className="flex items-center gap-2">
              <select
                aria-label={`Role for ${r.name}`}
                className={cn(inputClass, "h-8 w-28 py-0")}
                value={roles[r.id] ?? "VIEWER"}
                onChange={(e) => setRoles({ ...roles, [r.id]: e.target.value as Role })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
              <Button size="sm" onClick={() => decide(r, true)}>
                Approve
              </Button>
              <Button size="sm" variant="secondary" onClick={() => decide(r, false)}>
                Deny
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
