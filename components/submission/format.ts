import { APP_STATUS_LABELS } from "@/lib/apps/labels";
import { UTC_DAY as DAY, UTC_STAMP as STAMP } from "@/lib/text/dates";

export const label = (status: string | null) => (status ? (APP_STATUS_LABELS[status] ?? status) : "—");
// Rendered on the server and in the browser alike: one time zone, stated.
export const day = (iso: string) => DAY.format(new Date(iso));
export const stamp = (iso: string) => `${STAMP.format(new Date(iso))} UTC`;
