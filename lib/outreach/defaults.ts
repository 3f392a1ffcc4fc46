/**
 * What a new app's outreach starts with, shared by the settings form in the browser and the server: the
 * request's text (the partner rewrites it), quiet hours, and the survey's reasons.
 */
export const DEFAULT_REQUEST_DAYS = 14;
export const DEFAULT_QUIET = { from: 20, to: 9 } as const;
export const DEFAULT_SUBJECT = "How is {app} working for {company}?";
export const DEFAULT_BODY = [
  "Hi {first_name},",
  "",
  "You have used {app} for a couple of weeks now. If it helps your team, a short review on the Pipedrive Marketplace helps other teams find it, and tells us what to improve next.",
  "",
  "Thank you!",
].join("\n");

export const DEFAULT_REASONS: { id: string; label: string }[] = [
  { id: "missing-feature", label: "A feature we need is missing" },
  { id: "too-expensive", label: "Too expensive" },
  { id: "bugs", label: "It did not work as expected" },
  { id: "switched", label: "We switched to another app" },
  { id: "testing", label: "We were only testing" },
];

/** The placeholders a request's subject and text may use. */
export const PLACEHOLDERS = ["{first_name}", "{app}", "{company}"] as const;

export const LIMITS = {
  subject: 120,
  body: 2000,
  senderName: 80,
  reasonLabel: 80,
  reasons: { min: 2, max: 10 },
  days: { min: 1, max: 365 },
  answer: 2000,
} as const;
