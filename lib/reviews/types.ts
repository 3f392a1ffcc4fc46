import type { importReviews } from "./import-reviews";

export type InboxRow = {
  id: string;
  app: { id: string; name: string };
  source: string;
  author: string;
  stars: number;
  reviewedAt: string | null;
  text: string;
  upvotes: number;
  publicReply: string | null;
  status: string;
  assigneeId: string | null;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  removed: boolean;
  revisions: { stars: number; text: string; recordedAt: string }[];
  /** The review's place on the app's Marketplace page (its anchor, or the reviews section). */
  marketplaceUrl: string;
};

/** What a review import (or its dry run) answers. */
export type ImportReport = Awaited<ReturnType<typeof importReviews>>;
