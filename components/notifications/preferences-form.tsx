"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { savePreferencesAction } from "@/lib/actions/notifications";
import type { NotificationKind } from "@/lib/notifications/kinds";

type Kind = { kind: NotificationKind; label: string; help: string; inApp: boolean; email: boolean };

export function PreferencesForm({ kinds, emailOn }: { kinds: Kind[]; emailOn: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState(kinds);
  const [saving, setSaving] = useState(false);
  const set = (kind: NotificationKind, change: Partial<Pick<Kind, "inApp" | "email">>) =>
    setValues((all) => all.map((k) => (k.kind === kind ? { ...k, ...change } : k)));
  return (
    <form
      className="rounded-xl border border-slate-200 bg-white"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        const result = await savePreferencesAction({
          kinds: values.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
        });
        setSaving(false);
        if (!result.ok) return void toast.error(result.error.message);
        toast.success("Notification settings saved");
        router.refresh();
      }}
    >
      <fieldset>
        <legend className="sr-only">What you are told about</legend>
        <ul className="divide-y divide-slate-100">
          {values.map((k) => (
            <li
              key={k.kind}
              className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
              data-testid={`preference-${k.kind}`}
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{k.label}</p>
                <p className="text-sm text-slate-600">{k.help}</p>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-700"
                  aria-label={`In the app: ${k.label}`}
                  checked={k.inApp}
                  onChange={(e) => set(k.kind, { inApp: e.target.checked })}
                />
                <span aria-hidden>In the app</span>
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-700"
                  aria-label={`By email: ${k.label}`}
                  checked={emailOn && k.email}
                  disabled={!emailOn}
                  onChange={(e) => set(k.kind, { email: e.target.checked })}
                />
                <span aria-hidden>By email</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="border-t border-slate-200 px-4 py-3">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
