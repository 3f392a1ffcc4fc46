/**
 * Every entry point of the app and how tenant isolation is checked for it. `lib/security/
 * entry-points.test.ts` compares this list with the files (pages, route handlers, server
 * actions) and fails when one is missing; `e2e/isolation.spec.ts` runs the checks for pages and
 * route handlers with a member of another workspace.
 */
export type Ids = {
  appId: string;
  assetId: string;
  runId: string;
  captureId: string;
  customerId: string;
  appName: string;
  workspaceId: string;
};

/** How a page answers a member of another workspace. */
export type PageCheck =
  | { kind: "foreign-id"; url: (a: Ids) => string } // A's id in B's session: the not-found page
  | { kind: "own-data"; url: string } // workspace-scoped without ids: B never sees A's data
  | { kind: "public" | "token" | "internal"; note: string };

export const PAGES: Record<string, PageCheck> = {
  "(marketing)/page": { kind: "public", note: "landing page, prerendered, no data" },
  "(marketing)/signin/page": { kind: "public", note: "sign-in, prerendered, no data" },
  "[...missing]/page": { kind: "public", note: "any unknown address: the not-found page, no data" },
  "(account)/access/page": {
    kind: "public",
    note: "signed-in user without a workspace; shows only their company's workspace name",
  },
  "(marketing)/invite/[token]/page": { kind: "token", note: "an invite token (256 bits, hashed)" },
  "(dashboard)/apps/page": { kind: "own-data", url: "/apps" },
  "(dashboard)/apps/new/page": { kind: "own-data", url: "/apps/new" },
  "(dashboard)/analytics/page": { kind: "foreign-id", url: (a) => `/analytics?app=${a.appId}` },
  "(dashboard)/reviews/page": { kind: "own-data", url: "/reviews?status=all" },
  "(dashboard)/reviews/alerts/page": { kind: "own-data", url: "/reviews/alerts" },
  "(dashboard)/reviews/sync/page": { kind: "own-data", url: "/reviews/sync" },
  "(dashboard)/reviews/templates/page": { kind: "own-data", url: "/reviews/templates" },
  "(dashboard)/settings/page": { kind: "own-data", url: "/settings" },
  "(dashboard)/team/page": { kind: "own-data", url: "/team" },
  "(dashboard)/team/audit/page": { kind: "own-data", url: "/team/audit" },
  "(dashboard)/customers/page": { kind: "own-data", url: "/customers" },
  "(dashboard)/customers/[customerId]/page": { kind: "foreign-id", url: (a) => `/customers/${a.customerId}` },
  "(dashboard)/apps/[appId]/customers/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/customers` },
  "(dashboard)/apps/[appId]/outreach/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/outreach` },
  "(dashboard)/apps/[appId]/installs/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/installs` },
  "(dashboard)/notifications/page": { kind: "own-data", url: "/notifications" },
  "(dashboard)/notifications/settings/page": { kind: "own-data", url: "/notifications/settings" },
  "(dashboard)/apps/[appId]/positions/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/positions` },
  "(dashboard)/apps/[appId]/competitors/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/competitors` },
  "(dashboard)/apps/[appId]/listing/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/listing` },
  "(dashboard)/apps/[appId]/preview/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/preview` },
  "(dashboard)/apps/[appId]/submission/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/submission` },
  "(dashboard)/apps/[appId]/developer-hub/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/developer-hub` },
  "(dashboard)/apps/[appId]/settings/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/settings` },
  "(dashboard)/apps/[appId]/versions/page": { kind: "foreign-id", url: (a) => `/apps/${a.appId}/versions` },
  "(dashboard)/switch/page": {
    kind: "foreign-id",
    url: (a) => `/switch?workspace=${a.workspaceId}&next=/apps/${a.appId}/listing`,
  },
};

/** How a route handler answers a member of another workspace (status expected), or why it has no workspace. */
export type RouteCheck = (
  | { kind: "foreign-id"; url: (a: Ids) => string; body?: { type: string; data: string }; status: 404 }
  | { kind: "own-data"; url: string }
  | { kind: "public" | "token" | "secret"; note: string }
) &
  StateChanging;

/**
 * For each route that changes something (POST, PUT, PATCH, DELETE): its origin rule —
 * `same-origin` (lib/security/origin.ts: the request comes from Listing Studio's own pages, with a
 * content type the route reads), or why it is exempt —, what its rate limit counts by, and the most
 * of a body it reads (bytes; `none` when it reads none): a body over it, declared or streamed, is
 * refused with 413 before it is held (lib/security/size-limits.test.ts, e2e/size-limits.spec.ts).
 */
type StateChanging = { origin?: "same-origin" | { exempt: string }; rateLimit?: string; maxBody?: number | "none" };

export const ROUTES: Record<string, RouteCheck> = {
  "POST api/apps/[appId]/assets": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/assets?kind=icon`,
    body: { type: "multipart/form-data; boundary=x", data: "x" },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: members only (size-limited)",
    maxBody: 10 * 1024 * 1024 + 64 * 1024,
  },
  "GET api/apps/[appId]/export": { kind: "foreign-id", url: (a) => `/api/apps/${a.appId}/export`, status: 404 },
  "GET api/apps/[appId]/developer-hub/[file]": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/developer-hub/all.zip`,
    status: 404,
  },
  "POST api/apps/[appId]/import": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/import`,
    body: { type: "application/json", data: "{}" },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: editors only (size-limited)",
    maxBody: 60 * 1024 * 1024 + 64 * 1024,
  },
  "POST api/apps/[appId]/installations/import": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/installations/import`,
    body: { type: "application/json", data: '{"rows":[]}' },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: editors only (size-limited)",
    maxBody: 2_000_000,
  },
  "GET api/apps/[appId]/installations": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/installations`,
    status: 404,
  },
  "GET api/apps/[appId]/link-checks": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/link-checks`,
    status: 404,
  },
  "POST api/apps/[appId]/link-checks": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/link-checks`,
    body: { type: "application/json", data: "{}" },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: editors only; each link at most once per run",
    maxBody: "none",
  },
  "GET api/apps/[appId]/listing": { kind: "foreign-id", url: (a) => `/api/apps/${a.appId}/listing`, status: 404 },
  "PUT api/apps/[appId]/listing": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/listing`,
    body: { type: "application/json", data: '{"revision":1,"data":{}}' },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: editors only (autosave)",
    maxBody: 1_000_000,
  },
  "GET api/assets/[assetId]": { kind: "foreign-id", url: (a) => `/api/assets/${a.assetId}`, status: 404 },
  "POST api/reviews/import": {
    kind: "foreign-id",
    url: (a) => `/api/reviews/import?appId=${a.appId}&dryRun=1`,
    body: { type: "text/csv", data: "author,stars,date\nA,5,2026-01-01\n" },
    status: 404,
    origin: "same-origin",
    rateLimit: "none: editors only (size-limited)",
    maxBody: 2_000_000,
  },
  "GET api/sync/runs/[runId]": { kind: "foreign-id", url: (a) => `/api/sync/runs/${a.runId}`, status: 404 },
  "GET api/sync/captures/[captureId]": {
    kind: "foreign-id",
    url: (a) => `/api/sync/captures/${a.captureId}`,
    status: 404,
  },
  "GET api/audit": { kind: "own-data", url: "/api/audit" },
  "GET api/customers": { kind: "own-data", url: "/api/customers?format=csv" },
  "GET api/apps/[appId]/survey-answers": {
    kind: "foreign-id",
    url: (a) => `/api/apps/${a.appId}/survey-answers`,
    status: 404,
  },
  "GET api/crm/callback": {
    kind: "token",
    note: "the CRM consent's return: owners only, and its state must match the cookie set when that owner started it",
  },
  "GET api/auth/[...nextauth]": { kind: "public", note: "Auth.js sign-in and callbacks" },
  "GET api/health": { kind: "public", note: "load-balancer health check: database up or not, no data" },
  "POST api/auth/[...nextauth]": {
    kind: "public",
    note: "Auth.js sign-in and sign-out (Auth.js also checks its own CSRF token)",
    origin: "same-origin",
    rateLimit: "signin, per client address",
    maxBody: 16_000,
  },
  "POST api/cron/sync": {
    kind: "secret",
    note: "Bearer CRON_SECRET (route tests)",
    origin: { exempt: "a Bearer secret, no cookie" },
    rateLimit: "cron, per client address, before the secret is checked",
    maxBody: "none",
  },
  "POST api/cron/outreach": {
    kind: "secret",
    note: "Bearer CRON_SECRET (lib/outreach/survey.test.ts)",
    origin: { exempt: "a Bearer secret, no cookie" },
    rateLimit: "cron, per client address, before the secret is checked",
    maxBody: "none",
  },
  "GET r/[code]": {
    kind: "token",
    note: "an app's review link: redirects to its listing's reviews and counts the open (outreach spec)",
  },
  "GET survey/[token]": {
    kind: "token",
    note: "the uninstall survey of one uninstall, signed and expiring (lib/outreach/survey.test.ts)",
  },
  "POST survey/[token]": {
    kind: "public",
    note: "the survey's answer, once per uninstall (outreach spec, lib/outreach/survey.test.ts)",
    origin: "same-origin",
    rateLimit: "survey, per client address",
    maxBody: 16_000,
  },
  "GET unsubscribe/customer/[token]": {
    kind: "token",
    note: "a customer's unsubscribe from review requests and surveys: asks, changes nothing",
  },
  "POST unsubscribe/customer/[token]": {
    kind: "token",
    note: "the workspace and the address's hash, signed with AUTH_SECRET (lib/outreach/requests.test.ts)",
    origin: { exempt: "no cookie: a signed link, also posted by mail providers (RFC 8058 one-click)" },
    rateLimit: "survey, per client address",
    maxBody: "none",
  },
  "GET p/[token]": {
    kind: "token",
    note: "the share page, and ?asset= the images of that link's listing only (share spec)",
  },
  "POST p/[token]": {
    kind: "token",
    note: "?comment=1, a share token (share spec)",
    origin: { exempt: "no cookie: a visitor without an account, on a public link" },
    rateLimit: "comment, per link and client address",
    maxBody: 16_000,
  },
  "GET unsubscribe/[token]": {
    kind: "token",
    note: "an unsubscribe link from a notification email: asks, changes nothing (notifications spec)",
  },
  "POST unsubscribe/[token]": {
    kind: "token",
    note: "the person and the kind, signed with AUTH_SECRET (lib/notifications/email.test.ts)",
    origin: { exempt: "no cookie: a signed link, also posted by mail providers (RFC 8058 one-click)" },
    rateLimit: "unsubscribe, per client address",
    maxBody: "none",
  },
  "POST api/v1/apps/[appId]/events": {
    kind: "secret",
    note: "Bearer workspace API token; another workspace's token gets 404 (events-api spec)",
    origin: { exempt: "a Bearer API token, no cookie" },
    rateLimit: "events, per token once authenticated; failures per client address",
    maxBody: 1_000_000,
  },
  "GET callback/[appKey]": { kind: "public", note: "the install gateway: Pipedrive's OAuth callback (gateway spec)" },
  "DELETE callback/[appKey]": {
    kind: "secret",
    note: "Basic auth with the app's client id and secret (gateway spec)",
    origin: { exempt: "Basic auth from Pipedrive, no cookie" },
    rateLimit:
      "none once authenticated (Pipedrive sends each uninstall once); failures under gateway, per client address and app",
    maxBody: 65_536,
  },
  "GET install/[appKey]": { kind: "public", note: "the install gateway's Installation URL" },
  "GET (marketing)/signin/resume": {
    kind: "public",
    note: "/signin with a session cookie: the signed-in person's own return path, or the sign-in page (auth-routes spec)",
  },
};

/**
 * Server actions: each calls `requireMember(role)` and a use case that scopes every id to the
 * member's workspace; the use cases are checked with members of another workspace and each role
 * in the test file named here (which must name the use case).
 */
export const ACTIONS: Record<string, { useCase: string; test: string } | { public: string }> = {
  "lib/actions/share#createShareLinkAction": { useCase: "createShareLink", test: "lib/share/service.test.ts" },
  "lib/actions/share#revokeShareLinkAction": { useCase: "revokeShareLink", test: "lib/share/service.test.ts" },
  "lib/actions/submission#changeStatusAction": { useCase: "changeStatus", test: "lib/submission/service.test.ts" },
  "lib/actions/submission#pendingChangesAction": {
    useCase: "actOnPendingChanges",
    test: "lib/submission/service.test.ts",
  },
  "lib/actions/submission#addFeedbackAction": { useCase: "addFeedback", test: "lib/submission/service.test.ts" },
  "lib/actions/submission#resolveFeedbackAction": {
    useCase: "resolveFeedback",
    test: "lib/submission/service.test.ts",
  },
  "lib/actions/submission#resolveCommentAction": { useCase: "resolveComment", test: "lib/share/service.test.ts" },
  "lib/actions/gateway#updateGatewayAction": { useCase: "updateGatewaySettings", test: "lib/gateway/gateway.test.ts" },
  "lib/actions/gateway#revealSigningSecretAction": {
    useCase: "revealHandoffSecret",
    test: "lib/gateway/gateway.test.ts",
  },
  "lib/actions/gateway#retryDeliveryAction": { useCase: "retryDelivery", test: "lib/gateway/gateway.test.ts" },
  "lib/actions/gateway#putGatewayInListingAction": {
    useCase: "putGatewayInListing",
    test: "lib/gateway/gateway.test.ts",
  },
  "lib/actions/versions#saveVersionAction": { useCase: "saveVersion", test: "lib/apps/permissions.test.ts" },
  "lib/actions/versions#restoreVersionAction": { useCase: "restoreVersion", test: "lib/apps/permissions.test.ts" },
  "lib/actions/apps#createAppAction": { useCase: "createApp", test: "lib/apps/permissions.test.ts" },
  "lib/actions/apps#setClientSecretAction": { useCase: "setClientSecret", test: "lib/apps/permissions.test.ts" },
  "lib/actions/apps#setClientIdAction": { useCase: "setClientId", test: "lib/apps/permissions.test.ts" },
  "lib/actions/customers#addCustomerNoteAction": {
    useCase: "addCustomerNote",
    test: "lib/customers/customers.test.ts",
  },
  "lib/actions/customers#setCustomerTagsAction": {
    useCase: "setCustomerTags",
    test: "lib/customers/customers.test.ts",
  },
  "lib/actions/customers#eraseCustomerAction": { useCase: "eraseCustomer", test: "lib/customers/customers.test.ts" },
  "lib/actions/outreach#saveRequestSettingsAction": {
    useCase: "saveRequestSettings",
    test: "lib/outreach/requests.test.ts",
  },
  "lib/actions/outreach#saveSurveySettingsAction": {
    useCase: "saveSurveySettings",
    test: "lib/outreach/survey.test.ts",
  },
  "lib/actions/crm#connectCrmAction": { useCase: "startConnect", test: "lib/crm/crm.test.ts" },
  "lib/actions/crm#disconnectCrmAction": { useCase: "disconnect", test: "lib/crm/crm.test.ts" },
  "lib/actions/crm#saveCrmSettingsAction": { useCase: "saveCrmSettings", test: "lib/crm/crm.test.ts" },
  "lib/actions/crm#startBackfillAction": { useCase: "startBackfill", test: "lib/crm/crm.test.ts" },
  "lib/actions/crm#retryCrmPushAction": { useCase: "retryCrmPush", test: "lib/crm/crm.test.ts" },
  "lib/actions/home#dismissChecklistAction": { useCase: "dismissChecklist", test: "lib/home/checklist.test.ts" },
  "lib/actions/apps#setArchivedAction": { useCase: "setArchived", test: "lib/apps/permissions.test.ts" },
  "lib/actions/apps#deleteAppAction": { useCase: "deleteApp", test: "lib/apps/permissions.test.ts" },
  "lib/actions/marketplace-page#updateListingUrlAction": {
    useCase: "updateListingUrl",
    test: "lib/sync/listing-url-setting.test.ts",
  },
  "lib/actions/marketplace-page#checkListingPageAction": {
    useCase: "checkListingPage",
    test: "lib/sync/listing-url-setting.test.ts",
  },
  "lib/actions/reviews#updateReviewAction": { useCase: "updateReview", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#markRepliedAction": { useCase: "markReplied", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#addReviewAction": { useCase: "addManualReview", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#saveTemplateAction": { useCase: "saveTemplate", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#deleteTemplateAction": { useCase: "deleteTemplate", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#startSyncAction": { useCase: "startManualSync", test: "lib/sync/sync.test.ts" },
  "lib/actions/reviews#createWebhookAction": { useCase: "createWebhook", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#setWebhookEnabledAction": { useCase: "setWebhookEnabled", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#deleteWebhookAction": { useCase: "deleteWebhook", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#sendTestAlertAction": { useCase: "sendTestAlert", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/reviews#saveAlertRuleAction": { useCase: "updateRule", test: "lib/alerts/rules.test.ts" },
  "lib/actions/reviews#setAlertRuleEnabledAction": {
    useCase: "setRuleEnabled",
    test: "lib/alerts/rules.test.ts",
  },
  "lib/actions/reviews#deleteAlertRuleAction": { useCase: "deleteRule", test: "lib/alerts/rules.test.ts" },
  "lib/actions/reviews#resendDeliveryAction": { useCase: "resendDelivery", test: "lib/reviews/inbox.test.ts" },
  "lib/actions/settings#createApiTokenAction": { useCase: "createApiToken", test: "lib/api-tokens/service.test.ts" },
  "lib/actions/settings#revokeApiTokenAction": { useCase: "revokeApiToken", test: "lib/api-tokens/service.test.ts" },
  "lib/actions/settings#setTimeZoneAction": { useCase: "setWorkspaceTimeZone", test: "lib/analytics/load.test.ts" },
  "lib/actions/team#changeRoleAction": { useCase: "changeRole", test: "lib/team/members.test.ts" },
  "lib/actions/team#removeMemberAction": { useCase: "removeMember", test: "lib/team/members.test.ts" },
  "lib/actions/team#leaveWorkspaceAction": { useCase: "leaveWorkspace", test: "lib/team/members.test.ts" },
  "lib/actions/team#createInvitationAction": { useCase: "createInvitation", test: "lib/team/members.test.ts" },
  "lib/actions/team#revokeInvitationAction": { useCase: "revokeInvitation", test: "lib/team/members.test.ts" },
  "lib/actions/team#decideAccessAction": { useCase: "decideAccessRequest", test: "lib/team/members.test.ts" },
  "lib/actions/team#switchWorkspaceAction": { useCase: "findCurrentMembership", test: "lib/team/members.test.ts" },
  "lib/actions/session#signInWithPipedrive": { public: "starts the OAuth sign-in" },
  "lib/actions/invitations#acceptInvitationAction": { useCase: "acceptInvitation", test: "lib/team/members.test.ts" },
  "lib/actions/invitations#requestAccessAction": { useCase: "requestAccess", test: "lib/team/members.test.ts" },
  "lib/actions/competitors#addCompetitorAction": { useCase: "addCompetitor", test: "lib/competitors/service.test.ts" },
  "lib/actions/competitors#removeCompetitorAction": {
    useCase: "removeCompetitor",
    test: "lib/competitors/service.test.ts",
  },
  "lib/actions/notifications#markReadAction": { useCase: "markRead", test: "lib/notifications/service.test.ts" },
  "lib/actions/notifications#savePreferencesAction": {
    useCase: "savePreferences",
    test: "lib/notifications/service.test.ts",
  },
  "lib/actions/notifications#sendTestEmailAction": {
    useCase: "sendTestEmail",
    test: "lib/notifications/email.test.ts",
  },
  "lib/actions/session#signOutAction": { public: "ends the caller's own session" },
};
