/**
 * Lists the listing editor offers. Pipedrive does not publish its category list (Developer Hub
 * has a fixed drop-down), so these are the known names, offered as suggestions: a partner can
 * enter the exact name Developer Hub shows.
 */
export const CATEGORIES = [
  "Accounting & invoicing",
  "Analytics & reporting",
  "Calling & VoIP",
  "Chat & messaging",
  "Contact management",
  "Customer support",
  "Data enrichment",
  "Document management",
  "E-commerce",
  "Email marketing",
  "Forms & surveys",
  "Integration platforms",
  "Lead generation",
  "Marketing automation",
  "Meetings & scheduling",
  "Productivity",
  "Project management",
  "Proposals & quotes",
  "Sales intelligence",
  "Task and workflow management",
  "Video & webinars",
] as const;

/** The known spelling of a category typed in any case, or the name as typed (trimmed, spaces collapsed). */
export function categoryName(value: string): string {
  const clean = value.trim().replace(/\s+/g, " ");
  return CATEGORIES.find((c) => c.toLowerCase() === clean.toLowerCase()) ?? clean;
}

/** App extension types, shown as "Features" on the listing. */
export const FEATURE_TYPES = {
  custom_panel: "Custom UI panel",
  custom_modal: "Custom modal",
  custom_floating_window: "Custom floating window",
  json_panel: "JSON panel",
  json_modal: "JSON modal",
  link_action: "Link action",
  app_settings: "App settings",
  messaging: "Messaging integration",
} as const;

export type FeatureType = keyof typeof FEATURE_TYPES;
