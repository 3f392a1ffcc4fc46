import { diffWords } from "diff";
import { FIELD_ORDER, FIELDS } from "./fields";
import type { ListingDraft, ListingField } from "./schema";

export type TextPart = { value: string; added?: boolean; removed?: boolean };

export type FieldChange = {
  field: ListingField;
  label: string;
  critical: boolean;
  kind: "text" | "list" | "image";
  before: string;
  after: string;
  /** Word-level diff for text fields. */
  parts?: TextPart[];
  /** Asset ids before and after, for image fields. */
  images?: { before: string[]; after: string[] };
};

const IMAGE_FIELDS = new Set<ListingField>(["iconAssetId", "images"]);

/** One readable line per item of a list field. */
function asText(field: ListingField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (field === "onboarding") {
    const o = value as {
      blocks: { title: string; description: string; imageAssetId: string | null }[];
      videoUrl: string;
      videoTitle: string;
      videoDescription: string;
    };
    const blocks = o.blocks.map(
      (b, i) =>
        `Block ${i + 1}: ${b.title}${b.description ? ` — ${b.description}` : ""}${b.imageAssetId ? ` [image ${b.imageAssetId}]` : ""}`,
    );
    const video = o.videoUrl
      ? [`Video: ${o.videoTitle || o.videoUrl}${o.videoDescription ? ` — ${o.videoDescription}` : ""} (${o.videoUrl})`]
      : [];
    return [...blocks, ...video].join("\n");
  }
  if (!Array.isArray(value)) return String(value);
  return value
    .map((item) => {
      if (typeof item !== "object" || item === null) return String(item);
      if (field === "scopes") {
        const s = item as { id: string; justification: string };
        return s.justification ? `${s.id}: ${s.justification}` : s.id;
      }
      if (field === "features") {
        const f = item as { type: string; name: string; description: string };
        return `${f.name} (${f.type})${f.description ? `: ${f.description}` : ""}`;
      }
      if (field === "images") {
        const i = item as { assetId: string; alt: string };
        return `${i.assetId}${i.alt ? ` — ${i.alt}` : ""}`;
      }
      return JSON.stringify(item);
    })
    .join("\n");
}

const assetIds = (field: ListingField, value: unknown): string[] =>
  field === "iconAssetId"
    ? typeof value === "string"
      ? [value]
      : []
    : ((value as { assetId: string }[] | undefined) ?? []).map((i) => i.assetId);

/** Field-by-field changes from `before` to `after`, in form order. */
export function diffListings(before: ListingDraft, after: ListingDraft): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    const { label, critical } = FIELDS[field];
    const textBefore = asText(field, a);
    const textAfter = asText(field, b);
    if (IMAGE_FIELDS.has(field)) {
      changes.push({
        field,
        label,
        critical,
        kind: "image",
        before: textBefore,
        after: textAfter,
        images: { before: assetIds(field, a), after: assetIds(field, b) },
      });
    } else if (Array.isArray(a) || Array.isArray(b) || field === "onboarding") {
      changes.push({
        field,
        label,
        critical,
        kind: "list",
        before: textBefore,
        after: textAfter,
        parts: diffWords(textBefore, textAfter),
      });
    } else {
      changes.push({
        field,
        label,
        critical,
        kind: "text",
        before: textBefore,
        after: textAfter,
        parts: diffWords(textBefore, textAfter),
      });
    }
  }
  return changes;
}

/** After approval, a change to a critical field goes through Pipedrive's review again. */
export const needsReReview = (changes: FieldChange[]) => changes.some((c) => c.critical);
