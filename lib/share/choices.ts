/** Choices and sections of share links, without zod (the browser uses them). */

export const EXPIRY_CHOICES = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "never", label: "Never" },
] as const;

/** The landing-page sections a visitor can pin a comment to (the `data-section` of the renderer). */
export const COMMENT_SECTIONS = {
  header: "Header: icon, name, summary",
  media: "Images and video",
  description: "Description",
  features: "Features",
  setup: "Setup instructions",
  links: "Support and legal links",
  categories: "Categories",
  general: "The listing as a whole",
} as const;
export type CommentSection = keyof typeof COMMENT_SECTIONS;

/** The editor field a section's comments are shown beside ("general": the notes panel only). */
export const SECTION_FIELD: Record<CommentSection, string | null> = {
  header: "summary",
  media: "images",
  description: "description",
  features: "features",
  setup: "setupInstructions",
  links: "supportUrl",
  categories: "categories",
  general: null,
};
