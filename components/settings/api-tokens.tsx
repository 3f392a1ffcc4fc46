"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/settings";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import type { ApiTokenView } from "@/lib/api-tokens/types";
import { ShownOnce } from "@/components/ui/shown-once";
import { UTC_DAY as DAY } from "@/lib/text/dates";

export function ApiTokens({ tokens, isOwner }: { tokens: ApiTokenView[]; isOwner: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section
      id="api-tokens"
      aria-labelledby="tokens-heading"
      className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-6 lg:col-span-2"
    >
      <h2 id="tokens-heading" className="font-semibold text-slate-900">
        API tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        For apps that keep their own OAuth callback and for API-token integrations: send install events to{" "}
        <code>POST /api/v1/apps/&lt;app id&gt;/events</code> with <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {isOwner ? (
        <form
          noValidate
          className="mt-4 flex flex-wrap items-end gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await createApiTokenAction({ name });
            if (!result.ok) return setError(result.error.fields?.name ?? result.error.message);
            setError(undefined);
            setName("");
            setCreated(result.data.token);
            router.refresh();
          }}
        >
          <div className="min-w-64 flex-1">
            <Field id="token-name" label="Token name" error={error}>
              <input
                id="token-name"
                className={inputClass}
                value={name}
                maxLength={80}
                placeholder="e.g. Billing backend"
                onChange={(e) => setName(e.target.value)}
                aria-invalid={error ? true : undefined}
              />
            </Field>
          </div>
          <Button type="submit">Create token</Button>
        </form>
      ) : (
        <p className="mt-3 text-sm text-slate-500">Only an owner can create or revoke tokens.</p>
      )}
      {created ? <ShownOnce what="token" label="New API token" value={created} /> : null}
      {tokens.length > 0 ? (
        <ul className="mt-4 divide-y divide-slate-100" aria-label="API tokens">
          {tokens.map((t) => (
            <li
              key={t.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
              data-testid="api-token-row"
            >
              <div>
                <span className="font-medium text-slate-900">{t.name}</span>{" "}
                <code className="text-xs text-slate-500">{t.prefix}…</code>
                {t.revoked ? (
                  <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">
                    revoked
                  </span>
                ) : null}
                <p className="text-xs text-slate-500">
                  Created {DAY.format(new Date(t.createdAt))}
                  {t.createdBy ? ` by ${t.createdBy}` : ""} ·{" "}
                  {t.lastUsedAt ? `last used ${DAY.format(new Date(t.lastUsedAt))}` : "never used"}
                </p>
              </div>
              {isOwner && !t.revoked ? (
                <ConfirmAction
                  label="Revoke"
                  target={t.name}
                  variant="secondary"
                  description="Requests with this token are refused at once."
                  confirmLabel="Revoke token"
                  done="Token revoked"
                  run={() => revokeApiTokenAction(t.id)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
