import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { APP_TYPE_LABELS, type AppType } from "@/lib/app-types";
import { FIELDS } from "@/lib/listing/fields";
import { REVIEW_STATUS_LABELS } from "@/lib/reviews/templates";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { RULE_EVENT_INFO, type RuleEvent } from "@/lib/alerts/rule-events";
import { plural } from "@/lib/text/words";
import { UTC_DAY as day } from "@/lib/text/dates";

/**
 * The audit log in words: each stored entry (an action code, a target and a compact diff) as a
 * sentence with names, and its changes as readable lines. Ids are replaced by the names the
 * store knows (`names`, by id); an id nobody can name reads as "a deleted …".
 */
export type AuditRow = {
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  diff: string | null;
};
export type Described = { action: string; target: string; details: string[] };

type Diff = Record<string, unknown>;

/** Actions whose sentence is complete without naming the target (it is the actor, or implied). */
const NO_TARGET = new Set([
  "member.join",
  "member.leave",
  "access.request",
  "sync.start",
  "delivery.retry",
  "delivery.resend",
]);

const DELETED: Record<string, string> = {
  app: "a deleted app",
  review: "a removed review",
  "API token": "a deleted token",
  invitation: "an invite link",
  "share link": "a share link",
  "reply template": "a deleted template",
  webhook: "a deleted webhook",
  delivery: "a delivery",
  member: "a former member",
  "sync run": "a sync run",
};

/** What an action code says in words (an unknown code, from an older version, reads as itself). */
const sentenceOf = (code: string) => (AUDIT_ACTIONS as Record<string, string>)[code] ?? code;

/** The readable label of an action code, for filters ("listing.save" → "Edited the listing of"). */
export const actionLabel = (code: string) => sentenceOf(code).replace(/ (of|to|on|into|by)$/, "");

/** Statuses of apps and of reviews in the inbox, as the pages name them. */
const status = (value: unknown) =>
  typeof value === "string"
    ? (APP_STATUS_LABELS[value] ??
      (REVIEW_STATUS_LABELS as Record<string, string>)[value] ??
      value.toLowerCase().replace(/_/g, " "))
    : "—";
const fieldLabel = (key: string) => FIELDS[key as keyof typeof FIELDS]?.label ?? key;
const text = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}T/.test(value) ? day.format(new Date(value)) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(text).join(", ");
  return JSON.stringify(value);
};
const change = (label: string, value: unknown, show: (v: unknown) => string = text) =>
  Array.isArray(value) && value.length === 2
    ? `${label}: ${show(value[0])} → ${show(value[1])}`
    : `${label}: ${show(value)}`;

const eventLabel = (value: unknown) =>
  typeof value === "string" && value in RULE_EVENT_INFO ? RULE_EVENT_INFO[value as RuleEvent].label : text(value);
const yesNo = (value: unknown) => (typeof value === "boolean" ? (value ? "yes" : "no") : text(value));
/** An alert rule's settings, as its form names them. */
const RULE_KEYS: Record<string, string> = {
  name: "Name",
  threshold: "Threshold",
  words: "Words",
  inApp: "In the app",
  email: "Email",
  webhooks: "Webhooks",
  throttleMinutes: "At most once every (minutes)",
};

/** Readable lines for the facts an action records; unknown keys still read as "key: value". */
function detailLines(action: string, diff: Diff, names: Map<string, string>): string[] {
  const name = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "someone no longer here") : "nobody");
  const lines: string[] = [];
  for (const [key, value] of Object.entries(diff)) {
    if (key === "fields" && Array.isArray(value))
      lines.push(`${plural(value.length, "field", "fields")}: ${value.map((f) => fieldLabel(String(f))).join(", ")}`);
    else if (key === "status" || key === "changes")
      lines.push(change(key === "status" ? "Status" : "Pending changes", value, status));
    else if (key === "appId")
      lines.push(change("App", value, (id) => (id ? (names.get(String(id)) ?? "a deleted app") : "every app")));
    else if (key === "event") lines.push(change("Event", value, eventLabel));
    else if (key in RULE_KEYS) lines.push(change(RULE_KEYS[key]!, value, yesNo));
    else if (key === "app") lines.push(`For: ${text(value)}`);
    else if (key === "assignee") lines.push(change("Assigned to", value, name));
    else if (key === "field") lines.push(`Field: ${fieldLabel(String(value))}`);
    else if (key === "version") lines.push(`Version ${text(value)}`);
    else if (key === "backupVersion") lines.push(`The draft before it is version ${text(value)}`);
    else if (key === "label") lines.push(`Label: “${text(value)}”`);
    else if (key === "note") lines.push(`Note: ${text(value)}`);
    else if (key === "role") lines.push(change("Role", value));
    else if (key === "timeZone") lines.push(change("Time zone", value));
    else if (key === "expiresAt") lines.push(`Expires: ${text(value)}`);
    else if (key === "expiresIn")
      lines.push(`Expires: ${value === "never" ? "never" : `after ${plural(Number(value), "day", "days")}`}`);
    else if (key === "pinned") lines.push(value === "version" ? "Shows a saved version" : "Shows the latest draft");
    else if (key === "prefix") lines.push(`Starts with ${text(value)}`);
    else if (key === "stars")
      lines.push(typeof value === "number" ? plural(value, "star", "stars") : change("Stars", value));
    else if (key === "added" || key === "existing" || key === "errors")
      lines.push(`${key === "added" ? "Added" : key === "existing" ? "Already there" : "Refused"}: ${text(value)}`);
    else if (key === "handoffMode")
      lines.push(`Hand-off: ${value === "FORWARD" ? "forward the tokens to the app" : "record only"}`);
    else if (key === "handoffUrl") lines.push(`Hand-off URL: ${text(value)}`);
    else if (key === "onboardingUrl") lines.push(`Onboarding URL: ${text(value)}`);
    else if (key === "events") lines.push(`Events: ${text(value)}`);
    else if (key === "url") lines.push(`URL: ${text(value)}`);
    else if (key === "format") lines.push(`Format: ${text(value)}`);
    else if (key === "type")
      lines.push(
        `Type: ${typeof value === "string" && value in APP_TYPE_LABELS ? APP_TYPE_LABELS[value as AppType] : text(value)}`,
      );
    else if (key === "via") lines.push(`Through: ${text(value)}`);
    else if (key === "clientSecret") lines.push("Client secret: set (the value is never recorded)");
    else if (key === "comment" || key === "feedback")
      continue; // an id of something resolved: the sentence says it
    else lines.push(change(key, value));
  }
  return lines;
}

export function describeAudit(row: AuditRow, names: Map<string, string>): Described {
  let diff: Diff = {};
  try {
    diff = row.diff ? (JSON.parse(row.diff) as Diff) : {};
  } catch {
    diff = { Changes: row.diff };
  }
  const known = row.targetId ? names.get(row.targetId) : undefined;
  const target = NO_TARGET.has(row.action)
    ? ""
    : (known ?? row.targetName ?? DELETED[row.targetType] ?? row.targetType);
  return {
    action: sentenceOf(row.action),
    target,
    details: detailLines(row.action, diff, names),
  };
}

/** The ids an entry refers to, by the table that names them, for one batched lookup. */
export function referencedIds(row: AuditRow): { type: string; id: string }[] {
  const ids: { type: string; id: string }[] = [];
  if (row.targetId) ids.push({ type: row.targetType, id: row.targetId });
  if (!row.diff) return ids;
  try {
    const diff = JSON.parse(row.diff) as Diff;
    if (typeof diff.appId === "string") ids.push({ type: "app", id: diff.appId });
    if (Array.isArray(diff.assignee))
      for (const id of diff.assignee) if (typeof id === "string") ids.push({ type: "member", id });
  } catch {
    // an unreadable diff names nothing
  }
  return ids;
}
