import "server-only";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import scopeCatalog from "@/lib/pipedrive/scopes.json";
import { FEATURE_TYPES, type FeatureType } from "./catalog";
import { getDraft } from "./drafts";
import { FIELDS, TABS, type TabId } from "./fields";
import { LIMITS } from "@/lib/pipedrive/limits";
import { visibleLength } from "./markdown";
import { htmlOfMarkdown } from "./markdown-html";
import { draftOf, type ListingField } from "./schema";
import { mediaOf, type HandoffMedia } from "./developer-hub-media";

/**
 * Pipedrive has no API for listings: the last step is copying into Developer Hub. This is the
 * listing laid out as Developer Hub's tabs and fields: each value ready to copy (rich text as the
 * HTML its editor takes), its length against Pipedrive's limit, and whether it changed since the
 * submission last recorded; the media named and sized as Developer Hub wants them.
 */

export type HandoffField = {
  id: string;
  field: ListingField;
  label: string;
  /** What "Copy" puts on the clipboard as text. */
  text: string;
  /** For rich-text fields, the same as HTML (Developer Hub's editor keeps the formatting). */
  html: string | null;
  count: number | null;
  limit: number | null;
  required: boolean;
  /** Null when no submission was recorded yet. */
  changed: boolean | null;
};

export type HandoffSection = {
  tab: TabId;
  label: string;
  hint: string;
  fields: HandoffField[];
  scopes?: { id: string; name: string; justification: string }[];
};

export type DeveloperHubView = {
  kind: "PUBLIC" | "PRIVATE";
  submission: { versionNumber: number; submittedOn: string } | null;
  sections: HandoffSection[];
  media: HandoffMedia[];
};

const SCOPE_NAMES = new Map(scopeCatalog.scopes.map((s) => [s.id, s.label]));

/** Text as it reads once pasted into a plain field: paragraphs apart, list items on their own lines. */
export function pasteText(markdown: string): string {
  if (!markdown.trim()) return "";
  const blocks: string[] = [];
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === "list") {
      blocks.push(
        node.children
          .map((item, i) => `${node.ordered ? `${(node.start ?? 1) + i}.` : "•"} ${toString(item).trim()}`)
          .join("\n"),
      );
    } else blocks.push(toString(node, { includeHtml: true }).trim());
  }
  return blocks.filter(Boolean).join("\n\n");
}

const HINTS: Record<TabId, string> = {
  basic: "Developer Hub → your app → Basic info.",
  oauth: "Developer Hub → OAuth & access scopes: tick exactly these scopes.",
  features:
    "Developer Hub → App extensions: each extension's name and description (its URL and settings are set there).",
  general: "Developer Hub → Marketplace listing → General info.",
  setup: "Developer Hub → Installation: the instructions, and the onboarding guide once the app is approved.",
  support: "Developer Hub → Support & legal.",
  review: "Developer Hub → Review info: for Pipedrive's reviewers, not shown on the listing.",
};

/** The latest submission recorded (of the app or of its pending changes), as submitted. */
async function lastSubmission(appId: string) {
  const event = await db.appEvent.findFirst({
    where: { appId, toStatus: "IN_REVIEW", versionId: { not: null } },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
  });
  const version = event?.versionId ? await db.listingVersion.findUnique({ where: { id: event.versionId } }) : null;
  return version && event
    ? {
        versionNumber: version.number,
        submittedOn: event.occurredAt.toISOString(),
        data: draftOf(JSON.parse(version.data)),
      }
    : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function developerHubView(member: Member, appId: string): Promise<DeveloperHubView> {
  const app = await listedAppInWorkspace(member, appId);
  const [{ data }, submission] = await Promise.all([getDraft(member, appId), lastSubmission(appId)]);
  const changed = (field: ListingField) => (submission ? !same(data[field], submission.data[field]) : null);
  const plain = (field: ListingField, limit: number | null = null, required = false): HandoffField => {
    const text = String(data[field] ?? "");
    return {
      id: field,
      field,
      label: FIELDS[field].label,
      text,
      html: null,
      count: limit ? [...text].length : null,
      limit,
      required,
      changed: changed(field),
    };
  };
  const rich = (field: "description" | "setupInstructions", limit: number): HandoffField => ({
    id: field,
    field,
    label: field === "setupInstructions" ? "Instructions for users" : FIELDS[field].label,
    text: pasteText(data[field]),
    html: htmlOfMarkdown(data[field]) || null,
    count: visibleLength(data[field]),
    limit,
    required: true,
    changed: changed(field),
  });
  const listed = app.type === "PUBLIC";

  const sections: HandoffSection[] = [
    {
      tab: "basic",
      label: "Basic info",
      hint: HINTS.basic,
      fields: [plain("appName", LIMITS.appName, true), plain("callbackUrl", null, true), plain("installationUrl")],
    },
    {
      tab: "oauth",
      label: "OAuth & access scopes",
      hint: HINTS.oauth,
      fields: [
        {
          ...plain("scopes"),
          text: data.scopes.map((s) => SCOPE_NAMES.get(s.id) ?? s.id).join("\n"),
          label: "Access scopes (as Developer Hub names them)",
        },
      ],
      scopes: data.scopes.map((s) => ({
        id: s.id,
        name: SCOPE_NAMES.get(s.id) ?? s.id,
        justification: s.justification,
      })),
    },
    {
      tab: "features",
      label: "App extensions",
      hint: HINTS.features,
      fields: data.features.flatMap((f, i) => {
        const was = submission?.data.features.find((g) => g.id === f.id);
        const type = FEATURE_TYPES[f.type as FeatureType] ?? f.type;
        return [
          {
            id: `features.${i}.name`,
            field: "features" as const,
            label: `Extension ${i + 1} (${type}): name`,
            text: f.name,
            html: null,
            count: [...f.name].length,
            limit: LIMITS.featureName,
            required: true,
            changed: submission ? was?.name !== f.name : null,
          },
          {
            id: `features.${i}.description`,
            field: "features" as const,
            label: `Extension ${i + 1} (${type}): description`,
            text: f.description,
            html: null,
            count: [...f.description].length,
            limit: LIMITS.featureDescription,
            required: false,
            changed: submission ? was?.description !== f.description : null,
          },
        ];
      }),
    },
  ];
  if (listed) {
    sections.push(
      {
        tab: "general",
        label: "General info",
        hint: HINTS.general,
        fields: [
          { ...plain("categories"), text: data.categories.join("\n"), label: "App categories (one per line)" },
          plain("summary", LIMITS.summary, true),
          rich("description", LIMITS.description),
          plain("videoUrl"),
        ],
      },
      {
        tab: "setup",
        label: "Installation",
        hint: HINTS.setup,
        fields: [
          rich("setupInstructions", LIMITS.setupInstructions),
          ...data.onboarding.blocks.flatMap((b, i) => [
            {
              id: `onboarding.blocks.${i}.title`,
              field: "onboarding" as const,
              label: `Onboarding block ${i + 1}: title`,
              text: b.title,
              html: null,
              count: [...b.title].length,
              limit: LIMITS.onboardingTitle,
              required: false,
              changed: changed("onboarding"),
            },
            {
              id: `onboarding.blocks.${i}.description`,
              field: "onboarding" as const,
              label: `Onboarding block ${i + 1}: description`,
              text: b.description,
              html: null,
              count: [...b.description].length,
              limit: LIMITS.onboardingDescription,
              required: false,
              changed: changed("onboarding"),
            },
          ]),
          ...(data.onboarding.videoUrl
            ? [
                {
                  id: "onboarding.videoUrl",
                  field: "onboarding" as const,
                  label: "Onboarding video link",
                  text: data.onboarding.videoUrl,
                  html: null,
                  count: null,
                  limit: null,
                  required: false,
                  changed: changed("onboarding"),
                },
                {
                  id: "onboarding.videoTitle",
                  field: "onboarding" as const,
                  label: "Onboarding video title",
                  text: data.onboarding.videoTitle,
                  html: null,
                  count: [...data.onboarding.videoTitle].length,
                  limit: LIMITS.onboardingVideoTitle,
                  required: false,
                  changed: changed("onboarding"),
                },
                {
                  id: "onboarding.videoDescription",
                  field: "onboarding" as const,
                  label: "Onboarding video description",
                  text: data.onboarding.videoDescription,
                  html: null,
                  count: [...data.onboarding.videoDescription].length,
                  limit: LIMITS.onboardingVideoDescription,
                  required: false,
                  changed: changed("onboarding"),
                },
              ]
            : []),
        ],
      },
      {
        tab: "support",
        label: "Support & legal",
        hint: HINTS.support,
        fields: [
          plain("websiteUrl", null, true),
          plain("pricingUrl", null, true),
          plain("termsUrl", null, true),
          plain("privacyUrl", null, true),
          plain("supportUrl"),
          plain("supportEmail"),
          plain("documentationUrl"),
          plain("issueTrackerUrl"),
        ],
      },
      {
        tab: "review",
        label: "Review info",
        hint: HINTS.review,
        fields: [plain("contactEmail", null, true), plain("useCase", LIMITS.useCase), plain("installFlowRecordingUrl")],
      },
    );
  }
  // Developer Hub's order of tabs.
  sections.sort((a, b) => TABS.findIndex((t) => t.id === a.tab) - TABS.findIndex((t) => t.id === b.tab));
  return {
    kind: app.type,
    submission: submission ? { versionNumber: submission.versionNumber, submittedOn: submission.submittedOn } : null,
    sections,
    media: listed ? await mediaOf(appId, data) : [],
  };
}
