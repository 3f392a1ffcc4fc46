/** Review statuses and reply templates, without zod (the browser uses them). */

export const REVIEW_STATUSES = ["NEW", "NEEDS_REPLY", "REPLIED", "WONT_REPLY"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  NEW: "New",
  NEEDS_REPLY: "Needs reply",
  REPLIED: "Replied",
  WONT_REPLY: "Won't reply",
};

/** Placeholders a reply template may use. */
export const PLACEHOLDERS = ["author", "first_name", "app", "stars", "my_name"] as const;
export type TemplateValues = Record<(typeof PLACEHOLDERS)[number], string>;

/** Fills `{{placeholder}}`s; unknown ones stay as written so a typo is visible. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? values[name as keyof TemplateValues] : whole,
  );
}

export const firstName = (author: string) => author.trim().split(/\s+/)[0] ?? author;

/** "3 h", "2.5 days": the average time to reply, readable. */
export function formatReplyTime(ms: number | null): string {
  if (ms === null) return "—";
  const hours = ms / 3_600_000;
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}
