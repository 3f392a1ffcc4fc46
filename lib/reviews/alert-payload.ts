import { plural } from "@/lib/words";

/**
 * What an alert says, as a generic JSON document and as a Slack message (Slack's incoming
 * webhooks take `{ text, blocks }`). Both are signed on delivery with the webhook's secret.
 */
export const ALERT_TYPES = ["NEW_REVIEW", "LOW_RATING", "RATING_DROP", "SYNC_FAILING"] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ALERT_LABELS: Record<AlertType, string> = {
  NEW_REVIEW: "A new review",
  LOW_RATING: "A review of 2 stars or fewer",
  RATING_DROP: "The average rating dropped by 0.2 or more over 7 days",
  SYNC_FAILING: "The sync failed 3 times in a row",
};

export type AlertData =
  | {
      type: "NEW_REVIEW" | "LOW_RATING";
      review: { id: string; author: string; stars: number; text: string; reviewedAt: string | null };
    }
  | { type: "RATING_DROP"; from: number; to: number; since: string }
  | { type: "SYNC_FAILING"; failures: number; error: string };

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
  }
}

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

export function slackPayload(alert: AlertInput) {
  const title = alertTitle(alert.app.name, alert.data);
  const d = alert.data;
  const detail =
    d.type === "NEW_REVIEW" || d.type === "LOW_RATING"
      ? `${starText(d.review.stars)}  *${d.review.author}*\n>${clip(d.review.text || "(no text)").replace(/\n/g, "\n>")}`
      : d.type === "RATING_DROP"
        ? `Average ${d.from.toFixed(2)} → *${d.to.toFixed(2)}* since ${d.since.slice(0, 10)}`
        : d.type === "SYNC_FAILING"
          ? `Last error: ${clip(d.error, 500)}`
          : "";
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

/** The 7-day drop rule, in hundredths so that 4.5 − 4.3 counts as 0.2. */
export function droppedEnough(highest: number, current: number): boolean {
  return Math.round((highest - current) * 100) >= 20;
}
