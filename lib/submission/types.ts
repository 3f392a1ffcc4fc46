/** What the submission pages show: the timeline, reviewer feedback and the listing frozen in review. */
import type { ListingDraft, ListingField } from "@/lib/listing/schema";
import type { ListedAppType, ChangesAction, Transition } from "./workflow";

export type TimelineEvent = {
  id: string;
  kind: "STATUS" | "CHANGES";
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  versionNumber: number | null;
  actor: string | null;
  /** The day it happened at Pipedrive (UTC midnight of that day). */
  occurredAt: string;
  /** When it was recorded here. */
  createdAt: string;
};

export type FeedbackView = {
  id: string;
  field: ListingField;
  fieldLabel: string;
  message: string;
  createdAt: string;
  createdBy: string | null;
};

export type SubmissionState = {
  type: ListedAppType;
  status: string;
  transitions: Transition[];
  readinessErrors: number;
  pending: {
    fields: { field: ListingField; label: string }[];
    status: string | null;
    actions: ChangesAction[];
    approvedVersion: number | null;
  };
  review: { startedAt: string; elapsed: number; window: number; deadline: string } | null;
  timeline: TimelineEvent[];
  feedback: FeedbackView[];
  /** Bounds of the day a next step can be recorded for: today (the workspace's) and the previous step's day. */
  dates: { today: string; previous: string | null };
};

export type FrozenSubmission = {
  kind: "listing" | "changes";
  versionNumber: number;
  /** The day it was submitted (UTC midnight). */
  submittedOn: string;
  elapsed: number;
  window: number;
  /** The listing as submitted. */
  data: ListingDraft;
};
