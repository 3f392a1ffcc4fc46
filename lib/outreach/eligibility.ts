import { nextSendTime } from "./quiet-hours";

/**
 * Whether one company's user is asked for a review of an app, and when: after keeping the app `requestDays`
 * (from its current install), once per company and app, never once it is uninstalled, never to an address that
 * opted out, and outside the workspace's quiet hours.
 */
export type RequestCandidate = {
  status: string;
  /** The start of the company's current install of the app. */
  installedAt: number | null;
  alreadyAsked: boolean;
  optedOut: boolean;
  email: string | null;
};
export type RequestRules = {
  requestDays: number;
  askExisting: boolean;
  requestsSince: number;
  timeZone: string;
  quietFrom: number;
  quietTo: number;
};
export type SkipReason = "uninstalled" | "too-soon" | "asked" | "opted-out" | "no-email" | "before-start";

export const SKIP_LABELS: Record<SkipReason | "turned-off" | "interrupted", string> = {
  uninstalled: "The app was uninstalled before the email went out",
  "too-soon": "Not kept long enough yet",
  asked: "Already asked",
  "opted-out": "The address unsubscribed",
  "no-email": "No email address is known for this company's installing user",
  "before-start": "Kept the app that long before requests were turned on",
  "turned-off": "The emails were turned off before this one went out",
  interrupted: "Sending was interrupted; not sent again, so that nobody gets it twice",
};

const DAY = 86_400_000;
const INSTALLED = new Set(["INSTALLED", "REINSTALLED"]);

export function requestEligibility(
  c: RequestCandidate,
  rules: RequestRules,
  now: number,
): { ok: true; dueAt: number } | { ok: false; reason: SkipReason } {
  if (c.alreadyAsked) return { ok: false, reason: "asked" };
  if (!INSTALLED.has(c.status) || c.installedAt === null) return { ok: false, reason: "uninstalled" };
  const day = c.installedAt + rules.requestDays * DAY;
  if (day > now) return { ok: false, reason: "too-soon" };
  if (!rules.askExisting && day < rules.requestsSince) return { ok: false, reason: "before-start" };
  if (!c.email) return { ok: false, reason: "no-email" };
  if (c.optedOut) return { ok: false, reason: "opted-out" };
  return { ok: true, dueAt: nextSendTime(now, rules.timeZone, rules.quietFrom, rules.quietTo) };
}
