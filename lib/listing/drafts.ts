import "server-only";
import { z } from "zod";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { listingDraftSchema, listingRulesSchema, storableDraft, type FieldProblems, type ListingDraft } from "./schema";
import { problemsOf } from "@/lib/errors";
import { auditBy } from "@/lib/audit/log";
import type { DraftState, SavedDraft } from "./types";

const saveSchema = z.strictObject({
  revision: z.number({ error: "revision must be the number of the draft you edited" }).int().positive(),
  data: z.unknown(),
});

/** The draft as `viewerId` sees it: whether the last save was their own (another tab) is said as such. */
async function readDraft(appId: string, viewerId: string): Promise<DraftState> {
  const draft = await db.listingDraft.findUniqueOrThrow({ where: { appId } });
  const updatedBy = draft.updatedById
    ? ((await db.user.findUnique({ where: { id: draft.updatedById }, select: { name: true } }))?.name ?? null)
    : null;
  return {
    revision: draft.revision,
    // Stored drafts were validated when saved; parsing again fills defaults added since.
    data: listingDraftSchema.parse(JSON.parse(draft.data)),
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy,
    updatedByYou: draft.updatedById !== null && draft.updatedById === viewerId,
  };
}

/**
 * Replaces the draft whatever its revision (a restore or an import is a deliberate choice);
 * the revision still moves on, so open editors get a conflict instead of a silent overwrite.
 */
export async function replaceDraft(appId: string, data: ListingDraft, userId: string) {
  await db.$transaction([
    db.listingDraft.update({
      where: { appId },
      data: { data: JSON.stringify(data), revision: { increment: 1 }, updatedById: userId },
    }),
    db.app.update({ where: { id: appId }, data: appColumnsFromListing(data) }),
  ]);
}

export async function getDraft(member: Member, appId: string): Promise<DraftState> {
  await listedAppInWorkspace(member, appId);
  return readDraft(appId, member.user.id);
}

export class DraftConflict extends AppError {
  constructor(readonly current: DraftState) {
    super(
      "CONFLICT",
      current.updatedByYou
        ? "You saved a newer version of this listing in another tab or window"
        : `${current.updatedBy ?? "Someone"} saved a newer version of this listing`,
    );
  }
  override toJSON() {
    return { ...super.toJSON(), current: this.current };
  }
}

/**
 * Saves the draft if it is still at the revision the editor started from; otherwise answers
 * 409 with the newer draft, so nobody overwrites someone else's work without seeing it.
 * What the partner typed is stored valid or not; only a field that does not fit in storage keeps
 * its stored value, and the answer names it in `skipped`.
 */
export async function saveDraft(member: Member, appId: string, input: unknown): Promise<SavedDraft> {
  authorize(member, "listing.edit");
  await listedAppInWorkspace(member, appId);
  const { revision, data: raw } = saveSchema.parse(input);
  let changed: string[] = [];
  let skipped: FieldProblems = {};
  let data: ListingDraft | null = null;
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.listingDraft.findUniqueOrThrow({
      where: { appId, app: { workspaceId: member.workspace.id } },
      select: { data: true },
    });
    const previous = listingDraftSchema.parse(JSON.parse(before.data));
    const storable = storableDraft(raw, previous);
    if (!storable) {
      const parsed = listingDraftSchema.safeParse(raw);
      const fields = parsed.success ? {} : problemsOf(parsed.error);
      throw new AppError("VALIDATION", fields._ ?? "The listing must be an object of listing fields", fields);
    }
    ({ data, skipped } = storable);
    const next = data as Record<string, unknown>;
    const old = previous as Record<string, unknown>;
    changed = Object.keys({ ...old, ...next }).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k]));
    const { count } = await tx.listingDraft.updateMany({
      where: { appId, app: { workspaceId: member.workspace.id }, revision },
      data: { data: JSON.stringify(data), revision: { increment: 1 }, updatedById: member.user.id },
    });
    if (count === 0) return false;
    await tx.app.update({ where: { id: appId, workspaceId: member.workspace.id }, data: appColumnsFromListing(data) });
    return true;
  });
  const current = await readDraft(appId, member.user.id);
  if (!saved) throw new DraftConflict(current);
  if (changed.length)
    await auditBy(
      member,
      "listing.save",
      { type: "app", id: appId, name: current.data.appName || null },
      { fields: changed },
    );
  return { ...current, skipped };
}

/**
 * Keeps the app's own columns in step with the listing's basic info, as far as it is valid: a draft
 * may hold an empty name or a half-typed URL, which the app keeps its last good value through.
 */
function appColumnsFromListing(data: ListingDraft) {
  const rules = listingRulesSchema.shape;
  const name = rules.appName.safeParse(data.appName);
  const callbackUrl = rules.callbackUrl.safeParse(data.callbackUrl);
  const installationUrl = rules.installationUrl.safeParse(data.installationUrl);
  return {
    ...(name.success ? { name: name.data } : {}),
    ...(callbackUrl.success ? { callbackUrl: callbackUrl.data } : {}),
    ...(installationUrl.success ? { installationUrl: installationUrl.data || null } : {}),
  };
}
