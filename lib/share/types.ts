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

export type SharedPreview = { linkId: string; appId: string; builtBy: string; listing: ListingDraft };

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
