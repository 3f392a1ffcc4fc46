import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

// The CRM connection is set up on this server (its consent starts without writing anything).
process.env.PIPEDRIVE_CRM_CLIENT_ID = "crm-client";
process.env.PIPEDRIVE_CRM_CLIENT_SECRET = "crm-secret";

/**
 * The server actions' half of the tenant-isolation matrix: each action's use case, called by an
 * owner of workspace B with workspace A's ids, is NOT_FOUND and changes nothing of A; the
 * actions that create take no foreign id and act on B's own workspace. (entry-points.test.ts
 * checks that every action of the app is named here.)
 */
setupTestDatabase();
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const share = await import("@/lib/share/service");
const submission = {
  ...(await import("@/lib/submission/service")),
  ...(await import("@/lib/submission/feedback")),
};
const gateway = {
  ...(await import("@/lib/gateway/deliveries")),
  ...(await import("@/lib/gateway/settings")),
};
const marketplacePage = await import("@/lib/sync/listing-url-setting");
const versions = await import("@/lib/listing/versions");
const inbox = await import("@/lib/reviews/inbox");
const sync = await import("@/lib/sync/sync");
const syncRuns = await import("@/lib/sync/runs");
const webhooks = await import("@/lib/alerts/webhooks");
const tokens = await import("@/lib/api-tokens/service");
const tz = await import("@/lib/analytics/timezone");
const members = await import("@/lib/team/members");
const invitations = await import("@/lib/team/invitations");
const { findCurrentMembership } = await import("@/lib/team/workspace");
const competitors = await import("@/lib/competitors/service");
const notifications = await import("@/lib/notifications/service");
const email = await import("@/lib/notifications/email");
const alertRules = await import("@/lib/alerts/rules");
const home = await import("@/lib/home/checklist");
const customers = await import("@/lib/customers/customer");
const outreach = await import("@/lib/outreach/settings");
const crm = { ...(await import("@/lib/crm/connection")), ...(await import("@/lib/crm/view")) };
const { ingestEvents } = await import("@/lib/installs/ingest");

let a: Member;
let b: Member;
const ids: Record<string, string> = {};

const owner = (company: number) => createOwner(db, company, `Owner ${company}`);

beforeAll(async () => {
  a = await owner(901);
  b = await owner(902);
  const app = await apps.createApp(a, {
    name: "A's App",
    type: "PUBLIC",
    clientId: "a-app",
    callbackUrl: "https://a.example.com/cb",
  });
  ids.app = app.id;
  ids.link = (await share.createShareLink(a, app.id, { label: "A", target: "draft", expiresIn: "never" })).link.id;
  ids.version = (await versions.saveVersion(a, app.id, { label: "v1" })).id;
  ids.feedback = (await submission.addFeedback(a, app.id, { field: "summary", message: "Shorter" })).id;
  ids.comment = (
    await db.listingComment.create({
      data: { appId: app.id, shareLinkId: ids.link, authorName: "Visitor", body: "Nice", section: "summary" },
    })
  ).id;
  ids.delivery = (
    await db.outboxMessage.create({
      data: { appId: app.id, kind: "HANDOFF", url: "https://a.example.com/h", body: "x", status: "FAILED" },
    })
  ).id;
  ids.review = (
    await db.review.create({
      data: { appId: app.id, externalKey: "id:1", source: "SYNC", author: "Ann", stars: 4, text: "ok" },
    })
  ).id;
  ids.template = (await inbox.saveTemplate(a, null, { name: "Thanks", body: "Thanks!" })).id;
  ids.webhook = (
    await webhooks.createWebhook(a, {
      name: "Hook",
      url: "https://hooks.example.com/a",
      format: "JSON",
      events: ["NEW_REVIEW"],
    })
  ).id;
  ids.alertDelivery = (
    await db.outboxMessage.create({
      data: {
        appId: app.id,
        kind: "ALERT",
        url: "https://hooks.example.com/a",
        body: "x",
        webhookId: ids.webhook,
        status: "FAILED",
      },
    })
  ).id;
  ids.token = (await tokens.createApiToken(a, { name: "A token" })).id;
  ids.rule = (await alertRules.createRule(a, { name: "A's rule", event: "NEW_REVIEW", inApp: true })).id;
  ids.notification = (
    await db.notification.create({
      data: { userId: a.user.id, workspaceId: a.workspace.id, kind: "ALERT", title: "A's alert", link: "/reviews" },
    })
  ).id;
  ids.competitor = (
    await db.competitor.create({
      data: {
        workspaceId: a.workspace.id,
        appId: app.id,
        clientId: "rival-1",
        name: "Rival",
        url: "https://www.pipedrive.com/en/marketplace/app/rival/rival-1",
      },
    })
  ).id;
  ids.invitation = (await invitations.createInvitation(a, { role: "EDITOR" })).id;
  const asker = await db.user.create({ data: { pipedriveCompanyId: 901, pipedriveUserId: 2, name: "Asker" } });
  ids.request = (await db.accessRequest.create({ data: { workspaceId: a.workspace.id, userId: asker.id } })).id;
  const teammate = await db.user.create({ data: { pipedriveCompanyId: 901, pipedriveUserId: 3, name: "Teammate" } });
  await db.membership.create({ data: { workspaceId: a.workspace.id, userId: teammate.id, role: "EDITOR" } });
  ids.teammate = teammate.id;
  ingestEvents(app.id, [
    {
      dedupeKey: "a-customer",
      type: "INSTALL",
      companyId: 4242,
      userId: 1,
      occurredAt: new Date(),
      source: "IMPORT",
      companyName: "A's customer",
    },
  ]);
  ids.customer = (await db.customer.findFirstOrThrow({ where: { workspaceId: a.workspace.id } })).id;
  await db.crmConnection.create({
    data: {
      workspaceId: a.workspace.id,
      companyId: 901,
      apiDomain: "https://a.pipedrive.com",
      accessToken: "sealed",
      refreshToken: "sealed",
      accessExpiresAt: new Date(),
      connectedByName: "Owner 901",
    },
  });
  ids.crmPush = (
    await db.outboxMessage.create({
      data: { appId: app.id, kind: "CRM_PUSH", url: "", body: "{}", status: "FAILED" },
    })
  ).id;
});

/** Action → what B's owner does with A's ids (and expects NOT_FOUND). */
const FOREIGN: Record<string, () => Promise<unknown>> = {
  createShareLinkAction: () => share.createShareLink(b, ids.app!, { label: "x", target: "draft", expiresIn: "never" }),
  revokeShareLinkAction: () => share.revokeShareLink(b, ids.app!, ids.link),
  changeStatusAction: () => submission.changeStatus(b, ids.app!, { transition: "submit" }),
  pendingChangesAction: () => submission.actOnPendingChanges(b, ids.app!, { action: "submit-changes" }),
  addFeedbackAction: () => submission.addFeedback(b, ids.app!, { field: "summary", message: "x" }),
  resolveFeedbackAction: () => submission.resolveFeedback(b, ids.app!, ids.feedback),
  resolveCommentAction: () => share.resolveComment(b, ids.app!, ids.comment),
  updateGatewayAction: () => gateway.updateGatewaySettings(b, ids.app!, { handoffMode: "RECORD_ONLY" }),
  revealSigningSecretAction: () => gateway.revealHandoffSecret(b, ids.app!),
  retryDeliveryAction: () => gateway.retryDelivery(b, ids.app!, ids.delivery),
  putGatewayInListingAction: () => gateway.putGatewayInListing(b, ids.app!),
  updateListingUrlAction: () => marketplacePage.updateListingUrl(b, ids.app!, { listingUrl: "" }),
  checkListingPageAction: () => marketplacePage.checkListingPage(b, ids.app!, { listingUrl: "" }),
  saveVersionAction: () => versions.saveVersion(b, ids.app!, { label: "x" }),
  restoreVersionAction: () => versions.restoreVersion(b, ids.app!, ids.version),
  setClientSecretAction: () => apps.setClientSecret(b, ids.app!, { clientSecret: "x" }),
  setClientIdAction: () => apps.setClientId(b, ids.app!, { clientId: "x" }),
  setArchivedAction: () => apps.setArchived(b, ids.app!, true),
  deleteAppAction: () => apps.deleteApp(b, ids.app!, "A's App"),
  updateReviewAction: () => inbox.updateReview(b, ids.review, { status: "WONT_REPLY" }),
  markRepliedAction: () => inbox.markReplied(b, ids.review, { replyText: "x" }),
  addReviewAction: () => inbox.addManualReview(b, { appId: ids.app, author: "x", stars: 3, reviewedAt: "2026-01-01" }),
  saveTemplateAction: () => inbox.saveTemplate(b, ids.template!, { name: "Mine", body: "x" }),
  deleteTemplateAction: () => inbox.deleteTemplate(b, ids.template),
  setWebhookEnabledAction: () => webhooks.setWebhookEnabled(b, ids.webhook, false),
  deleteWebhookAction: () => webhooks.deleteWebhook(b, ids.webhook),
  sendTestAlertAction: () => webhooks.sendTestAlert(b, ids.webhook),
  resendDeliveryAction: () => webhooks.resendDelivery(b, ids.alertDelivery),
  saveAlertRuleAction: () => alertRules.updateRule(b, ids.rule, { name: "Mine", event: "NEW_REVIEW", inApp: true }),
  setAlertRuleEnabledAction: () => alertRules.setRuleEnabled(b, ids.rule, false),
  deleteAlertRuleAction: () => alertRules.deleteRule(b, ids.rule),
  revokeApiTokenAction: () => tokens.revokeApiToken(b, ids.token),
  changeRoleAction: () => members.changeRole(b, ids.teammate, { role: "VIEWER" }),
  removeMemberAction: () => members.removeMember(b, ids.teammate),
  revokeInvitationAction: () => invitations.revokeInvitation(b, ids.invitation),
  decideAccessAction: () => invitations.decideAccessRequest(b, ids.request, { approve: true, role: "OWNER" }),
  addCompetitorAction: () =>
    competitors.addCompetitor(b, ids.app!, { url: "https://www.pipedrive.com/en/marketplace/app/x/other-1" }),
  removeCompetitorAction: () => competitors.removeCompetitor(b, ids.competitor),
  markReadAction: () => notifications.markRead(b, ids.notification),
  addCustomerNoteAction: () => customers.addCustomerNote(b, ids.customer, { body: "x" }),
  setCustomerTagsAction: () => customers.setCustomerTags(b, ids.customer, { tags: ["x"] }),
  eraseCustomerAction: () => customers.eraseCustomer(b, ids.customer, "4242"),
  retryCrmPushAction: () => crm.retryCrmPush(b, ids.crmPush),
  saveRequestSettingsAction: () =>
    outreach.saveRequestSettings(b, ids.app!, {
      requestsOn: true,
      requestDays: 14,
      askExisting: false,
      senderName: "",
      requestSubject: "x",
      requestBody: "x",
      quietFrom: 20,
      quietTo: 9,
    }),
  saveSurveySettingsAction: () =>
    outreach.saveSurveySettings(b, ids.app!, { surveyOn: true, reasons: [{ label: "a" }, { label: "b" }] }),
};

/** Actions without a foreign id: they act on the caller's own workspace only. */
const OWN: Record<string, () => Promise<void>> = {
  // Puts away the caller's own checklist: no one else's.
  dismissChecklistAction: async () => {
    await home.dismissChecklist(b);
    const dismissed = await db.membership.findMany({ where: { checklistDismissedAt: { not: null } } });
    expect(dismissed.map((m) => m.userId)).toEqual([b.user.id]);
  },
  // It takes no id at all: the only address it writes to is the caller's own (SMTP is off here, so it says so).
  sendTestEmailAction: async () => {
    await expect(email.sendTestEmail(b)).rejects.toMatchObject({ code: "CONFLICT" });
  },
  savePreferencesAction: async () => {
    await notifications.savePreferences(b, { kinds: [{ kind: "ALERT", inApp: true, email: false }] });
    expect(await db.notificationPreference.count({ where: { userId: b.user.id } })).toBe(1);
    expect(await db.notificationPreference.count({ where: { userId: a.user.id } })).toBe(0);
  },
  createAppAction: async () => {
    const created = await apps.createApp(b, {
      name: "B's App",
      type: "PRIVATE",
      clientId: "b-app",
      callbackUrl: "https://b.example.com/cb",
    });
    expect((await db.app.findUniqueOrThrow({ where: { id: created.id } })).workspaceId).toBe(b.workspace.id);
  },
  startSyncAction: async () =>
    expect((await syncRuns.startRun(b.workspace.id, "MANUAL", b.user.id)).run.workspaceId).toBe(b.workspace.id),
  createWebhookAction: async () => {
    const { id } = await webhooks.createWebhook(b, {
      name: "B hook",
      url: "https://hooks.example.com/b",
      format: "SLACK",
      events: ["LOW_RATING"],
    });
    expect((await db.alertWebhook.findUniqueOrThrow({ where: { id } })).workspaceId).toBe(b.workspace.id);
  },
  createApiTokenAction: async () => {
    const { token } = await tokens.createApiToken(b, { name: "B token" });
    expect((await tokens.tokenOf(`Bearer ${token}`)).workspaceId).toBe(b.workspace.id);
  },
  setTimeZoneAction: async () => {
    await tz.setWorkspaceTimeZone(b, { timeZone: "Europe/Tallinn" });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: a.workspace.id } })).timeZone).toBe("UTC");
  },
  createInvitationAction: async () =>
    expect(
      (
        await db.invitation.findUniqueOrThrow({
          where: { id: (await invitations.createInvitation(b, { role: "VIEWER" })).id },
        })
      ).workspaceId,
    ).toBe(b.workspace.id),
  leaveWorkspaceAction: async () => {
    // The last owner of B cannot leave; nothing of A is touched either way.
    await expect(members.leaveWorkspace(b)).rejects.toMatchObject({ code: "CONFLICT" });
  },
  switchWorkspaceAction: async () =>
    expect((await findCurrentMembership(b.user.id, a.workspace.id))?.workspace.id).toBe(b.workspace.id),
  acceptInvitationAction: async () => {
    // Only the holder of the link's token joins; an id is not a token.
    await expect(invitations.acceptInvitation(b.user, ids.invitation!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  },
  requestAccessAction: async () => {
    // B's owner asks to join B (their own company), never A.
    await expect(invitations.requestAccess(b.user)).rejects.toMatchObject({ code: "CONFLICT" });
  },
  // Starting a connection writes nothing: the state goes to B's own cookie.
  connectCrmAction: async () => expect(crm.startConnect(b).url).toContain("state="),
  // B has no connection: nothing to disconnect, save or push; A's stays.
  disconnectCrmAction: async () => expect(await crm.disconnect(b)).toBeUndefined(),
  saveCrmSettingsAction: async () =>
    await expect(
      crm.saveCrmSettings(b, {
        createPerson: true,
        target: "NONE",
        pipelineId: null,
        stageId: null,
        onUninstall: "NONE",
        reopenOnReinstall: true,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" }),
  startBackfillAction: async () => await expect(crm.startBackfill(b)).rejects.toMatchObject({ code: "CONFLICT" }),
};

describe("server actions across workspaces", () => {
  it.each(Object.keys(FOREIGN))("%s with another workspace's ids is NOT_FOUND", async (name) => {
    await expect(FOREIGN[name]!()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each(Object.keys(OWN))("%s acts on the caller's own workspace only", async (name) => {
    await OWN[name]!();
  });

  it("left all of workspace A as it was", async () => {
    const app = await db.app.findUniqueOrThrow({ where: { id: ids.app } });
    expect([app.status, app.archivedAt, app.clientSecret]).toEqual(["DRAFT", null, null]);
    expect(await db.shareLink.count({ where: { appId: ids.app, revokedAt: null } })).toBe(1);
    expect((await db.review.findUniqueOrThrow({ where: { id: ids.review } })).status).toBe("NEW");
    expect((await db.membership.findFirstOrThrow({ where: { userId: ids.teammate } })).role).toBe("EDITOR");
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: ids.request } })).status).toBe("PENDING");
    expect(await db.auditEvent.count({ where: { workspaceId: a.workspace.id, actorId: b.user.id } })).toBe(0);
    expect(await db.competitor.count({ where: { appId: ids.app } })).toBe(1);
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: ids.rule } })).toMatchObject({
      name: "A's rule",
      enabled: true,
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: ids.notification } })).readAt).toBeNull();
    expect(await db.customer.findUniqueOrThrow({ where: { id: ids.customer } })).toMatchObject({
      companyName: "A's customer",
      tags: "[]",
      erasedAt: null,
    });
    expect(await db.crmConnection.count({ where: { workspaceId: a.workspace.id } })).toBe(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: ids.crmPush } })).status).toBe("FAILED");
  });
});
