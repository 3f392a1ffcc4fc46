import { addBusinessDays, addDays, differenceInBusinessDays } from "date-fns";
import { FIELDS } from "@/lib/listing/fields";
import type { ListingField } from "@/lib/listing/schema";
import type { ListedType } from "@/lib/app-types";

/** Pipedrive's review window (MARKETPLACE.md). */
export const REVIEW_WINDOW_BUSINESS_DAYS = 21;

export type ListedAppType = ListedType;
export type TransitionId =
  "submit" | "withdraw" | "approve" | "reject" | "publish" | "unpublish" | "go-live" | "take-offline";

export type Transition = {
  id: TransitionId;
  from: string[];
  to: string;
  /** What the button says: Listing Studio records what happened at Pipedrive, it sends nothing. */
  label: string;
  /** What is recorded, for the dialog ("the submission"). */
  what: string;
  /** The listing was submitted in Developer Hub: needs zero readiness errors and snapshots a version. */
  submits?: boolean;
  /** A note is required (e.g. the reasons of a rejection). */
  needsNote?: boolean;
  tone?: "primary" | "secondary" | "danger";
};

/**
 * Public apps: Draft → In review → Approved, unpublished (UNPUBLISHED) or Rejected → Published ⇄
 * Unpublished. Private apps: Draft → Live. Pipedrive has no API for any of it: the partner acts
 * in Developer Hub, Pipedrive answers by email, and the team records each step here with its day.
 */
export const TRANSITIONS: Record<ListedAppType, Transition[]> = {
  PUBLIC: [
    {
      id: "submit",
      from: ["DRAFT", "REJECTED"],
      to: "IN_REVIEW",
      label: "Record submission",
      what: "the submission in Developer Hub",
      submits: true,
      tone: "primary",
    },
    {
      id: "approve",
      from: ["IN_REVIEW"],
      to: "UNPUBLISHED",
      label: "Record approval",
      what: "Pipedrive's approval",
      tone: "primary",
    },
    {
      id: "reject",
      from: ["IN_REVIEW"],
      to: "REJECTED",
      label: "Record rejection",
      what: "Pipedrive's rejection",
      needsNote: true,
      tone: "danger",
    },
    {
      id: "withdraw",
      from: ["IN_REVIEW"],
      to: "DRAFT",
      label: "Record withdrawal",
      what: "the withdrawal from review",
      tone: "secondary",
    },
    {
      id: "publish",
      from: ["UNPUBLISHED"],
      to: "PUBLISHED",
      label: "Record publication",
      what: "the publication on the Marketplace",
      tone: "primary",
    },
    {
      id: "unpublish",
      from: ["PUBLISHED"],
      to: "UNPUBLISHED",
      label: "Record unpublishing",
      what: "the unpublishing",
      tone: "secondary",
    },
  ],
  PRIVATE: [
    {
      id: "go-live",
      from: ["DRAFT"],
      to: "LIVE",
      label: "Record going live",
      what: "the app going live",
      tone: "primary",
    },
    {
      id: "take-offline",
      from: ["LIVE"],
      to: "DRAFT",
      label: "Record back to draft",
      what: "the app going back to draft",
      tone: "secondary",
    },
  ],
};

export function availableTransitions(type: ListedAppType, status: string): Transition[] {
  return TRANSITIONS[type].filter((t) => t.from.includes(status));
}

/** After approval, changes to critical fields are reviewed again ("pending changes"). */
export const isApproved = (status: string) => status === "UNPUBLISHED" || status === "PUBLISHED";

export const CRITICAL_FIELDS = (Object.keys(FIELDS) as ListingField[]).filter((f) => FIELDS[f].critical);

/** Critical fields whose value differs from the approved listing. */
export function pendingCriticalChanges(
  approved: Record<string, unknown>,
  draft: Record<string, unknown>,
): ListingField[] {
  const norm = (field: ListingField, value: unknown) => {
    // The order of scopes, features and categories is not part of what Pipedrive reviews.
    if (Array.isArray(value)) return JSON.stringify(value.map((v) => JSON.stringify(v)).sort());
    return JSON.stringify(value ?? (field === "installationUrl" ? "" : null));
  };
  return CRITICAL_FIELDS.filter((field) => norm(field, approved[field]) !== norm(field, draft[field]));
}

export type ChangesAction = "submit-changes" | "approve-changes" | "reject-changes";

/** What the team can do with pending changes, given their review state (null: not sent yet). */
export function changesActions(changesStatus: string | null, pending: number): ChangesAction[] {
  if (changesStatus === "IN_REVIEW") return ["approve-changes", "reject-changes"];
  return pending > 0 ? ["submit-changes"] : [];
}

/**
 * date-fns counts in the process's time zone; the window counts UTC calendar days, so each instant
 * becomes the local midnight of its UTC date and back.
 */
const utcDate = (instant: Date) => new Date(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
const fromUtcDate = (date: Date) => new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));

/** Business days (Monday to Friday, UTC calendar days) after the day of `start`, up to `now`. */
export function businessDaysElapsed(start: Date, now: Date): number {
  // date-fns counts the business days in [earlier, later); one day on, that is (start, now].
  return Math.max(0, differenceInBusinessDays(addDays(utcDate(now), 1), addDays(utcDate(start), 1)));
}

/** The day the review window closes: 21 business days after the start. */
export function reviewDeadline(start: Date): Date {
  return fromUtcDate(addBusinessDays(utcDate(start), REVIEW_WINDOW_BUSINESS_DAYS));
}
