import { z } from "zod";
import scopeCatalog from "@/lib/pipedrive/scopes.json";
import { CATEGORIES, FEATURE_TYPES, type FeatureType } from "./catalog";
import { LIMITS } from "./limits";
import { visibleLength } from "./markdown";
import { isOnboardingVideoUrl, youtubeVideoId, youtubeWatchUrl } from "./youtube";

/**
 * The listing, at two levels shared by the editor's resolver and the server:
 * - `listingDraftSchema`: types and hard limits — what can be saved (as in Developer Hub, only the
 *   app name and the callback URL are required to save);
 * - `listingSubmitSchema`: everything Pipedrive requires before an app can go to review.
 */

export const SCOPE_IDS = scopeCatalog.scopes.map((s) => s.id) as [string, ...string[]];
const FEATURE_TYPE_IDS = Object.keys(FEATURE_TYPES) as [FeatureType, ...FeatureType[]];

const maxText = (max: number, label: string) =>
  z.string({ error: `${label} must be text` }).max(max, `${label} must be at most ${max} characters`);

const plain = (max: number, label: string) => maxText(max, label).default("");

const richText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text` })
    .max(max * 10, `${label} is far too long`)
    .refine((v) => visibleLength(v) <= max, { message: `${label} must be at most ${max} characters` })
    .default("");

export const isHttpUrl = (value: string) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const web = url.protocol === "https:" || url.protocol === "http:";
  return web && (url.hostname.includes(".") || url.hostname === "localhost");
};

const url = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.url, `${label} must be at most ${LIMITS.url} characters`)
    .refine((v) => v === "" || isHttpUrl(v), { message: `${label} must be a full URL starting with https://` })
    .default("");

const email = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.email)
    .refine((v) => v === "" || z.email().safeParse(v).success, { message: `${label} must be an email address` })
    .default("");

const assetId = z.string().regex(/^[a-z0-9]{20,40}$/, "Unknown file");

export const scopeSelectionSchema = z.object({
  id: z.enum(SCOPE_IDS, { error: "Unknown scope" }),
  justification: plain(LIMITS.scopeJustification, "Justification"),
});

export const featureSchema = z.object({
  id: z.string().min(1).max(40),
  type: z.enum(FEATURE_TYPE_IDS, { error: "Choose a feature type" }),
  name: maxText(LIMITS.featureName, "Name").trim().min(1, "Name is required"),
  description: plain(LIMITS.featureDescription, "Description"),
});

export const listingImageSchema = z.object({
  assetId,
  alt: plain(LIMITS.imageAlt, "Alt text"),
});

const videoUrl = z
  .string({ error: "Video must be a link" })
  .trim()
  .max(LIMITS.url)
  .default("")
  .transform((v, ctx) => {
    if (v === "") return "";
    const id = youtubeVideoId(v);
    if (!id) {
      ctx.addIssue({ code: "custom", message: "Only YouTube videos can be shown: paste a youtube.com or youtu.be link" });
      return z.NEVER;
    }
    return youtubeWatchUrl(id);
  });

export const onboardingBlockSchema = z.object({
  id: z.string().min(1).max(40),
  title: maxText(LIMITS.onboardingTitle, "Title").default(""),
  description: plain(LIMITS.onboardingDescription, "Description"),
  imageAssetId: assetId.nullable().default(null),
});

/** Shown to users after installation, once Pipedrive has approved the app. */
export const onboardingObject = z.object({
    blocks: z.array(onboardingBlockSchema).max(LIMITS.onboardingBlocks, `At most ${LIMITS.onboardingBlocks} onboarding blocks`).default([]),
    videoUrl: z
      .string({ error: "Video must be a link" })
      .trim()
      .max(LIMITS.url)
      .refine((v) => v === "" || isOnboardingVideoUrl(v), { message: "Use a YouTube, Vimeo, Vidyard or Wistia link" })
      .default(""),
    videoTitle: plain(LIMITS.onboardingVideoTitle, "Video title"),
    videoDescription: plain(LIMITS.onboardingVideoDescription, "Video description"),
});
export const EMPTY_ONBOARDING = { blocks: [], videoUrl: "", videoTitle: "", videoDescription: "" };
export const onboardingSchema = onboardingObject.default(EMPTY_ONBOARDING);

export const listingDraftSchema = z.strictObject(
  {
    // Basic info
    appName: maxText(LIMITS.appName, "App name").trim().min(1, "App name is required"),
    callbackUrl: url("Callback URL").refine((v) => v !== "", { message: "Callback URL is required" }),
    installationUrl: url("Installation URL"),
    // OAuth & scopes
    scopes: z
      .array(scopeSelectionSchema)
      .max(SCOPE_IDS.length)
      .default([])
      .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { message: "A scope is listed twice" })
      .transform((list) => (list.some((s) => s.id === "base") ? list : [{ id: "base", justification: "" }, ...list])),
    // Features
    features: z.array(featureSchema).max(LIMITS.features, `At most ${LIMITS.features} features`).default([]),
    // General info
    categories: z
      .array(z.enum(CATEGORIES, { error: "Unknown category" }))
      .max(LIMITS.categories, `Choose at most ${LIMITS.categories} categories`)
      .default([])
      .refine((list) => new Set(list).size === list.length, { message: "A category is listed twice" }),
    summary: plain(LIMITS.summary, "Short summary"),
    description: richText(LIMITS.description, "Full description"),
    iconAssetId: assetId.nullable().default(null),
    images: z.array(listingImageSchema).max(LIMITS.images, `At most ${LIMITS.images} listing images`).default([]),
    videoUrl,
    // Setup
    setupInstructions: richText(LIMITS.setupInstructions, "Setup instructions"),
    onboarding: onboardingSchema,
    // Support & legal
    websiteUrl: url("Website URL"),
    termsUrl: url("Terms of Service URL"),
    privacyUrl: url("Privacy Policy URL"),
    pricingUrl: url("Pricing page URL"),
    supportUrl: url("Support URL"),
    supportEmail: email("Support email"),
    documentationUrl: url("Documentation URL"),
    issueTrackerUrl: url("Issue tracker URL"),
    // Review info
    contactEmail: email("Main contact email"),
    useCase: plain(LIMITS.useCase, "Use case"),
    installFlowRecordingUrl: url("Installation flow recording URL"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}` : undefined) },
);

export type ListingDraft = z.output<typeof listingDraftSchema>;
export type ListingDraftInput = z.input<typeof listingDraftSchema>;
export type ListingField = keyof ListingDraft;

const required: { field: ListingField; message: string; present: (d: ListingDraft) => boolean }[] = [
  { field: "categories", message: "Choose at least one category", present: (d) => d.categories.length > 0 },
  { field: "summary", message: "Short summary is required", present: (d) => d.summary.trim() !== "" },
  { field: "description", message: "Full description is required", present: (d) => visibleLength(d.description) > 0 },
  { field: "iconAssetId", message: "Upload an app icon", present: (d) => d.iconAssetId !== null },
  { field: "images", message: "Add at least one listing image", present: (d) => d.images.length > 0 },
  { field: "setupInstructions", message: "Setup instructions are required", present: (d) => visibleLength(d.setupInstructions) > 0 },
  { field: "websiteUrl", message: "Website URL is required", present: (d) => d.websiteUrl !== "" },
  { field: "termsUrl", message: "Terms of Service URL is required", present: (d) => d.termsUrl !== "" },
  { field: "privacyUrl", message: "Privacy Policy URL is required", present: (d) => d.privacyUrl !== "" },
  { field: "pricingUrl", message: "Pricing page URL is required for review", present: (d) => d.pricingUrl !== "" },
  { field: "contactEmail", message: "Main contact email is required", present: (d) => d.contactEmail !== "" },
];

export const listingSubmitSchema = listingDraftSchema.superRefine((draft, ctx) => {
  for (const rule of required) {
    if (!rule.present(draft)) ctx.addIssue({ code: "custom", path: [rule.field], message: rule.message });
  }
});

export type FieldProblems = Record<string, string>;

/** Path → first message, e.g. `{ "features.0.name": "Name is required" }`. */
export function problemsOf(error: z.ZodError): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    problems[key] ??= issue.message;
  }
  return problems;
}

/** Everything that stands between this draft and submission (draft errors included). */
export function submissionProblems(input: unknown): FieldProblems {
  const result = listingSubmitSchema.safeParse(input);
  return result.success ? {} : problemsOf(result.error);
}

export function emptyListing(appName: string, callbackUrl: string): ListingDraft {
  return listingDraftSchema.parse({ appName, callbackUrl });
}
