import { rankChangeText, rankLabel } from "@/lib/positions/lists";
import { plainLine, plainText, slackText } from "@/lib/text/outside-text";
import { plural } from "@/lib/text/words";

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
  "UNINSTALL_REASON",
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
  UNINSTALL_REASON: "Uninstall reasons",
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
    }
  | { type: "UNINSTALL_REASON"; company: string; reason: string | null; text: string | null };

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

/**
 * An alert's title. Every name in it (the app, a reviewer, a competitor, a list) goes through
 * `show`: plain one-line text by default, Slack-escaped text for Slack (lib/text/outside-text.ts).
 */
export function alertTitle(app: string, data: AlertData, show: (text: string) => string = plainLine): string {
  const name = show(app);
  switch (data.type) {
    case "NEW_REVIEW":
      return `New ${data.review.stars}-star review of ${name} by ${show(data.review.author)}`;
    case "LOW_RATING":
      return `Low rating: ${plural(data.review.stars, "star", "stars")} for ${name} from ${show(data.review.author)}`;
    case "RATING_DROP":
      return `The rating of ${name} dropped from ${data.from.toFixed(2)} to ${data.to.toFixed(2)} in 7 days`;
    case "SYNC_FAILING":
      return `The Marketplace sync of ${name} failed ${data.failures} times in a row`;
    case "RANK_CHANGE":
      return `${name} ${rankChangeText(show(data.list), data.from, data.to)}`;
    case "REVIEW_SURGE":
      return `${plural(data.today, "review", "reviews")} of ${name} in a day, against ${data.usual.toFixed(1)} a day usually`;
    case "COMPETITOR_CHANGE":
      return `${show(data.competitor.name)} (a competitor of ${name}) changed its ${fieldList(data.fields.map((f) => f.field))}`;
    case "UNINSTALL_REASON":
      return `${show(data.company)} told why it uninstalled ${name}: ${data.reason ? show(data.reason) : "in its own words"}`;
  }
}

/**
 * The title without what strangers wrote (reviewers' and competitors' names, list names): Slack's
 * `text`, shown in notifications and where blocks cannot be, is read without `verbatim`.
 */
function slackFallback(app: string, data: AlertData): string {
  switch (data.type) {
    case "NEW_REVIEW":
      return `New ${data.review.stars}-star review of ${slackText(app)}`;
    case "LOW_RATING":
      return `Low rating: ${plural(data.review.stars, "star", "stars")} for ${slackText(app)}`;
    case "RANK_CHANGE":
      return `${slackText(app)} ${rankChangeText("a Marketplace list", data.from, data.to)}`;
    case "COMPETITOR_CHANGE":
      return `A competitor of ${slackText(app)} changed its ${fieldList(data.fields.map((f) => f.field))}`;
    case "UNINSTALL_REASON":
      return `A customer told why it uninstalled ${slackText(app)}`;
    default:
      return alertTitle(app, data, slackText);
  }
}

const fieldList = (fields: string[]) =>
  fields.length <= 1 ? (fields[0] ?? "listing") : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;

/** Every string of a value, as `plainText` leaves it (a webhook's JSON carries no hidden characters). */
function plainDeep<T>(value: T): T {
  if (typeof value === "string") return plainText(value) as T;
  if (Array.isArray(value)) return value.map(plainDeep) as T;
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainDeep(v)])) as T;
  return value;
}

/** The generic JSON document: data, escaped by JSON itself, without hidden characters. */
export function jsonPayload(alert: AlertInput) {
  return {
    id: alert.id,
    type: alert.data.type.toLowerCase(),
    created_at: alert.createdAt.toISOString(),
    title: alertTitle(alert.app.name, alert.data),
    workspace: plainLine(alert.workspace.name),
    app: plainDeep(alert.app),
    link: alert.link,
    data: plainDeep(alert.data),
  };
}

/** The detail under the title, every outside value Slack-escaped. */
function slackDetail(d: AlertData): string {
  switch (d.type) {
    case "NEW_REVIEW":
    case "LOW_RATING": {
      const quote = slackText(clip(d.review.text || "(no text)"))
        .split("\n")
        .map((line) => `>${line}`)
        .join("\n");
      return `${starText(d.review.stars)}  *${slackText(d.review.author)}*\n${quote}`;
    }
    case "RATING_DROP":
      return `Average ${d.from.toFixed(2)} → *${d.to.toFixed(2)}* since ${d.since.slice(0, 10)}`;
    case "SYNC_FAILING":
      return `Last error: ${slackText(clip(d.error, 500))}`;
    case "RANK_CHANGE":
      return `${slackText(d.list)}: ${rankLabel(d.from)} → *${rankLabel(d.to)}*`;
    case "REVIEW_SURGE":
      return `*${d.today}* reviews on ${d.day}; usually ${d.usual.toFixed(1)} a day`;
    case "COMPETITOR_CHANGE":
      return d.fields
        .map(
          (f) =>
            `*${slackText(f.field)}*: ${slackText(clip(f.before, 120)) || "(none)"} → ${slackText(clip(f.after, 120)) || "(none)"}`,
        )
        .join("\n");
    case "UNINSTALL_REASON":
      return `*${slackText(d.reason ?? "Other")}*${d.text ? `\n>${slackText(clip(d.text)).split("\n").join("\n>")}` : ""}`;
  }
}

/**
 * A Slack message (incoming webhooks take `{ text, blocks }`). Outside text is escaped
 * (lib/text/outside-text.ts `slackText`), every mrkdwn object is `verbatim` (no automatic links, channel
 * links or mentions), link previews are off, and the only link is Listing Studio's own.
 */
export function slackPayload(alert: AlertInput) {
  const mrkdwn = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
  return {
    text: slackFallback(alert.app.name, alert.data),
    unfurl_links: false,
    unfurl_media: false,
    blocks: [
      {
        type: "section",
        text: mrkdwn(`*${alertTitle(alert.app.name, alert.data, slackText)}*\n${slackDetail(alert.data)}`),
      },
      {
        type: "context",
        elements: [mrkdwn(`${slackText(alert.workspace.name)} · <${slackLink(alert.link)}|Open in Listing Studio>`)],
      },
    ],
  };
}

/** Listing Studio's own address inside `<…|…>`: only the characters that would end the link are escaped. */
const slackLink = (url: string) =>
  url.replace(/[&<>|]/g, (c) => (c === "|" ? "%7C" : c === "&" ? "&amp;" : c === "<" ? "%3C" : "%3E"));

/** Whether a change of position moved by at least `step` places (entering or leaving a list always does). */
export const rankMovedEnough = (from: number | null, to: number | null, step: number) =>
  from === null || to === null || Math.abs(from - to) >= step;

/** A drop of at least `by` stars, in hundredths so that 4.5 − 4.3 counts as 0.2. */
export function droppedEnough(highest: number, current: number, by: number): boolean {
  return Math.round((highest - current) * 100) >= Math.round(by * 100);
}
