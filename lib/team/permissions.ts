import { forbidden } from "@/lib/errors";
import { hasRole, type Role } from "./roles";

/**
 * Who may do what, in one place: every use case, action, route and page asks `can` or
 * `authorize` with one of these names instead of comparing roles itself. `denied` is what a
 * member without the role is told (403).
 */
export const PERMISSIONS = {
  "workspace.read": { role: "VIEWER", denied: "Join the workspace to see it" },
  "workspace.time-zone": { role: "OWNER", denied: "Only an owner can change the workspace's time zone" },
  "team.manage-members": { role: "OWNER", denied: "Only an owner can manage members" },
  "team.invite": { role: "OWNER", denied: "Only an owner can invite people" },
  "team.revoke-invitation": { role: "OWNER", denied: "Only an owner can revoke invitations" },
  "team.decide-access": { role: "OWNER", denied: "Only an owner can decide access requests" },
  "api-token.create": { role: "OWNER", denied: "Only an owner can create API tokens" },
  "api-token.revoke": { role: "OWNER", denied: "Only an owner can revoke API tokens" },
  "app.create": { role: "EDITOR", denied: "Viewers cannot add apps" },
  "app.archive": { role: "EDITOR", denied: "Viewers cannot archive apps" },
  "app.delete": { role: "OWNER", denied: "Only an owner can delete an app" },
  "app.client-secret": { role: "OWNER", denied: "Only an owner can set the client secret" },
  "listing.edit": { role: "EDITOR", denied: "Viewers cannot edit listings" },
  "listing.import": { role: "EDITOR", denied: "Viewers cannot import listings" },
  "listing.check-links": { role: "EDITOR", denied: "Viewers cannot run link checks" },
  "listing.upload-image": { role: "EDITOR", denied: "Viewers cannot upload images" },
  "version.save": { role: "EDITOR", denied: "Viewers cannot save versions" },
  "version.restore": { role: "EDITOR", denied: "Viewers cannot restore versions" },
  "share.create": { role: "EDITOR", denied: "Viewers cannot share previews" },
  "share.revoke": { role: "EDITOR", denied: "Viewers cannot revoke links" },
  "share.resolve-comment": { role: "EDITOR", denied: "Viewers cannot resolve comments" },
  "submission.change-status": { role: "EDITOR", denied: "Viewers cannot change an app's status" },
  "submission.send-changes": { role: "EDITOR", denied: "Viewers cannot send changes to review" },
  "submission.add-feedback": { role: "EDITOR", denied: "Viewers cannot add reviewer feedback" },
  "submission.resolve-feedback": { role: "EDITOR", denied: "Viewers cannot resolve feedback" },
  "gateway.settings": { role: "OWNER", denied: "Only an owner can change where tokens go" },
  "gateway.reveal-secret": { role: "OWNER", denied: "Only an owner can see the signing secret" },
  "gateway.retry-delivery": { role: "EDITOR", denied: "Viewers cannot retry deliveries" },
  "installs.import": { role: "EDITOR", denied: "Viewers cannot import installs" },
  "customers.annotate": { role: "EDITOR", denied: "Viewers cannot add notes or tags to customers" },
  "customers.erase": { role: "OWNER", denied: "Only an owner can erase a customer's personal data" },
  "crm.connect": { role: "OWNER", denied: "Only an owner can connect or disconnect the workspace's Pipedrive" },
  "crm.settings": { role: "OWNER", denied: "Only an owner can change what installs do in the workspace's Pipedrive" },
  "outreach.edit": { role: "EDITOR", denied: "Viewers cannot change review requests or the uninstall survey" },
  "crm.push": { role: "EDITOR", denied: "Viewers cannot push customers to Pipedrive" },
  "competitor.add": { role: "EDITOR", denied: "Viewers cannot add competitors" },
  "competitor.remove": { role: "EDITOR", denied: "Viewers cannot remove competitors" },
  "sync.start": { role: "EDITOR", denied: "Viewers cannot start a sync" },
  "sync.listing-url": { role: "EDITOR", denied: "Viewers cannot change or check the Marketplace page" },
  "review.triage": { role: "EDITOR", denied: "Viewers cannot change reviews" },
  "review.reply": { role: "EDITOR", denied: "Viewers cannot reply to reviews" },
  "review.add": { role: "EDITOR", denied: "Viewers cannot add reviews" },
  "review.import": { role: "EDITOR", denied: "Viewers cannot import reviews" },
  "review.be-assigned": { role: "EDITOR", denied: "Viewers cannot be assigned reviews" },
  "template.edit": { role: "EDITOR", denied: "Viewers cannot edit reply templates" },
  "template.delete": { role: "EDITOR", denied: "Viewers cannot delete reply templates" },
  "alert-rule.change": { role: "EDITOR", denied: "Viewers cannot change alert rules" },
  "webhook.manage": { role: "OWNER", denied: "Only an owner can manage alert webhooks" },
} as const satisfies Record<string, { role: Role; denied: string }>;

export type Permission = keyof typeof PERMISSIONS;

/** Who asks: a member's role in its workspace (a Member, or a row of the team list). */
export type Actor = { role: Role; workspace?: { id: string } };
/** What is acted on, when it belongs to a workspace: the answer is no for another workspace's thing. */
export type Owned = { workspaceId: string };

/** Whether `actor` may do `permission` (to `thing`, when given). */
export function can(actor: Actor, permission: Permission, thing?: Owned): boolean {
  if (thing && actor.workspace && thing.workspaceId !== actor.workspace.id) return false;
  return hasRole(actor.role, PERMISSIONS[permission].role);
}

/** Throws 403 with the permission's own message unless `actor` may do `permission`. */
export function authorize(actor: Actor, permission: Permission, thing?: Owned): void {
  if (!can(actor, permission, thing)) throw forbidden(PERMISSIONS[permission].denied);
}
