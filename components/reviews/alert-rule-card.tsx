"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { deleteAlertRuleAction, setAlertRuleEnabledAction } from "@/lib/actions/reviews";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { RULE_EVENT_INFO, THROTTLES, type RuleEvent } from "@/lib/alerts/rule-events";
import type { AlertRuleView } from "@/lib/alerts/types";
import { plural } from "@/lib/text/words";
import { UTC_DAY_OF_YEAR as WHEN } from "@/lib/text/dates";

/** "Rating drop of at least 0.2 stars", "Rank moved by at least 3 places"… */
function eventText(event: RuleEvent, threshold: number | null) {
  const info = RULE_EVENT_INFO[event];
  if (!info.threshold || threshold === null) return info.label;
  return `${info.label}: ${info.threshold.label.toLowerCase()} ${threshold} ${info.threshold.unit}`;
}

function conditionsText(rule: AlertRuleView) {
  const parts: string[] = [];
  if (rule.stars.length)
    parts.push(`${rule.stars.join(", ")} ${rule.stars.length === 1 && rule.stars[0] === 1 ? "star" : "stars"}`);
  if (rule.words.length) parts.push(`mentions ${rule.words.map((w) => `“${w}”`).join(" or ")}`);
  parts.push(rule.app ? rule.app.name : "every app");
  return parts.join(" · ");
}

const hookName = (h: { name: string; format: string }) => `${h.format === "SLACK" ? "Slack" : "Webhook"}: ${h.name}`;

/** Where the rule's alerts go, named: the members' bells and inboxes, and each webhook it reaches today. */
function destinationsText(rule: AlertRuleView) {
  const parts: string[] = [];
  if (rule.inApp) parts.push("In the app, to every member who gets alerts there");
  if (rule.email) parts.push("Email, to every member who gets alert emails");
  if (rule.webhooks === "ALL")
    parts.push(
      rule.listening.length
        ? `Every webhook listening to it (now ${rule.listening.map(hookName).join(", ")})`
        : "Every webhook listening to it (none listens now)",
    );
  else for (const h of rule.webhooks) parts.push(hookName(h));
  return parts.join(" · ") || "Nowhere";
}

/** A rule as the list shows it: what sets it off, where it sends, what it sent; with its actions for editors. */
export function RuleCard({ rule, canEdit, onEdit }: { rule: AlertRuleView; canEdit: boolean; onEdit: () => void }) {
  const router = useRouter();
  const toggle = async () => {
    const result = await setAlertRuleEnabledAction(rule.id, !rule.enabled);
    if (!result.ok) return void toast.error(result.error.message);
    toast.success(rule.enabled ? "Rule paused" : "Rule resumed");
    router.refresh();
  };
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4" data-testid="alert-rule">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-0.5">
          <h3 className="font-medium text-slate-900">
            {rule.name}
            {rule.enabled ? null : <span className="ml-2 text-xs font-normal text-slate-500">paused</span>}
          </h3>
          <p className="text-sm text-slate-700">{eventText(rule.event, rule.threshold)}</p>
          <p className="text-xs text-slate-600">Only if: {conditionsText(rule)}</p>
          <p className="text-xs text-slate-600">
            To: {destinationsText(rule)} ·{" "}
            {THROTTLES.find((t) => t.minutes === rule.throttleMinutes)?.label ?? "Every time"}
          </p>
          <p className="text-xs text-slate-500" data-testid="rule-counts">
            Sent {plural(rule.sent, "event", "events")}
            {rule.lastSentAt ? `, last on ${WHEN.format(new Date(rule.lastSentAt))}` : ""}
            {rule.matched > rule.sent
              ? ` · ${plural(rule.matched - rule.sent, "more event", "more events")} set it off: already sent by a more specific rule${rule.throttled ? " or held back" : ""}`
              : ""}
            {rule.throttled ? ` · ${rule.throttled} held back by the throttle` : ""}
          </p>
        </div>
        {canEdit ? (
          <span className="flex flex-wrap gap-1">
            <Button size="sm" variant="ghost" onClick={onEdit}>
              Edit<span className="sr-only"> {rule.name}</span>
            </Button>
            <Button size="sm" variant="ghost" onClick={toggle}>
              {rule.enabled ? "Pause" : "Resume"}
              <span className="sr-only"> {rule.name}</span>
            </Button>
            <ConfirmAction
              label="Delete"
              target={rule.name}
              description="Events stop reaching its destinations; alerts already sent stay listed."
              confirmLabel="Delete rule"
              done="Rule deleted"
              run={() => deleteAlertRuleAction(rule.id)}
            />
          </span>
        ) : null}
      </div>
    </li>
  );
}
