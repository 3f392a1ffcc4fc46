export const EVENT_TYPES = ["INSTALL_STARTED", "CONSENT_DENIED", "CONSENT_GRANTED", "INSTALL", "UNINSTALL"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** How the events API and install imports write an event's type. */
export const EVENT_TYPE_WORDS = {
  install_started: "INSTALL_STARTED",
  consent_denied: "CONSENT_DENIED",
  consent_granted: "CONSENT_GRANTED",
  install: "INSTALL",
  uninstall: "UNINSTALL",
} as const satisfies Record<string, EventType>;
export type EventTypeWord = keyof typeof EVENT_TYPE_WORDS;
/** The words a file or an API call names an event type with, for `z.enum`. */
export const EVENT_TYPE_WORD_LIST = Object.keys(EVENT_TYPE_WORDS) as [EventTypeWord, ...EventTypeWord[]];
export const EVENT_SOURCES = ["GATEWAY", "MARKETPLACE", "API", "IMPORT"] as const;
export type Source = (typeof EVENT_SOURCES)[number];

export type IngestEvent = {
  /** Makes the event idempotent per app: the same key twice is stored once. */
  dedupeKey: string;
  type: EventType;
  companyId: number | null;
  userId: number | null;
  occurredAt: Date;
  scopes?: string | null;
  source: Source;
  companyName?: string | null;
  userName?: string | null;
  /** The installer's email, from Pipedrive's /users/me (gateway installs). */
  userEmail?: string | null;
  /** The company's Pipedrive domain (`acme` of acme.pipedrive.com), from /users/me. */
  companyDomain?: string | null;
};

export type IngestResult = "accepted" | "duplicate";
