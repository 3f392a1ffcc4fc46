import "server-only";
import { z } from "zod";
import { appColumnsFromListing, getApp } from "@/lib/apps/service";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { invalidateSharedDrafts } from "@/lib/share/service";
import { hasRole } from "@/lib/team/roles";
import { listingDraftSchema, type ListingDraft } from "./schema";
import { auditBy } from "@/lib/audit/log";

export type DraftState = {
  revision: number;
  data: ListingDraft;
  updatedAt: string;
  updatedBy: string | null;
};

const saveSchema = z.strictObject({
  revision: z.number({ error: "revision must be the number of the draft you edited" }).int().positive(),
  data: z.unknown(),
});

async function readDraft(appId: string): Promise<DraftState> {
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
  };
}

/**
 * Replaces the draft whatever its revision (a restore or an import is a deliberate choice);
 * the revision still moves on, so open editors get a conflict instead of a silent overwrite.
 */
export async function replaceDraft(appId: string, data: ListingDraft, userId: string) {
  await db.$transaction([
    db.listingDraft.update({ where: { appId }, data: { data: JSON.stringify(data), revision: { increment: 1 }, updatedById: userId } }),
    db.app.update({ where: { id: appId }, data: appColumnsFromListing(data) }),
  ]);
  await invalidateSharedDrafts(appId);
}

export async function getDraft(member: Member, appId: string): Promise<DraftState> {
  await getApp(member, appId);
  return readDraft(appId);
}

export class DraftConflict extends AppError {
  constructor(readonly current: DraftState) {
    super("CONFLICT", `${current.updatedBy ?? "Someone"} saved a newer version of this listing`);
  }
  override toJSON() {
    return { ...super.toJSON(), current: this.current };
  }
}

/**
 * Saves the draft if it is still at the revision the editor started from; otherwise answers
 * 409 with the newer draft, so nobody overwrites someone else's work without seeing it.
 */
export async function saveDraft(member: Member, appId: string, input: unknown): Promise<DraftState> {
  if (!hasRole(member.role, "EDITOR")) throw forbidden("Viewers cannot edit listings");
  await getApp(member, appId);
  const { revision, data: raw } = saveSchema.parse(input);
  const data = listingDraftSchema.parse(raw);
  let changed: string[] = [];
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.listingDraft.findUnique({ where: { appId }, select: { data: true } });
    const previous = before ? (JSON.parse(before.data) as Record<string, unknown>) : {};
    changed = Object.keys({ ...previous, ...data }).filter((k) => JSON.stringify(previous[k]) !== JSON.stringify((data as Record<string, unknown>)[k]));
    const { count } = await tx.listingDraft.updateMany({
      where: { appId, revision },
      data: { data: JSON.stringify(data), revision: { increment: 1 }, updatedById: member.user.id },
    });
    if (count === 0) return false;
    await tx.app.update({ where: { id: appId }, data: appColumnsFromListing(data) });
    return true;
  });
  const current = await readDraft(appId);
  if (!saved) throw new DraftConflict(current);
  if (changed.length) await auditBy(member, "listing.save", { type: "app", id: appId, name: data.appName }, { fields: changed });
  await invalidateSharedDrafts(appId);
  return current;
}
