/**
 * Lists the listing editor offers. Pipedrive does not document its category list, so it is
 * kept here, in one place, to change when the Marketplace does.
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
  "Video & webinars",
] as const;

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
