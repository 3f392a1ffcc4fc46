"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

/** Imports an exported listing (zip or JSON); every problem is listed with its field. */
export function ImportForm({ appId }: { appId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<[string, string][]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return setMessage("Choose an exported .zip or .json file first");
        setBusy(true);
        const form = new FormData();
        form.append("file", file);
        const res = await fetch(`/api/apps/${appId}/import`, { method: "POST", body: form });
        setBusy(false);
        if (res.ok) {
          setProblems([]);
          setMessage(null);
          toast.success("Listing imported as a new version");
          router.refresh();
          return;
        }
        const body = await res.json().catch(() => null);
        setMessage(body?.error?.message ?? `Import failed (${res.status})`);
        setProblems(Object.entries(body?.error?.fields ?? {}));
      }}
    >
      <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">Exported listing (.zip or .json)</label>
      <input id="import-file" type="file" accept=".zip,.json,application/zip,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
      <Button type="submit" variant="secondary" disabled={busy}>{busy ? "Importing…" : "Import"}</Button>
      {message ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{message}</p>
          {problems.length > 0 ? (
            <ul className="mt-2 list-disc pl-5" data-testid="import-problems">
              {problems.map(([field, text]) => (
                <li key={field}><code>{field}</code>: {text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
