import { AppError } from "@/lib/errors";

/**
 * The three kinds of Pipedrive integration ("About the Marketplace"), fixed when the app is created.
 * What each one has decides which pages, tabs, checks and syncs exist for it: every place that
 * shows or does something for only some apps asks here.
 */
export const APP_TYPES = ["PUBLIC", "PRIVATE", "API_TOKEN"] as const;
export type AppType = (typeof APP_TYPES)[number];

/** A stored type (a string column): an unknown value is the most common kind, a public app. */
export function appType(value: string): AppType {
  return (APP_TYPES as readonly string[]).includes(value) ? (value as AppType) : "PUBLIC";
}

/**
 * - listing: app details drafted for Developer Hub (editor, preview, share links, versions, status)
 * - marketplace: a public listing page: Pipedrive's review, ratings, reviews and votes, collections
 *   and category ranks, competitors, the sync
 * - oauth: a client id and callback: the install gateway, the client secret, Developer Hub's OAuth tab
 */
export type AppFeature = "listing" | "marketplace" | "oauth";

const FEATURES: Record<AppType, ReadonlySet<AppFeature>> = {
  PUBLIC: new Set(["listing", "marketplace", "oauth"]),
  PRIVATE: new Set(["listing", "oauth"]),
  API_TOKEN: new Set(),
};

export const hasFeature = (type: AppType, feature: AppFeature) => FEATURES[type].has(feature);

export const APP_TYPE_LABELS: Record<AppType, string> = {
  PUBLIC: "Public app",
  PRIVATE: "Private app",
  API_TOKEN: "API-token integration",
};

/** What a request for something the app's type does not have is told (a 409: the app is fine, the ask is not). */
const MISSING: Record<AppFeature, string> = {
  listing: "has no listing to draft: it is not in Developer Hub's app list",
  marketplace: "has no Marketplace page: it is not listed, reviewed or rated",
  oauth: "has no OAuth client: it is installed with a user's API token, not through a callback",
};

const SUBJECT: Record<AppType, string> = {
  PUBLIC: "A public app",
  PRIVATE: "A private app",
  API_TOKEN: "An API-token integration",
};

export function featureMissing(type: AppType, feature: AppFeature) {
  return new AppError("CONFLICT", `${SUBJECT[type]} ${MISSING[feature]}`);
}

/** Throws featureMissing unless the app's type has the feature. */
export function requireFeature(app: { type: AppType }, feature: AppFeature) {
  if (!hasFeature(app.type, feature)) throw featureMissing(app.type, feature);
}

/** Where an app opens: its listing, or its installs when it has none. */
export const appHome = (app: { id: string; type: AppType }) =>
  `/apps/${app.id}/${hasFeature(app.type, "listing") ? "listing" : "installs"}`;

/** The side-by-side comparison the new-app form shows, row by row. */
export const APP_TYPE_COMPARISON: { label: string; values: Record<AppType, string | boolean> }[] = [
  { label: "Listing page on the Marketplace", values: { PUBLIC: true, PRIVATE: false, API_TOKEN: false } },
  { label: "Reviewed by Pipedrive", values: { PUBLIC: true, PRIVATE: false, API_TOKEN: false } },
  { label: "Ratings, reviews and votes", values: { PUBLIC: true, PRIVATE: false, API_TOKEN: false } },
  {
    label: "How a company installs it",
    values: {
      PUBLIC: "One click on the Marketplace",
      PRIVATE: "An unlisted install link",
      API_TOKEN: "Pastes an API token into your product",
    },
  },
  { label: "Co-marketing by Pipedrive", values: { PUBLIC: true, PRIVATE: false, API_TOKEN: false } },
  {
    label: "Install tracking here",
    values: {
      PUBLIC: "Install gateway, events API, imports",
      PRIVATE: "Install gateway, events API, imports",
      API_TOKEN: "Events API and imports only",
    },
  },
];

export const APP_TYPE_SUMMARY: Record<AppType, string> = {
  PUBLIC: "OAuth app listed on the Marketplace after Pipedrive's review.",
  PRIVATE: "OAuth app installed by an unlisted link: no review, listing or ratings.",
  API_TOKEN: "Uses a user's API token: no listing, reviews, votes or co-marketing.",
};

/** A type that has a listing (and so a status workflow and a readiness checklist). */
export type ListedType = Exclude<AppType, "API_TOKEN">;

/** The app's type, when it has a listing; a 409 otherwise. */
export function listedType(app: { type: AppType }): ListedType {
  requireFeature(app, "listing");
  return app.type as ListedType;
}
