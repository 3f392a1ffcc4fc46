"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { connectCrmAction, disconnectCrmAction, saveCrmSettingsAction, startBackfillAction } from "@/lib/actions/crm";
import type { CrmPushView, CrmSettingsView } from "@/lib/crm/types";
import { UTC_DAY as DAY } from "@/lib/text/dates";
import { CrmPushList } from "./push-list";

export type CrmConnectionView = {
  companyId: number;
  companyName: string | null;
  apiDomain: string;
  connectedByName: string;
  connectedAt: string;
  problem: string | null;
  settings: CrmSettingsView;
  pipelines: { id: number; name: string; stages: { id: number; name: string }[] }[];
  counts: { pending: number; failed: number; delivered: number };
  backfill: { startedAt: string; total: number; done: number; failed: number } | null;
  recent: CrmPushView[];
};

type FormValues = {
  createPerson: boolean;
  target: "NONE" | "LEAD" | "DEAL";
  pipelineId: string;
  stageId: string;
  onUninstall: "LOSE" | "NOTE" | "NONE";
  reopenOnReinstall: boolean;
};

function ConnectButton({ label }: { label: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      action={async () => {
        const result = await connectCrmAction();
        if (result && !result.ok) setError(result.error.message);
      }}
    >
      <Button type="submit">{label}</Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function MappingForm({ connection }: { connection: CrmConnectionView }) {
  const router = useRouter();
  const s = connection.settings;
  const form = useForm<FormValues>({
    defaultValues: {
      createPerson: s.createPerson,
      target: s.target,
      pipelineId: s.pipelineId ? String(s.pipelineId) : "",
      stageId: s.stageId ? String(s.stageId) : "",
      onUninstall: s.onUninstall,
      reopenOnReinstall: s.reopenOnReinstall,
    },
  });
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const target = useWatch({ control: form.control, name: "target" });
  const pipelineId = useWatch({ control: form.control, name: "pipelineId" });
  const stages = connection.pipelines.find((p) => String(p.id) === pipelineId)?.stages ?? [];
  const error = (field: string) =>
    problem?.field === field ? (
      <span role="alert" id={`crm-${field}-error`} className="mt-1 block text-sm text-red-700">
        {problem.message}
      </span>
    ) : null;
  return (
    <form
      noValidate
      aria-label="What installs do in your Pipedrive"
      className="space-y-4"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await saveCrmSettingsAction({
          ...v,
          pipelineId: v.pipelineId ? Number(v.pipelineId) : null,
          stageId: v.stageId ? Number(v.stageId) : null,
        });
        if (!result.ok) {
          const [field, message] = Object.entries(result.error.fields ?? {})[0] ?? ["_", result.error.message];
          setProblem({ field, message });
          return;
        }
        setProblem(null);
        toast.success("Saved: the next installs follow these settings");
        router.refresh();
      })}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">An install creates or updates</legend>
        <p className="text-sm text-slate-600">
          An <strong>organization</strong> for the company (found by the id stored here, else by its exact name).
        </p>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" {...form.register("createPerson")} /> A person for the installing user
        </label>
        <label className="block text-sm font-medium text-slate-800">
          And
          <select className={`${inputClass} mt-1`} {...form.register("target")}>
            <option value="DEAL">A deal in a pipeline</option>
            <option value="LEAD">A lead in the Leads inbox</option>
            <option value="NONE">Nothing more</option>
          </select>
        </label>
        {target === "DEAL" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-sm font-medium text-slate-800">
              Pipeline
              <select
                aria-label="Pipeline"
                className={`${inputClass} mt-1`}
                aria-invalid={problem?.field === "pipelineId" || undefined}
                aria-describedby={problem?.field === "pipelineId" ? "crm-pipelineId-error" : undefined}
                {...form.register("pipelineId", { onChange: () => form.setValue("stageId", "") })}
              >
                <option value="">Choose…</option>
                {connection.pipelines.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {error("pipelineId")}
            </label>
            <label className="block text-sm font-medium text-slate-800">
              Stage
              <select
                aria-label="Stage"
                className={`${inputClass} mt-1`}
                aria-invalid={problem?.field === "stageId" || undefined}
                aria-describedby={problem?.field === "stageId" ? "crm-stageId-error" : undefined}
                {...form.register("stageId")}
              >
                <option value="">Choose…</option>
                {stages.map((st) => (
                  <option key={st.id} value={st.id}>
                    {st.name}
                  </option>
                ))}
              </select>
              {error("stageId")}
            </label>
          </div>
        ) : null}
      </fieldset>
      <label className="block text-sm font-medium text-slate-800">
        An uninstall
        <select className={`${inputClass} mt-1`} {...form.register("onUninstall")}>
          <option value="LOSE">Marks the deal lost (“Uninstalled &lt;app&gt;”), archives the lead</option>
          <option value="NOTE">Adds a note</option>
          <option value="NONE">Does nothing</option>
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" {...form.register("reopenOnReinstall")} /> A reinstall reopens the deal or lead
      </label>
      {error("_")}
      <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
        Save
      </Button>
    </form>
  );
}

/** Settings › Pipedrive CRM: connect the workspace's own Pipedrive, choose what installs do there, follow the pushes. */
export function CrmSettings({
  configured,
  connection,
  canConnect,
  canPush,
  flash,
}: {
  configured: boolean;
  connection: CrmConnectionView | null;
  canConnect: boolean;
  canPush: boolean;
  flash: { ok: boolean; message: string } | null;
}) {
  const router = useRouter();
  return (
    <section
      id="crm"
      aria-labelledby="crm-heading"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 lg:col-span-2"
    >
      <div>
        <h2 id="crm-heading" className="font-semibold text-slate-900">
          Pipedrive CRM
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every company that installs one of your apps, as an organization, a person and a deal in your own Pipedrive. A
          separate consent from sign-in; only owners connect it.
        </p>
      </div>
      {flash ? (
        <p role="status" className={flash.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
          {flash.message}
        </p>
      ) : null}
      {!configured ? (
        <p className="text-sm text-slate-600">
          Not set up on this server: set <code>PIPEDRIVE_CRM_CLIENT_ID</code> and{" "}
          <code>PIPEDRIVE_CRM_CLIENT_SECRET</code> (docs/operations.md).
        </p>
      ) : !connection ? (
        canConnect ? (
          <ConnectButton label="Connect Pipedrive CRM" />
        ) : (
          <p className="text-sm text-slate-600">Not connected. An owner can connect it.</p>
        )
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="crm-connected">
            Connected to <strong>{connection.companyName ?? `company ${connection.companyId}`}</strong> (
            {connection.apiDomain}) by {connection.connectedByName} on {DAY.format(new Date(connection.connectedAt))}.
          </p>
          {connection.problem ? (
            <p role="alert" className="text-sm text-red-700">
              The last check failed: {connection.problem}
            </p>
          ) : null}
          {canConnect ? <MappingForm connection={connection} /> : null}
          <div className="space-y-2 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Pushes</h3>
            <p className="text-sm text-slate-600" data-testid="crm-counts">
              {connection.counts.delivered} done · {connection.counts.pending} waiting · {connection.counts.failed}{" "}
              failed
            </p>
            {connection.backfill ? (
              <div className="space-y-1" data-testid="crm-backfill">
                <p className="text-sm text-slate-600">
                  Existing customers: {connection.backfill.done} of {connection.backfill.total} pushed
                  {connection.backfill.failed ? `, ${connection.backfill.failed} failed` : ""}.
                </p>
                <div
                  role="progressbar"
                  aria-label="Existing customers pushed"
                  aria-valuemin={0}
                  aria-valuemax={connection.backfill.total}
                  aria-valuenow={connection.backfill.done}
                  className="h-2 max-w-md rounded-full bg-slate-100"
                >
                  <div
                    className="h-2 rounded-full bg-brand-600"
                    style={{
                      width: `${connection.backfill.total ? (connection.backfill.done / connection.backfill.total) * 100 : 0}%`,
                    }}
                  />
                </div>
              </div>
            ) : null}
            {canPush &&
            !(
              connection.backfill && connection.backfill.done + connection.backfill.failed < connection.backfill.total
            ) ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  const result = await startBackfillAction();
                  if (!result.ok) toast.error(result.error.message);
                  else {
                    toast.success(`${result.data} customers queued`);
                    router.refresh();
                  }
                }}
              >
                Push existing customers
              </Button>
            ) : null}
            {connection.recent.length ? (
              <h4 className="pt-2 text-sm font-medium text-slate-800">Pushes that failed</h4>
            ) : null}
            <CrmPushList pushes={connection.recent} canPush={canPush} />
          </div>
          {canConnect ? (
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost">
                  Disconnect
                </Button>
              }
              title="Disconnect your Pipedrive?"
              description="The grant is revoked in Pipedrive and its tokens are deleted here, with the links to what was pushed. What is in your Pipedrive stays there."
              confirmLabel="Disconnect"
              onConfirm={async () => {
                const result = await disconnectCrmAction();
                if (!result.ok) return result.error.message;
                toast.success("Disconnected");
                router.refresh();
                return null;
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
