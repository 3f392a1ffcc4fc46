import "server-only";
import { z } from "zod";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { getDraft, replaceDraft } from "./drafts";
import type { DraftState } from "./types";
import { listingDraftSchema, type ListingDraft } from "./schema";
import { auditBy } from "@/lib/audit/log";

/** BACKUP: the draft as it was just before an import replaced it. */
export type VersionSource = "MANUAL" | "RESTORE" | "IMPORT" | "BACKUP" | "SUBMISSION";

export type VersionSummary = {
  id: string;
  number: number;
  label: string;
  source: string;
  createdAt: string;
  createdBy: string | null;
};

const labelSchema = z.strictObject({
  label: z
    .string({ error: "Label must be text" })
    .trim()
    .min(1, "Give the version a label")
    .max(80, "Label must be at most 80 characters"),
});

async function authorNames(ids: (string | null)[]) {
  const users = await db.user.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Appends a version with the next number; the unique (app, number) keeps two concurrent saves apart. */
export async function recordVersion(
  appId: string,
  data: ListingDraft,
  label: string,
  source: VersionSource,
  userId: string,
) {
  for (let attempt = 0; ; attempt++) {
    const last = await db.listingVersion.findFirst({
      where: { appId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    try {
      return await db.listingVersion.create({
        data: {
          appId,
          number: (last?.number ?? 0) + 1,
          label,
          data: JSON.stringify(data),
          source,
          createdById: userId,
        },
      });
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error && error.message.includes("Unique constraint"))) throw error;
    }
  }
}

export async function saveVersion(member: Member, appId: string, input: unknown): Promise<VersionSummary> {
  authorize(member, "version.save");
  const { label } = labelSchema.parse(input);
  const draft = await getDraft(member, appId);
  const version = await recordVersion(appId, draft.data, label, "MANUAL", member.user.id);
  await auditBy(
    member,
    "version.save",
    { type: "app", id: appId, name: draft.data.appName },
    { version: version.number, label },
  );
  return {
    id: version.id,
    number: version.number,
    label,
    source: version.source,
    createdAt: version.createdAt.toISOString(),
    createdBy: member.user.name,
  };
}

export async function listVersions(member: Member, appId: string): Promise<VersionSummary[]> {
  await listedAppInWorkspace(member, appId);
  const rows = await db.listingVersion.findMany({
    where: { appId, app: { workspaceId: member.workspace.id } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, label: true, source: true, createdAt: true, createdById: true },
  });
  const names = await authorNames(rows.map((r) => r.createdById));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    label: r.label,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
  }));
}

/** A version's listing, or the current draft for "draft". */
export async function listingAt(member: Member, appId: string, versionId: string): Promise<ListingDraft> {
  if (versionId === "draft") return (await getDraft(member, appId)).data;
  await listedAppInWorkspace(member, appId);
  if (typeof versionId !== "string" || versionId.length > 64) throw notFound("Version");
  const version = await db.listingVersion.findFirst({
    where: { id: versionId, appId, app: { workspaceId: member.workspace.id } },
  });
  if (!version) throw notFound("Version");
  return listingDraftSchema.parse(JSON.parse(version.data));
}

/**
 * Makes a version the new draft (the draft's revision moves on, so open editors see a conflict, not a
 * silent change). The draft it replaces is kept as a version first, unless the latest version
 * already holds it: nothing typed is lost by a restore. `backupVersion` is that version's number.
 */
export async function restoreVersion(
  member: Member,
  appId: string,
  versionId: unknown,
): Promise<DraftState & { backupVersion: number | null }> {
  authorize(member, "version.restore");
  if (typeof versionId !== "string") throw notFound("Version");
  const data = await listingAt(member, appId, versionId);
  const version = await db.listingVersion.findFirstOrThrow({
    where: { id: versionId, app: { workspaceId: member.workspace.id } },
    select: { number: true },
  });
  const current = (await getDraft(member, appId)).data;
  const latest = await db.listingVersion.findFirst({
    where: { appId, app: { workspaceId: member.workspace.id } },
    orderBy: { number: "desc" },
    select: { data: true },
  });
  const kept = latest !== null && sameListing(listingDraftSchema.parse(JSON.parse(latest.data)), current);
  const backup = kept
    ? null
    : await recordVersion(appId, current, `Before restoring version ${version.number}`, "BACKUP", member.user.id);
  await replaceDraft(appId, data, member.user.id);
  await recordVersion(appId, data, `Restored version ${version.number}`, "RESTORE", member.user.id);
  await auditBy(
    member,
    "version.restore",
    { type: "app", id: appId, name: data.appName },
    { version: version.number, ...(backup ? { kept: backup.number } : {}) },
  );
  return { ...(await getDraft(member, appId)), backupVersion: backup?.number ?? null };
}

const sameListing = (a: ListingDraft, b: ListingDraft) => JSON.stringify(a) === JSON.stringify(b);
