import { APP_STATUS_LABELS } from "@/lib/apps/labels";

export const label = (status: string | null) => (status ? (APP_STATUS_LABELS[status] ?? status) : "—");
// Rendered on the server and in the browser alike: one time zone, stated.
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const STAMP = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
export const day = (iso: string) => DAY.format(new Date(iso));
export const stamp = (iso: string) => `${STAMP.format(new Date(iso))} UTC`;
