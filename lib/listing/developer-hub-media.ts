import "server-only";
import { zipSync, strToU8 } from "fflate";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { fileStorage } from "@/lib/storage";
import { getDraft } from "./drafts";
import { type ListingDraft } from "./schema";

/** The listing's pictures for Developer Hub: named and sized as it wants them, one by one or as a zip. */

export type HandoffMedia = {
  file: string;
  what: string;
  assetId: string;
  width: number;
  height: number;
  bytes: number;
  mime: string;
  alt: string | null;
};

/** The listing's pictures, named for where they go in Developer Hub. */
export async function mediaOf(appId: string, data: ListingDraft): Promise<HandoffMedia[]> {
  const wanted: { assetId: string; name: string; what: string; alt: string | null }[] = [];
  if (data.iconAssetId) wanted.push({ assetId: data.iconAssetId, name: "icon", what: "App icon", alt: null });
  data.images.forEach((image, i) =>
    wanted.push({
      assetId: image.assetId,
      name: `listing-image-${i + 1}`,
      what: `Listing image ${i + 1}`,
      alt: image.alt || null,
    }),
  );
  data.onboarding.blocks.forEach((block, i) => {
    if (block.imageAssetId)
      wanted.push({
        assetId: block.imageAssetId,
        name: `onboarding-${i + 1}`,
        what: `Onboarding block ${i + 1} image`,
        alt: block.title || null,
      });
  });
  const assets = new Map(
    (await db.asset.findMany({ where: { appId, id: { in: wanted.map((w) => w.assetId) } } })).map((a) => [a.id, a]),
  );
  return wanted.flatMap((w) => {
    const asset = assets.get(w.assetId);
    if (!asset) return [];
    const ext = asset.mime === "image/png" ? "png" : "jpg";
    return [
      {
        file: `${w.name}-${asset.width}x${asset.height}.${ext}`,
        what: w.what,
        assetId: asset.id,
        width: asset.width,
        height: asset.height,
        bytes: asset.bytes,
        mime: asset.mime,
        alt: w.alt,
      },
    ];
  });
}

/**
 * One media file by its name in the view, or all of them as a zip with a note of where each goes.
 * The files are the uploads themselves: they were accepted only in Pipedrive's sizes and formats.
 */
export async function developerHubMedia(
  member: Member,
  appId: string,
  file: string,
): Promise<{ name: string; mime: string; data: Uint8Array } | null> {
  const app = await listedAppInWorkspace(member, appId);
  const { data } = await getDraft(member, appId);
  const media = await mediaOf(appId, data);
  const read = async (m: HandoffMedia) => {
    const asset = await db.asset.findUniqueOrThrow({ where: { id: m.assetId } });
    return fileStorage().get(asset.storageKey);
  };
  if (file === "all.zip") {
    const entries: Record<string, Uint8Array> = {};
    for (const m of media) {
      const bytes = await read(m);
      if (bytes) entries[m.file] = new Uint8Array(bytes);
    }
    const note = media
      .map(
        (m) =>
          `${m.file}\t${m.what}, ${m.width}×${m.height} ${m.mime === "image/png" ? "PNG" : "JPEG"}${m.alt ? `\t${m.alt}` : ""}`,
      )
      .join("\n");
    entries["where-each-goes.txt"] = strToU8(`Media of ${app.name} for Pipedrive's Developer Hub\n\n${note}\n`);
    const slug =
      app.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "app";
    return { name: `${slug}-developer-hub-media.zip`, mime: "application/zip", data: zipSync(entries, { level: 0 }) };
  }
  const one = media.find((m) => m.file === file);
  if (!one) return null;
  const bytes = await read(one);
  return bytes ? { name: one.file, mime: one.mime, data: new Uint8Array(bytes) } : null;
}
