import type { ListingField } from "./schema";

export const TABS = [
  { id: "basic", label: "Basic info" },
  { id: "oauth", label: "OAuth & scopes" },
  { id: "features", label: "Features" },
  { id: "general", label: "General info" },
  { id: "setup", label: "Setup" },
  { id: "support", label: "Support & legal" },
  { id: "review", label: "Review info" },
] as const;

export type TabId = (typeof TABS)[number]["id"];

/**
 * Every listing field: its label, its Developer Hub tab, and whether it is critical —
 * after approval, a change to a critical field goes through Pipedrive's review again.
 */
export const FIELDS: Record<ListingField, { label: string; tab: TabId; critical: boolean }> = {
  appName: { label: "App name", tab: "basic", critical: false },
  callbackUrl: { label: "Callback URL", tab: "basic", critical: true },
  installationUrl: { label: "Installation URL", tab: "basic", critical: true },
  scopes: { label: "Access scopes", tab: "oauth", critical: true },
  features: { label: "Features (app extensions)", tab: "features", critical: true },
  categories: { label: "Categories", tab: "general", critical: true },
  summary: { label: "Short summary", tab: "general", critical: false },
  description: { label: "Full description", tab: "general", critical: false },
  iconAssetId: { label: "App icon", tab: "general", critical: false },
  images: { label: "Listing images", tab: "general", critical: false },
  videoUrl: { label: "Listing video", tab: "general", critical: false },
  setupInstructions: { label: "Setup instructions", tab: "setup", critical: false },
  onboarding: { label: "Onboarding guide", tab: "setup", critical: false },
  websiteUrl: { label: "Website URL", tab: "support", critical: false },
  termsUrl: { label: "Terms of Service URL", tab: "support", critical: false },
  privacyUrl: { label: "Privacy Policy URL", tab: "support", critical: false },
  pricingUrl: { label: "Pricing page URL", tab: "support", critical: false },
  supportUrl: { label: "Support URL", tab: "support", critical: false },
  supportEmail: { label: "Support email", tab: "support", critical: false },
  documentationUrl: { label: "Documentation URL", tab: "support", critical: false },
  issueTrackerUrl: { label: "Issue tracker URL", tab: "support", critical: false },
  contactEmail: { label: "Main contact email", tab: "review", critical: false },
  useCase: { label: "Use case", tab: "review", critical: false },
  installFlowRecordingUrl: { label: "Installation flow recording URL", tab: "review", critical: false },
};

export const FIELD_ORDER = Object.keys(FIELDS) as ListingField[];

/** Fields whose values differ between two listings, in form order. */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): ListingField[] {
  return FIELD_ORDER.filter((field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null));
}

/** Fields a private app does not need: it has no Marketplace listing and is not reviewed. */
export const LISTING_ONLY_FIELDS: ListingField[] = [
  "categories",
  "summary",
  "description",
  "iconAssetId",
  "images",
  "setupInstructions",
  "websiteUrl",
  "termsUrl",
  "privacyUrl",
  "pricingUrl",
  "contactEmail",
];
