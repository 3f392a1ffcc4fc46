import { rankChangeText, rankLabel } from "@/lib/positions/lists";
import { plural } from "@/lib/words";

/**
 * What an alert says, as a generic JSON document and as a Slack message (Slack's incoming
 * webhooks take `{ text, blocks }`). Both are signed on delivery with the webhook's secret.
 */
export const ALERT_TYPES = [
  "NEW_REVIEW",
  "LOW_RATING",
  "RATING_DROP",
  "REVIEW_SURGE",
  "SYNC_FAILING",
  "RANK_CHANGE",
  "COMPETITOR_CHANGE",
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** What a webhook listening to each type gets from the rules that send to every webhook. */
export const ALERT_LABELS: Record<AlertType, string> = {
  NEW_REVIEW: "New reviews",
  LOW_RATING: "Reviews of 2 stars or fewer",
  RATING_DROP: "Rating drops",
  REVIEW_SURGE: "Review surges",
  SYNC_FAILING: "Failing syncs",
  RANK_CHANGE: "Marketplace position moves",
  COMPETITOR_CHANGE: "Competitors' listing changes",
};

export type AlertData =
  | {
      type: "NEW_REVIEW" | "LOW_RATING";
      review: { id: string; author: string; stars: number; text: string; reviewedAt: string | null };
    }
  | { type: "RATING_DROP"; from: number; to: number; since: string }
  | { type: "SYNC_FAILING"; failures: number; error: string }
  | { type: "RANK_CHANGE"; list: string; from: number | null; to: number | null }
  | { type: "REVIEW_SURGE"; today: number; usual: number; day: string }
  | {
      type: "COMPETITOR_CHANGE";
      competitor: { id: string; name: string };
      fields: { field: string; before: string; after: string }[];
    };

export type AlertInput = {
  id: string;
  createdAt: Date;
  app: { id: string; name: string };
  workspace: { name: string };
  data: AlertData;
  link: string;
};

const starText = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);
const clip = (text: string, max = 280) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function alertTitle(app: string, data: AlertData): string {
  switch (data.type) {
    case "NEW_REVIEW":
      return `New ${data.review.stars}-star review of ${app} by ${data.review.author}`;
    case "LOW_RATING":
      return `Low rating: ${plural(data.review.stars, "star", "stars")} for ${app} from ${data.review.author}`;
    case "RATING_DROP":
      return `The rating of ${app} dropped from ${data.from.toFixed(2)} to ${data.to.toFixed(2)} in 7 days`;
    case "SYNC_FAILING":
      return `The Marketplace sync of ${app} failed ${data.failures} times in a row`;
    case "RANK_CHANGE":
      return `${app} ${rankChangeText(data.list, data.from, data.to)}`;
    case "REVIEW_SURGE":
      return `${plural(data.today, "review", "reviews")} of ${app} in a day, against ${data.usual.toFixed(1)} a day usually`;
    case "COMPETITOR_CHANGE":
      return `${data.competitor.name} (a competitor of ${app}) changed its ${fieldList(data.fields.map((f) => f.field))}`;
  }
}

const fieldList = (fields: string[]) =>
  fields.length <= 1 ? (fields[0] ?? "listing") : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;

export function jsonPayload(alert: AlertInput) {
  return {
    id: alert.id,
    type: alert.data.type.toLowerCase(),
    created_at: alert.createdAt.toISOString(),
    title: alertTitle(alert.app.name, alert.data),
    workspace: alert.workspace.name,
    app: alert.app,
    link: alert.link,
    data: alert.data,
  };
}

function slackDetail(d: AlertData): string {
  switch (d.type) {
    case "NEW_REVIEW":
    case "LOW_RATING":
      return `${starText(d.review.stars)}  *${d.review.author}*\n>${clip(d.review.text || "(no text)").replace(/\n/g, "\n>")}`;
    case "RATING_DROP":
      return `Average ${d.from.toFixed(2)} → *${d.to.toFixed(2)}* since ${d.since.slice(0, 10)}`;
    case "SYNC_FAILING":
      return `Last error: ${clip(d.error, 500)}`;
    case "RANK_CHANGE":
      return `${d.list}: ${rankLabel(d.from)} → *${rankLabel(d.to)}*`;
    case "REVIEW_SURGE":
      return `*${d.today}* reviews on ${d.day}; usually ${d.usual.toFixed(1)} a day`;
    case "COMPETITOR_CHANGE":
      return d.fields
        .map((f) => `*${f.field}*: ${clip(f.before, 120) || "(none)"} → ${clip(f.after, 120) || "(none)"}`)
        .join("\n");
  }
}

export function slackPayload(alert: AlertInput) {
  const title = alertTitle(alert.app.name, alert.data);
  const detail = slackDetail(alert.data);
  return {
    text: title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*\n${detail}` } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${alert.workspace.name} · <${alert.link}|Open in Listing Studio>` }],
      },
    ],
  };
}

/** Whether a change of position moved by at least `step` places (entering or leaving a list always does). */
export const rankMovedEnough = (from: number | null, to: number | null, step: number) =>
  from === null || to === null || Math.abs(from - to) >= step;

/** A drop of at least `by` stars, in hundredths so that 4.5 − 4.3 counts as 0.2. */
export function droppedEnough(highest: number, current: number, by: number): boolean {
  return Math.round((highest - current) * 100) >= Math.round(by * 100);
}
