import "server-only";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { LIMITS } from "@/lib/pipedrive/limits";
import { fileStorage } from "@/lib/storage";
import { authorize } from "@/lib/team/permissions";
import { processImage, type MediaKind } from "./process";
import { storeImage } from "./store";

export type AssetInfo = {
  id: string;
  kind: MediaKind;
  width: number;
  height: number;
  mime: string;
  visibleOnLight: number | null;
  visibleOnDark: number | null;
};

const info = (
  a: {
    id: string;
    width: number;
    height: number;
    mime: string;
    visibleOnLight: number | null;
    visibleOnDark: number | null;
  },
  kind: MediaKind,
): AssetInfo => ({
  id: a.id,
  kind,
  width: a.width,
  height: a.height,
  mime: a.mime,
  visibleOnLight: a.visibleOnLight,
  visibleOnDark: a.visibleOnDark,
});

export const parseKind = (value: unknown): MediaKind => {
  if (value === "icon" || value === "image" || value === "onboarding") return value;
  const message = "kind must be icon, image or onboarding";
  throw new AppError("VALIDATION", message, { kind: message });
};

/** `images` of an upload: how many images the editor holds, unsaved ones included (absent: unknown). */
export function parseHeldImages(value: string | null): number {
  if (value === null) return 0;
  if (!/^\d{1,3}$/.test(value)) {
    const message = "images must be the number of images the listing holds";
    throw new AppError("VALIDATION", message, { images: message });
  }
  return Number(value);
}

/** Refuses a sixth image: counted from the stored draft and from what the editor says it holds. */
export async function assertRoomForImage(appId: string, held = 0) {
  const draft = await db.listingDraft.findUniqueOrThrow({ where: { appId } });
  const stored = (JSON.parse(draft.data) as { images?: unknown[] }).images?.length ?? 0;
  if (Math.max(stored, held) >= LIMITS.images) {
    const message = `A listing has at most ${LIMITS.images} images; remove one before adding another.`;
    throw new AppError("VALIDATION", message, { images: message });
  }
}

export async function uploadAsset(
  member: Member,
  appId: string,
  kind: MediaKind,
  file: { name: string; data: Buffer },
  { skipImageLimit = false, heldImages = 0 } = {},
): Promise<AssetInfo> {
  authorize(member, "listing.upload-image");
  await listedAppInWorkspace(member, appId);
  if (kind === "image" && !skipImageLimit) await assertRoomForImage(appId, heldImages);
  const image = await processImage(file.data, kind, file.name || "The file");
  const existing = await db.asset.findFirst({
    where: { appId, app: { workspaceId: member.workspace.id }, sha256: image.sha256, kind: kind.toUpperCase() },
  });
  if (existing) return info(existing, kind);

  const asset = await storeImage(db, fileStorage(), { appId, kind, image, userId: member.user.id });
  return info(asset, kind);
}

/** The file of an asset, for members of the workspace that owns it (anyone else: not found). */
export async function readAsset(member: Member, assetId: string, size: "full" | "thumb") {
  return readAssetWhere(assetId, { app: { workspaceId: member.workspace.id } }, size);
}

/** The file of an asset of `appId`, for a share link whose listing shows it. */
export async function readSharedAsset(appId: string, assetId: string, size: "full" | "thumb") {
  return readAssetWhere(assetId, { appId }, size);
}

async function readAssetWhere(
  assetId: string,
  scope: { appId: string } | { app: { workspaceId: string } },
  size: "full" | "thumb",
) {
  if (!/^[a-z0-9]{20,40}$/.test(assetId)) throw notFound("Image");
  const asset = await db.asset.findFirst({ where: { id: assetId, ...scope } });
  if (!asset) throw notFound("Image");
  const data = await fileStorage().get(size === "thumb" ? asset.thumbKey : asset.storageKey);
  if (!data) throw notFound("Image");
  return { data, mime: size === "thumb" ? "image/webp" : asset.mime, sha256: asset.sha256 };
}

/** Pixel visibility of the app's icons, by asset id (measured at upload). */
export async function iconVisibility(member: Member, appId: string) {
  await listedAppInWorkspace(member, appId);
  const icons = await db.asset.findMany({
    where: { appId, app: { workspaceId: member.workspace.id }, kind: "ICON" },
    select: { id: true, visibleOnLight: true, visibleOnDark: true },
  });
  return Object.fromEntries(
    icons.map((i) => [i.id, { visibleOnLight: i.visibleOnLight, visibleOnDark: i.visibleOnDark }]),
  );
}
