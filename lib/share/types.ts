import type { ListingDraft } from "@/lib/listing/schema";
import type { CommentSection } from "./choices";

export type CommentView = {
  id: string;
  section: CommentSection;
  sectionLabel: string;
  authorName: string;
  body: string;
  createdAt: string;
  link: string | null;
};

export type ShareLinksPage = {
  links: ShareLinkSummary[];
  total: number;
  active: number;
  pages: number;
  page: number;
  show: "all" | "active";
};

export type SharedPreview = {
  linkId: string;
  appId: string;
  builtBy: string;
  /** A public app (a Marketplace page, with its rating and reviews); false for a private one. */
  marketplace: boolean;
  /** The app is on the Marketplace now: the preview shows its listing with the shared changes. */
  published: boolean;
  listing: ListingDraft;
};

export type ShareLinkSummary = {
  id: string;
  label: string;
  target: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  status: ShareLinkStatus;
  views: number;
  lastViewedAt: string | null;
  comments: number;
};

export type ShareLinkStatus = "active" | "expired" | "revoked";
