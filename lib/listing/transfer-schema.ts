import { z } from "zod";
import { LIMITS } from "@/lib/pipedrive/limits";
import { EMPTY_ONBOARDING, listingDraftSchema, onboardingBlockSchema, onboardingObject, STORE_FACTOR } from "./schema";

/**
 * "Listing as code": the exported file, documented in docs/listing-export.md.
 * Images are referenced by content hash and travel in the same zip under images/.
 */
export const EXPORT_FORMAT = "listing-studio.listing";
export const EXPORT_VERSION = 1;

const fileRef = z.strictObject({
  file: z.string().regex(/^images\/[0-9a-f]{64}\.(png|jpg)$/, "file must be images/<sha256>.png or .jpg"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 hex characters"),
});

const { iconAssetId: _icon, images: _images, onboarding: _onboarding, ...fields } = listingDraftSchema.shape;

const exportedOnboarding = onboardingObject
  .extend({
    blocks: z
      .array(onboardingBlockSchema.omit({ imageAssetId: true }).extend({ image: fileRef.nullable().default(null) }))
      .max(LIMITS.onboardingBlocks, `At most ${LIMITS.onboardingBlocks} onboarding blocks`)
      .default([]),
  })
  .default(EMPTY_ONBOARDING);

export const exportedListingSchema = z.strictObject(
  {
    ...fields,
    icon: fileRef.nullable().default(null),
    onboarding: exportedOnboarding,
    images: z
      .array(
        fileRef.extend({
          alt: z
            .string()
            .max(LIMITS.imageAlt * STORE_FACTOR)
            .default(""),
        }),
      )
      .max(LIMITS.images, `At most ${LIMITS.images} listing images`)
      .default([]),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}` : undefined) },
);

export const exportFileSchema = z.strictObject(
  {
    format: z.literal(EXPORT_FORMAT, { error: `format must be "${EXPORT_FORMAT}"` }),
    version: z.number({ error: "version must be a number" }).refine((v) => v === EXPORT_VERSION, {
      message: `Unsupported schema version; this Listing Studio reads version ${EXPORT_VERSION}`,
    }),
    exportedAt: z.string().optional(),
    app: z
      .strictObject({ name: z.string(), type: z.enum(["PUBLIC", "PRIVATE"]) })
      .partial()
      .optional(),
    listing: exportedListingSchema,
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}` : undefined) },
);

export type ExportFile = z.output<typeof exportFileSchema>;
