"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { AlertRuleView } from "@/lib/alerts/types";
import { RuleCard } from "./alert-rule-card";
import { RuleForm } from "./alert-rule-form";
import type { AppChoice, Hook } from "./types";

export function AlertRules({
  rules,
  apps,
  hooks,
  canEdit,
  emailOn,
}: {
  rules: AlertRuleView[];
  apps: AppChoice[];
  hooks: Hook[];
  canEdit: boolean;
  emailOn: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const formProps = { apps, hooks, emailOn, onDone: () => setEditing(null) };
  return (
    <section aria-labelledby="rules-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="rules-heading" className="text-sm font-medium text-slate-600">
          Alert rules
        </h2>
        {canEdit && editing !== "new" ? (
          <Button size="sm" onClick={() => setEditing("new")}>
            <Plus aria-hidden /> New rule
          </Button>
        ) : null}
      </div>
      {editing === "new" ? <RuleForm rule={null} {...formProps} /> : null}
      {rules.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No rule: syncs record what they read, and nobody is alerted.
        </p>
      ) : null}
      <ul className="space-y-3">
        {rules.map((rule) =>
          editing === rule.id ? (
            <li key={rule.id}>
              <RuleForm rule={rule} {...formProps} />
            </li>
          ) : (
            <RuleCard key={rule.id} rule={rule} canEdit={canEdit} onEdit={() => setEditing(rule.id)} />
          ),
        )}
      </ul>
      {!canEdit ? <p className="text-sm text-slate-500">Only editors and owners change alert rules.</p> : null}
    </section>
  );
}
