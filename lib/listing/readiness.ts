import { MIN_VISIBLE_SHARE } from "@/lib/media/visibility-threshold";
import { fromMarkdown } from "mdast-util-from-markdown";
import { FIELDS } from "./fields";
import { scopeWarnings } from "./scope-checks";
import { scopeRuleProblems } from "./scope-rules";
import { draftOf, submissionProblems, type AppKind, type ListingDraft, type ListingField } from "./schema";

/**
 * The readiness checklist: Pipedrive's approval checklist (MARKETPLACE.md) applied to a draft.
 * Errors block submission to review; warnings advise. Each item points at its field.
 */

export type Severity = "error" | "warning";
export type CheckItem = { id: string; field: ListingField; path: string; severity: Severity; message: string };
export type IconVisibility = { visibleOnLight: number | null; visibleOnDark: number | null };
/** The last background check of a link: whether it answered 2xx, or its status or error. */
export type LinkStatus = { ok: boolean; status: number | null; error: string | null; checkedAt: string };

/** Links whose reachability is checked in the background (the callback URL only answers OAuth). */
export const CHECKED_LINKS: ListingField[] = [
  "websiteUrl",
  "termsUrl",
  "privacyUrl",
  "pricingUrl",
  "supportUrl",
  "documentationUrl",
  "issueTrackerUrl",
  "installFlowRecordingUrl",
  "videoUrl",
];

export type Readiness = { score: number; items: CheckItem[]; errors: number; warnings: number };

const URL_FIELDS: ListingField[] = [
  "callbackUrl",
  "installationUrl",
  "websiteUrl",
  "termsUrl",
  "privacyUrl",
  "pricingUrl",
  "supportUrl",
  "documentationUrl",
  "issueTrackerUrl",
  "installFlowRecordingUrl",
];
const PUBLIC_LINKS: ListingField[] = [
  "websiteUrl",
  "termsUrl",
  "privacyUrl",
  "pricingUrl",
  "supportUrl",
  "documentationUrl",
  "issueTrackerUrl",
];
const PLACEHOLDER = /\b(lorem ipsum|dolor sit amet|todo|tbd|fixme|xxx+|placeholder|coming soon)\b|\[insert[^\]]*\]/i;
/** "for Pipedrive", "with Pipedrive"… say what the app works with; anything else may suggest Pipedrive built it. */
const PIPEDRIVE_OK = /\b(for|with|to|into|and|&|\+|on|in)\s+pipedrive\b/gi;

/** Each error takes 10% of what is left of the score, each warning 3%: it never sticks at 0, so progress shows. */
const KEEP: Record<Severity, number> = { error: 0.9, warning: 0.97 };

function isStructured(markdown: string) {
  const tree = fromMarkdown(markdown);
  return tree.children.length >= 2 || tree.children.some((n) => n.type === "list");
}

export type ReadinessOptions = {
  /** A private app is not listed or reviewed: none of the Marketplace listing's requirements apply. */
  kind?: AppKind;
  icons?: Record<string, IconVisibility>;
  links?: Record<string, LinkStatus>;
};

/**
 * The checklist of anything the editor holds, valid or not (a draft keeps what was typed): it never
 * throws, so the panel is there whatever the state of the form.
 */
export function checkReadiness(
  input: unknown,
  { kind = "PUBLIC", icons = {}, links = {} }: ReadinessOptions = {},
): Readiness {
  const draft = draftOf(input);
  const listed = kind === "PUBLIC";
  const items: CheckItem[] = [];
  const add = (
    field: ListingField,
    severity: Severity,
    message: string,
    path: string = field,
    id = `${path}:${message}`,
  ) => items.push({ id, field, path, severity, message });

  // Every rule a field breaks, and every field review requires (pricing page included).
  const problems = submissionProblems(input, kind);
  for (const [path, message] of Object.entries(problems)) {
    add(path === "_" ? "appName" : (path.split(".")[0] as ListingField), "error", message, path);
  }

  // Scopes Pipedrive refuses: both levels of one object, full access without a reason.
  for (const problem of scopeRuleProblems(draft.scopes)) add("scopes", "error", problem.message, problem.path);

  // Links: https, and no link used twice.
  for (const field of URL_FIELDS) {
    const value = draft[field] as string;
    if (value && !problems[field] && !value.trim().startsWith("https://"))
      add(field, "error", `${FIELDS[field].label} must use https`);
  }
  const seen = new Map<string, ListingField>();
  for (const field of listed ? PUBLIC_LINKS : []) {
    const value = (draft[field] as string).trim().replace(/\/+$/, "").toLowerCase();
    if (!value) continue;
    const first = seen.get(value);
    if (first)
      add(field, "error", `${FIELDS[field].label} is the same link as ${FIELDS[first].label}: each needs its own page`);
    else seen.set(value, field);
  }

  // Reachability, from the last background check of each link.
  for (const field of CHECKED_LINKS) {
    const result = links[draft[field] as string];
    if (!result || result.ok) continue;
    const why = result.status ? `answered HTTP ${result.status}` : `did not answer (${result.error ?? "no response"})`;
    add(field, "warning", `${FIELDS[field].label} ${why} when it was checked`);
  }

  if (listed) listingChecks(draft, icons, add);

  const score = Math.round(100 * items.reduce((kept, item) => kept * KEEP[item.severity], 1));
  const errors = items.filter((i) => i.severity === "error").length;
  return { score, items, errors, warnings: items.length - errors };
}

type Add = (field: ListingField, severity: Severity, message: string, path?: string) => void;

/** What Pipedrive's reviewers look at on a Marketplace listing: media, words and scopes. */
function listingChecks(draft: ListingDraft, icons: Record<string, IconVisibility>, add: Add) {
  // Media.
  if (draft.images.length > 0 && draft.images.length < 3)
    add("images", "warning", `Reviewers expect 3–5 listing images; this listing has ${draft.images.length}`);
  draft.images.forEach((image, i) => {
    if (!image.alt.trim()) add("images", "warning", `Image ${i + 1} has no alt text`, `images.${i}.alt`);
  });
  const icon = draft.iconAssetId ? icons[draft.iconAssetId] : undefined;
  if (icon?.visibleOnLight != null && icon.visibleOnLight < MIN_VISIBLE_SHARE)
    add("iconAssetId", "warning", "The icon almost disappears on a light background");
  if (icon?.visibleOnDark != null && icon.visibleOnDark < MIN_VISIBLE_SHARE)
    add("iconAssetId", "warning", "The icon almost disappears on a dark background");

  // Words.
  if (/pipedrive/i.test(draft.appName.replace(PIPEDRIVE_OK, ""))) {
    add("appName", "warning", "The name may suggest that Pipedrive built the app; say “for Pipedrive” instead");
  }
  const summary = draft.summary.toLowerCase();
  const name = draft.appName.trim().toLowerCase();
  if (summary && (summary.includes("pipedrive") || (name && summary.includes(name)))) {
    add(
      "summary",
      "warning",
      "The short summary repeats the app's name or Pipedrive: use the 150 characters for the value it brings",
    );
  }
  if (draft.description.trim() && !isStructured(draft.description)) {
    add("description", "error", "Lay the description out in paragraphs or a list");
  }
  for (const field of ["summary", "description", "setupInstructions", "appName"] as const) {
    const match = PLACEHOLDER.exec(draft[field]);
    if (match) add(field, "error", `${FIELDS[field].label} contains placeholder text (“${match[0]}”)`);
  }

  // Scopes: what each opens, against what the listing says the app does with it.
  for (const warning of scopeWarnings(draft))
    add(warning.path.split(".")[0] as ListingField, "warning", warning.message, warning.path);
}
