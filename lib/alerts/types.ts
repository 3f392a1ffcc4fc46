import type { RuleEvent } from "./rule-events";

export type AlertRuleView = {
  id: string;
  name: string;
  event: RuleEvent;
  threshold: number | null;
  stars: number[];
  words: string[];
  app: { id: string; name: string } | null;
  inApp: boolean;
  email: boolean;
  /** "*" (every webhook listening to the alert's type) or the webhooks chosen. */
  webhooks: { id: string; name: string; format: string }[] | "ALL";
  /** For "ALL": the webhooks it reaches today (enabled, listening to its alert type). */
  listening: { id: string; name: string; format: string }[];
  throttleMinutes: number;
  enabled: boolean;
  throttled: number;
  /** Events it sent somewhere. */
  sent: number;
  /** Events that set it off, including those a more specific rule had already delivered. */
  matched: number;
  lastSentAt: string | null;
};

export type DeliveryLogEntry = {
  id: string;
  webhook: string;
  title: string;
  status: string;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
  attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
};
