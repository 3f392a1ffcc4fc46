/**
 * What a member can be told about. Alerts are emailed at once; every other kind waits for the daily
 * digest. Without SMTP_URL nothing is emailed and the settings say so.
 */
export const NOTIFICATION_KINDS = [
  "ACCESS_REQUEST",
  "NEW_REVIEW",
  "ALERT",
  "RANK_CHANGE",
  "SUBMISSION",
  "SHARE_COMMENT",
  "SYNC_FAILED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<NotificationKind, { label: string; help: string }> = {
  ACCESS_REQUEST: { label: "Access requests", help: "Someone of your company asks to join the workspace (owners)." },
  NEW_REVIEW: { label: "New reviews", help: "A sync finds new Marketplace reviews of your apps, with their stars." },
  ALERT: {
    label: "Alerts",
    help: "Low ratings, rating drops, big moves in the Marketplace, failing syncs. Emailed at once.",
  },
  RANK_CHANGE: { label: "Position changes", help: "An app moves in a Marketplace collection or category." },
  SUBMISSION: {
    label: "Submission status",
    help: "A submission to Pipedrive's review is recorded, approved, rejected or published.",
  },
  SHARE_COMMENT: { label: "Comments on share links", help: "Someone comments on a shared preview." },
  SYNC_FAILED: { label: "Failed syncs", help: "A sync of the Marketplace could not read an app's page." },
};

/** Emailed as soon as they happen; the rest go in the daily digest. */
export const IMMEDIATE: ReadonlySet<NotificationKind> = new Set(["ALERT"]);

export const isNotificationKind = (v: unknown): v is NotificationKind =>
  typeof v === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(v);
