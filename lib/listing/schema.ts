import { z } from "zod";
import { LISTING_ONLY_FIELDS } from "./fields";
import scopeCatalog from "@/lib/pipedrive/scopes.json";
import { categoryName, FEATURE_TYPES, type FeatureType } from "./catalog";
import { isHttpUrl } from "@/lib/text/web-address";
import { problemsOf, type FieldProblems } from "@/lib/errors";
import { LIMITS } from "@/lib/pipedrive/limits";
import { visibleLength } from "./markdown";
import { isOnboardingVideoUrl, youtubeVideoId } from "./youtube";

/**
 * The listing, at three levels:
 * - `listingDraftSchema`: what a draft holds. A draft is a draft: it keeps what the partner typed,
 *   valid or not, bounded only for storage safety (text up to a few times its limit, at most 5
 *   images). Autosave stores it; nothing typed is refused for breaking a rule.
 * - `listingRulesSchema`: Pipedrive's limits and formats, field by field. The editor shows them
 *   inline and the readiness checklist lists them; they block submission, never saving.
 * - `listingSubmitSchema`: the rules plus every field Pipedrive requires before review.
 */

export const SCOPE_IDS = scopeCatalog.scopes.map((s) => s.id) as [string, ...string[]];
const FEATURE_TYPE_IDS = Object.keys(FEATURE_TYPES) as [FeatureType, ...FeatureType[]];

/** A draft keeps text up to this many times its limit (Markdown: ten times, for its syntax). */
export const STORE_FACTOR = 4;
const RICH_STORE_FACTOR = 10;

type Level = "draft" | "rules";

const unknownKeys = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys?.join(", ")}` : undefined,
};

const stored = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} is too long to keep: at most ${max.toLocaleString("en-US")} characters are saved`);

const maxText = (max: number, label: string) =>
  z.string({ error: `${label} must be text` }).max(max, `${label} must be at most ${max} characters`);

const plain = (level: Level, max: number, label: string) =>
  (level === "draft" ? stored(max * STORE_FACTOR, label) : maxText(max, label)).default("");

const richText = (level: Level, max: number, label: string) => {
  const raw = stored(max * RICH_STORE_FACTOR, label);
  return (
    level === "draft"
      ? raw
      : raw.refine((v) => visibleLength(v) <= max, { message: `${label} must be at most ${max} characters` })
  ).default("");
};

const url = (level: Level, label: string) => {
  if (level === "draft") return stored(LIMITS.url, label).default("");
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.url, `${label} must be at most ${LIMITS.url} characters`)
    .refine((v) => v === "" || isHttpUrl(v), { message: `${label} must be a full URL starting with https://` })
    .default("");
};

export const isEmail = (value: string) => z.email().safeParse(value).success;

const email = (level: Level, label: string) => {
  if (level === "draft") return stored(LIMITS.email * STORE_FACTOR, label).default("");
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.email, `${label} must be at most ${LIMITS.email} characters`)
    .refine((v) => v === "" || isEmail(v), { message: `${label} must be an email address` })
    .default("");
};

const assetId = z.string().regex(/^[a-z0-9]{20,40}$/, "Unknown file");

const videoUrl = (level: Level) => {
  if (level === "draft") return stored(LIMITS.url, "Video link").default("");
  return z
    .string({ error: "Video must be a link" })
    .trim()
    .max(LIMITS.url, `Video link must be at most ${LIMITS.url} characters`)
    .refine((v) => v === "" || youtubeVideoId(v) !== null, {
      message: "Only YouTube videos can be shown: paste a youtube.com or youtu.be link",
    })
    .default("");
};

const scopeSelection = (level: Level) =>
  z.object({
    id: z.enum(SCOPE_IDS, { error: "Unknown scope" }),
    justification: plain(level, LIMITS.scopeJustification, "Justification"),
  });

const feature = (level: Level) =>
  z.object({
    id: z.string().min(1).max(40),
    type: z.enum(FEATURE_TYPE_IDS, { error: "Choose a feature type" }),
    name:
      level === "draft"
        ? plain(level, LIMITS.featureName, "Name")
        : maxText(LIMITS.featureName, "Name").trim().min(1, "Name is required"),
    description: plain(level, LIMITS.featureDescription, "Description"),
  });

const listingImage = (level: Level) => z.object({ assetId, alt: plain(level, LIMITS.imageAlt, "Alt text") });

const onboardingBlock = (level: Level) =>
  z.object({
    id: z.string().min(1).max(40),
    title: plain(level, LIMITS.onboardingTitle, "Title"),
    description: plain(level, LIMITS.onboardingDescription, "Description"),
    imageAssetId: assetId.nullable().default(null),
  });

const onboardingVideoUrl = (level: Level) => {
  if (level === "draft") return stored(LIMITS.url, "Video link").default("");
  return z
    .string({ error: "Video must be a link" })
    .trim()
    .max(LIMITS.url)
    .refine((v) => v === "" || isOnboardingVideoUrl(v), { message: "Use a YouTube, Vimeo, Vidyard or Wistia link" })
    .default("");
};

const onboarding = (level: Level) =>
  z.object({
    blocks: z
      .array(onboardingBlock(level))
      .max(LIMITS.onboardingBlocks, `At most ${LIMITS.onboardingBlocks} onboarding blocks`)
      .default([]),
    videoUrl: onboardingVideoUrl(level),
    videoTitle: plain(level, LIMITS.onboardingVideoTitle, "Video title"),
    videoDescription: plain(level, LIMITS.onboardingVideoDescription, "Video description"),
  });

export const EMPTY_ONBOARDING = { blocks: [], videoUrl: "", videoTitle: "", videoDescription: "" };
/** Shown to users after installation, once Pipedrive has approved the app. */
export const onboardingObject = onboarding("draft");
export const onboardingBlockSchema = onboardingBlock("draft");

const unique = <T>(list: T[]) => new Set(list).size === list.length;

/** A category as Developer Hub names it: one of the known names, or the exact name a partner entered. */
const category = (level: Level) =>
  z
    .string({ error: "A category must be text" })
    .transform(categoryName)
    .pipe(
      level === "draft"
        ? z.string().max(200, "A category name must be at most 200 characters")
        : z
            .string()
            .min(1, "A category name cannot be empty")
            .max(LIMITS.categoryName, `A category name must be at most ${LIMITS.categoryName} characters`)
            .regex(/^[^\u0000-\u001f<>]+$/, "A category name cannot contain < or >"),
    );

function listingSchema(level: Level) {
  const rules = level === "rules";
  return z.strictObject(
    {
      // Basic info
      appName: rules
        ? maxText(LIMITS.appName, "App name").trim().min(1, "App name is required")
        : plain(level, LIMITS.appName, "App name"),
      callbackUrl: rules
        ? url(level, "Callback URL").refine((v) => v !== "", { message: "Callback URL is required" })
        : url(level, "Callback URL"),
      installationUrl: url(level, "Installation URL"),
      // OAuth & scopes
      scopes: z
        .array(scopeSelection(level))
        .max(SCOPE_IDS.length, "Too many scopes")
        .default([])
        .refine((list) => !rules || unique(list.map((s) => s.id)), { message: "A scope is listed twice" })
        .transform((list) => (list.some((s) => s.id === "base") ? list : [{ id: "base", justification: "" }, ...list])),
      // Features
      features: z.array(feature(level)).max(LIMITS.features, `At most ${LIMITS.features} features`).default([]),
      // General info
      categories: z
        .array(category(level))
        .max(rules ? LIMITS.categories : 20, `Choose at most ${LIMITS.categories} categories`)
        .default([])
        .refine((list) => !rules || unique(list.map((c) => c.toLowerCase())), {
          message: "A category is listed twice",
        }),
      summary: plain(level, LIMITS.summary, "Short summary"),
      description: richText(level, LIMITS.description, "Full description"),
      iconAssetId: assetId.nullable().default(null),
      images: z.array(listingImage(level)).max(LIMITS.images, `At most ${LIMITS.images} listing images`).default([]),
      videoUrl: videoUrl(level),
      // Setup
      setupInstructions: richText(level, LIMITS.setupInstructions, "Setup instructions"),
      onboarding: onboarding(level).default(EMPTY_ONBOARDING),
      // Support & legal
      websiteUrl: url(level, "Website URL"),
      termsUrl: url(level, "Terms of Service URL"),
      privacyUrl: url(level, "Privacy Policy URL"),
      pricingUrl: url(level, "Pricing page URL"),
      supportUrl: url(level, "Support URL"),
      supportEmail: email(level, "Support email"),
      documentationUrl: url(level, "Documentation URL"),
      issueTrackerUrl: url(level, "Issue tracker URL"),
      // Review info
      contactEmail: email(level, "Main contact email"),
      useCase: plain(level, LIMITS.useCase, "Use case"),
      installFlowRecordingUrl: url(level, "Installation flow recording URL"),
    },
    unknownKeys,
  );
}

export const listingDraftSchema = listingSchema("draft");
export const listingRulesSchema = listingSchema("rules");

export type ListingDraft = z.output<typeof listingDraftSchema>;
export type ListingDraftInput = z.input<typeof listingDraftSchema>;
export type ListingField = keyof ListingDraft;

const required: { field: ListingField; message: string; present: (d: ListingDraft) => boolean }[] = [
  { field: "categories", message: "Choose at least one category", present: (d) => d.categories.length > 0 },
  { field: "summary", message: "Short summary is required", present: (d) => d.summary.trim() !== "" },
  { field: "description", message: "Full description is required", present: (d) => visibleLength(d.description) > 0 },
  { field: "iconAssetId", message: "Upload an app icon", present: (d) => d.iconAssetId !== null },
  { field: "images", message: "Add at least one listing image", present: (d) => d.images.length > 0 },
  {
    field: "setupInstructions",
    message: "Setup instructions are required",
    present: (d) => visibleLength(d.setupInstructions) > 0,
  },
  { field: "websiteUrl", message: "Website URL is required", present: (d) => d.websiteUrl !== "" },
  { field: "termsUrl", message: "Terms of Service URL is required", present: (d) => d.termsUrl !== "" },
  { field: "privacyUrl", message: "Privacy Policy URL is required", present: (d) => d.privacyUrl !== "" },
  { field: "pricingUrl", message: "Pricing page URL is required for review", present: (d) => d.pricingUrl !== "" },
  { field: "contactEmail", message: "Main contact email is required", present: (d) => d.contactEmail !== "" },
];

export { LISTING_ONLY_FIELDS } from "./fields";

export type AppKind = "PUBLIC" | "PRIVATE";

const submitSchema = (kind: AppKind) =>
  listingRulesSchema.superRefine((draft, ctx) => {
    for (const rule of required) {
      if (kind === "PRIVATE" && LISTING_ONLY_FIELDS.includes(rule.field)) continue;
      if (!rule.present(draft)) ctx.addIssue({ code: "custom", path: [rule.field], message: rule.message });
    }
  });

export const listingSubmitSchema = submitSchema("PUBLIC");
const privateSubmitSchema = submitSchema("PRIVATE");

export type { FieldProblems };

/** Everything that stands between this draft and submission: broken rules and missing required fields. */
export function submissionProblems(input: unknown, kind: AppKind = "PUBLIC"): FieldProblems {
  const result = (kind === "PRIVATE" ? privateSubmitSchema : listingSubmitSchema).safeParse(input);
  return result.success ? {} : problemsOf(result.error);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The draft to store from what the editor sent: every field that fits in storage is kept as typed;
 * a field that does not (a text far over its limit, a sixth image) keeps its `previous` value and
 * is reported in `skipped`. Null when the input is not a listing at all (not an object, unknown keys).
 */
export function storableDraft(
  input: unknown,
  previous: ListingDraft,
): { data: ListingDraft; skipped: FieldProblems } | null {
  const first = listingDraftSchema.safeParse(input);
  if (first.success) return { data: first.data, skipped: {} };
  if (!isRecord(input)) return null;
  const skipped = problemsOf(first.error);
  if (skipped._) return null;
  const repaired: Record<string, unknown> = { ...input };
  for (const path of Object.keys(skipped)) {
    const field = path.split(".")[0] as ListingField;
    repaired[field] = previous[field];
  }
  const second = listingDraftSchema.safeParse(repaired);
  return second.success ? { data: second.data, skipped } : null;
}

/** A draft from anything the editor holds, never failing: fields that cannot be stored read as empty. */
export function draftOf(input: unknown): ListingDraft {
  const empty = listingDraftSchema.parse({});
  return storableDraft(isRecord(input) ? pickKnown(input) : {}, empty)?.data ?? empty;
}

const pickKnown = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([key]) => key in listingDraftSchema.shape));

export function emptyListing(appName: string, callbackUrl: string): ListingDraft {
  return listingDraftSchema.parse({ appName, callbackUrl });
}
