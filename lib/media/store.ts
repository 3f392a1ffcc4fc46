import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assetKeys, type FileStorage } from "@/lib/storage/local";
import type { MediaKind, ProcessedImage } from "./process";
import { measureVisibility } from "./visibility";

/** Writes a processed image and its thumbnail under content-hashed names and records the asset (icons with their visibility). */
export async function storeImage(
  db: PrismaClient,
  storage: FileStorage,
  { appId, kind, image, userId }: { appId: string; kind: MediaKind; image: ProcessedImage; userId: string },
) {
  const keys = assetKeys(appId, image.sha256, image.mime);
  await storage.put(keys.storageKey, image.data);
  await storage.put(keys.thumbKey, image.thumb);
  return db.asset.create({
    data: {
      appId,
      kind: kind.toUpperCase(),
      sha256: image.sha256,
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.data.length,
      ...keys,
      ...(kind === "icon" ? await measureVisibility(image.data) : {}),
      createdById: userId,
    },
  });
}
