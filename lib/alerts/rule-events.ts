/**
 * What alert rules are made of, without zod (the browser loads it at first): the events with their
 * thresholds, the throttles, and how words are split.
 */
export const RULE_EVENTS = [
  "NEW_REVIEW",
  "RATING_DROP",
  "REVIEW_SURGE",
  "RANK_CHANGE",
  "COMPETITOR_CHANGE",
  "SYNC_FAILING",
  "UNINSTALL_REASON",
] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];

type Threshold = { label: string; unit: string; min: number; max: number; step: number; default: number };

export const RULE_EVENT_INFO: Record<RuleEvent, { label: string; help: string; threshold?: Threshold }> = {
  NEW_REVIEW: { label: "New review", help: "A sync finds a new Marketplace review." },
  RATING_DROP: {
    label: "Rating drop",
    help: "The average rating falls below its highest of the last 7 days.",
    threshold: { label: "Drop of at least", unit: "stars", min: 0.1, max: 4, step: 0.1, default: 0.2 },
  },
  REVIEW_SURGE: {
    label: "Review surge",
    help: "More reviews in a day than the usual daily rate (last 4 weeks) times this, and at least 3.",
    threshold: { label: "More than", unit: "× the usual daily rate", min: 1.5, max: 10, step: 0.5, default: 2 },
  },
  RANK_CHANGE: {
    label: "Rank moved",
    help: "A position in a Marketplace collection or category moves (entering or leaving a list always counts).",
    threshold: { label: "By at least", unit: "places", min: 1, max: 100, step: 1, default: 3 },
  },
  COMPETITOR_CHANGE: {
    label: "Competitor listing changed",
    help: "A competitor's name, summary, description, screenshots, video, categories or pricing link change.",
  },
  UNINSTALL_REASON: {
    label: "Uninstall reason",
    help: "A customer who uninstalled answers the uninstall survey.",
  },
  SYNC_FAILING: {
    label: "Sync failed",
    help: "The Marketplace sync of an app fails this many times in a row.",
    threshold: { label: "After", unit: "failures in a row", min: 1, max: 20, step: 1, default: 3 },
  },
};

/** How often a rule may tell one destination, at most (minutes; 0: every time). */
export const THROTTLES: { minutes: number; label: string }[] = [
  { minutes: 0, label: "Every time" },
  { minutes: 60, label: "At most once an hour" },
  { minutes: 360, label: "At most once every 6 hours" },
  { minutes: 1440, label: "At most once a day" },
  { minutes: 10080, label: "At most once a week" },
];

/** Every enabled webhook listening to the alert's type: what the default rules send to. */
export const ALL_WEBHOOKS = "*";

/** Words are one per line or separated by commas; each found in a review's text, ignoring case. */
export const splitWords = (text: string) =>
  [...new Set(text.split(/[\n,]+/).map((w) => w.trim().toLowerCase()))].filter(Boolean);

/** The destination that records that a rule was set off, whoever delivered the event. */
export const MATCHED = "matched";
