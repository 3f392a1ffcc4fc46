/** What the Customers pages show: rows and figures the components read (no server module behind them). */

export type CustomerStatus = "INSTALLED" | "REINSTALLED" | "UNINSTALLED";

export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, string> = {
  INSTALLED: "Installed",
  REINSTALLED: "Reinstalled",
  UNINSTALLED: "Uninstalled",
};

export const INSTALL_SOURCE_LABELS: Record<string, string> = {
  GATEWAY: "Gateway",
  MARKETPLACE: "Marketplace (no state)",
  API: "Events API",
  IMPORT: "Import",
};

export type CustomerRow = {
  id: string;
  companyId: number;
  companyName: string | null;
  companyDomain: string | null;
  /** The installing user named first (the earliest installation), where a name is known. */
  installer: { name: string | null; email: string | null } | null;
  status: CustomerStatus;
  firstInstalledAt: string | null;
  lastChangeAt: string;
  /** Whole days of the current (or last) tenure; null when its start is unknown. */
  tenureDays: number | null;
  reinstalls: number;
  sources: string[];
  apps: number;
  erased: boolean;
};

export type Bucket = { label: string; count: number };

export type CustomerFigures = {
  /** Companies whose app came back in the period. */
  reinstalls: number;
  /** Uninstalls in the period with a known install date: median days kept, and how they spread. */
  timeToUninstall: { count: number; medianDays: number | null; buckets: Bucket[] };
  /** Companies with an app installed now, by how long they have had it. */
  tenure: Bucket[];
  active: number;
};

export type TimelineEntry = {
  at: string;
  kind: "INSTALL" | "REINSTALL" | "UNINSTALL" | "REAUTHORIZE" | "REQUEST_SENT" | "SURVEY_SENT" | "SURVEY_ANSWER";
  appId: string;
  appName: string;
  userId: number | null;
  userName: string | null;
  source: string;
  /** For an answer to the uninstall survey: the reason and the words. */
  detail?: { reason: string | null; text: string | null };
};

export type CustomerNoteView = { id: string; authorName: string; body: string; createdAt: string };
