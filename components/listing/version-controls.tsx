"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { restoreVersionAction, saveVersionAction } from "@/lib/actions/versions";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function SaveVersionForm({ appId }: { appId: string }) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await saveVersionAction(appId, { label });
        setBusy(false);
        if (!result.ok) return setError(result.error.fields?.label ?? result.error.message);
        setError(undefined);
        setLabel("");
        toast.success(`Saved version ${result.data.number}`);
        router.refresh();
      }}
    >
      <div className="min-w-64 flex-1">
        <Field id="version-label" label="Version label" error={error}>
          <input
            id="version-label"
            className={inputClass}
            value={label}
            maxLength={120}
            placeholder="e.g. Sent to review"
            onChange={(e) => setLabel(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </Field>
      </div>
      <Button type="submit" disabled={busy}>
        Save version
      </Button>
    </form>
  );
}

export function RestoreButton({ appId, versionId, number }: { appId: string; versionId: string; number: number }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          Restore
        </Button>
      }
      title={`Restore version ${number}?`}
      description="This version becomes the draft. The draft as it is now is kept as a version first, so you can go back to it."
      confirmLabel="Restore version"
      onConfirm={async () => {
        const result = await restoreVersionAction(appId, versionId);
        if (!result.ok) return result.error.message;
        toast.success(
          result.data.backupVersion === null
            ? `Version ${number} is the draft again`
            : `Version ${number} is the draft again; the draft before it is version ${result.data.backupVersion}`,
        );
        router.refresh();
        return null;
      }}
    />
  );
}
