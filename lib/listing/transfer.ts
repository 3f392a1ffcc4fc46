import "server-only";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uploadAsset } from "@/lib/media/assets";
import { MAX_BYTES, processImage, type MediaKind } from "@/lib/media/process";
import { fileStorage } from "@/lib/storage";
import { authorize } from "@/lib/team/permissions";
import { getDraft, replaceDraft } from "./drafts";
import type { ImportChange, ImportPreview, ImportResult } from "./types";
import { diffListings } from "./diff";
import { listingDraftSchema, type ListingDraft } from "./schema";
import { problemsOf } from "@/lib/errors";
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportFile } from "./transfer-schema";
import { recordVersion } from "./versions";
import { auditBy } from "@/lib/audit/log";
import { plural } from "@/lib/text/words";

const MAX_ENTRIES = 10;
const MAX_UNZIPPED = 6 * MAX_BYTES;

/** The listing as a JSON document plus its images, ready to zip. */
export async function exportListing(
  member: Member,
  appId: string,
): Promise<{ json: ExportFile; files: Record<string, Buffer>; name: string }> {
  const app = await listedAppInWorkspace(member, appId);
  const { data } = await getDraft(member, appId);
  const ids = [
    data.iconAssetId,
    ...data.images.map((i) => i.assetId),
    ...data.onboarding.blocks.map((b) => b.imageAssetId),
  ].filter((id): id is string => Boolean(id));
  const assets = new Map(
    (await db.asset.findMany({ where: { appId, app: { workspaceId: member.workspace.id }, id: { in: ids } } })).map(
      (a) => [a.id, a],
    ),
  );
  const files: Record<string, Buffer> = {};
  const ref = async (assetId: string) => {
    const asset = assets.get(assetId);
    if (!asset) return null;
    const file = `images/${asset.sha256}.${asset.mime === "image/png" ? "png" : "jpg"}`;
    const bytes = await fileStorage().get(asset.storageKey);
    if (!bytes) return null;
    files[file] = bytes;
    return { file, sha256: asset.sha256 };
  };
  const { iconAssetId, images, onboarding, ...rest } = data;
  const icon = iconAssetId ? await ref(iconAssetId) : null;
  const exportedImages = [];
  for (const image of images) {
    const r = await ref(image.assetId);
    if (r) exportedImages.push({ ...r, alt: image.alt });
  }
  const blocks = [];
  for (const { imageAssetId, ...block } of onboarding.blocks)
    blocks.push({ ...block, image: imageAssetId ? await ref(imageAssetId) : null });
  const json: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    app: { name: app.name, type: app.type },
    listing: { ...rest, icon, images: exportedImages, onboarding: { ...onboarding, blocks } },
  };
  return {
    json,
    files,
    name:
      app.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "listing",
  };
}

export function zipExport(json: ExportFile, files: Record<string, Buffer>): Uint8Array {
  const entries: Record<string, Uint8Array> = { "listing.json": strToU8(JSON.stringify(json, null, 2)) };
  for (const [path, bytes] of Object.entries(files)) entries[path] = new Uint8Array(bytes);
  return zipSync(entries, { level: 6 });
}

function readUpload(body: Buffer): { document: unknown; files: Unzipped } {
  const isZip = body.length > 4 && body.readUInt32LE(0) === 0x04034b50;
  let files: Unzipped = {};
  let text: string;
  if (isZip) {
    let entries = 0;
    let total = 0;
    try {
      files = unzipSync(new Uint8Array(body), {
        filter: (file) => {
          entries++;
          total += file.originalSize;
          if (entries > MAX_ENTRIES || total > MAX_UNZIPPED)
            throw new AppError("PAYLOAD_TOO_LARGE", "The zip holds more than a listing's files");
          return file.name === "listing.json" || file.name.startsWith("images/");
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("BAD_REQUEST", "The file is not a readable zip");
    }
    if (!files["listing.json"])
      throw new AppError("VALIDATION", "The zip has no listing.json", { file: "The zip has no listing.json" });
    text = strFromU8(files["listing.json"]);
  } else {
    text = body.toString("utf8");
  }
  try {
    return { document: JSON.parse(text), files };
  } catch {
    throw new AppError("VALIDATION", "listing.json is not valid JSON", { file: "listing.json is not valid JSON" });
  }
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const pictures = (count: number) => plural(count, "image", "images");

function summarise(before: ListingDraft, after: ListingDraft): ImportChange[] {
  return diffListings(before, after).map((c) => {
    const [from, to] =
      c.field === "images"
        ? [pictures(before.images.length), pictures(after.images.length)]
        : c.field === "iconAssetId"
          ? [before.iconAssetId ? "an icon" : "no icon", after.iconAssetId ? "a different icon" : "no icon"]
          : [clip(c.before.replace(/\s+/g, " ")), clip(c.after.replace(/\s+/g, " "))];
    return { field: c.field, label: c.label, critical: c.critical, before: from, after: to };
  });
}

/**
 * Imports an exported listing into this app: validated per field. With `dryRun`, nothing changes
 * and the answer lists what would; otherwise the current draft is first kept as a version (so the
 * import can be undone from Versions), then the import becomes the draft and a new version.
 */
export async function importListing(
  member: Member,
  appId: string,
  body: Buffer,
  options: { dryRun: true },
): Promise<ImportPreview>;
export async function importListing(
  member: Member,
  appId: string,
  body: Buffer,
  options?: { dryRun?: false },
): Promise<ImportResult>;
export async function importListing(
  member: Member,
  appId: string,
  body: Buffer,
  { dryRun = false } = {},
): Promise<ImportPreview | ImportResult> {
  authorize(member, "listing.import");
  await listedAppInWorkspace(member, appId);
  const { document, files } = readUpload(body);
  const parsed = exportFileSchema.safeParse(document);
  if (!parsed.success) {
    const fields = problemsOf(parsed.error);
    throw new AppError(
      "VALIDATION",
      `The listing file has ${Object.keys(fields).length} problem(s): ${Object.values(fields)[0]}`,
      fields,
    );
  }
  const { icon, images, onboarding, ...rest } = parsed.data.listing;

  const existing = new Map(
    (await db.asset.findMany({ where: { appId, app: { workspaceId: member.workspace.id } } })).map((a) => [
      `${a.kind}:${a.sha256}`,
      a.id,
    ]),
  );
  const resolve = async (kind: MediaKind, ref: { file: string; sha256: string }, field: string) => {
    const known = existing.get(`${kind.toUpperCase()}:${ref.sha256}`);
    if (known) return known;
    const bytes = files[ref.file];
    if (!bytes)
      throw new AppError("VALIDATION", `${ref.file} is not in the zip`, { [field]: `${ref.file} is not in the zip` });
    try {
      // A dry run stores nothing, but checks the picture as an upload would; its hash stands in for its id.
      if (dryRun) return (await processImage(Buffer.from(bytes), kind, ref.file)).sha256.slice(0, 32);
      // Not counted against the 5-image limit of the current draft: the import replaces it.
      return (
        await uploadAsset(member, appId, kind, { name: ref.file, data: Buffer.from(bytes) }, { skipImageLimit: true })
      ).id;
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, error.message, { [field]: error.message });
      throw error;
    }
  };
  const iconAssetId = icon ? await resolve("icon", icon, "listing.icon") : null;
  const imageRefs = [];
  for (const [index, image] of images.entries())
    imageRefs.push({ assetId: await resolve("image", image, `listing.images.${index}`), alt: image.alt });

  const blocks = [];
  for (const [index, { image, ...block }] of onboarding.blocks.entries()) {
    blocks.push({
      ...block,
      imageAssetId: image ? await resolve("onboarding", image, `listing.onboarding.blocks.${index}.image`) : null,
    });
  }

  const data = listingDraftSchema.parse({
    ...rest,
    iconAssetId,
    images: imageRefs,
    onboarding: { ...onboarding, blocks },
  });
  const current = await getDraft(member, appId);
  if (dryRun) return { changes: summarise(current.data, data) };
  const backup = await recordVersion(appId, current.data, "Before import", "BACKUP", member.user.id);
  await replaceDraft(appId, data, member.user.id);
  await recordVersion(appId, data, "Imported listing", "IMPORT", member.user.id);
  await auditBy(
    member,
    "listing.import",
    { type: "app", id: appId, name: data.appName || null },
    { fields: summarise(current.data, data).map((c) => c.field), backupVersion: backup.number },
  );
  return { ...(await getDraft(member, appId)), backupVersion: backup.number };
}
