/** How an app's status reads, without zod (the browser uses it). */
export const APP_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  REJECTED: "Rejected",
  UNPUBLISHED: "Approved, unpublished",
  PUBLISHED: "Published",
  LIVE: "Live",
};
