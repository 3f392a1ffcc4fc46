import { createHash } from "node:crypto";
import pLimit from "p-limit";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { FairQueue, FairQueueFull } from "@/lib/http/fair-queue";
import { jpegExtent, pngExtent } from "./containers";

/** Pipedrive's media rules (MARKETPLACE.md). */
export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 6000 * 6000;
export const ICON_MIN = 256;
export const IMAGE_SIZES = [
  [1280, 800],
  [1440, 900],
  [2560, 1600],
  [2880, 1800],
] as const;
export const THUMB_WIDTH = 320;
/** Onboarding guide images: exactly 720×400, at most 100 KB. */
export const ONBOARDING_SIZE = [720, 400] as const;
export const ONBOARDING_MAX_BYTES = 100 * 1024;

export type MediaKind = "icon" | "image" | "onboarding";

/**
 * Image work is bounded per process: at most IMAGE_WORKERS decodes at once, each on one libvips
 * thread with no decoded-image cache, and at most IMAGE_QUEUE uploads waiting their turn — beyond
 * that an upload is answered 503 at once. A 6000×6000 image decodes to over 100 MB; eight at
 * once would take a server past the memory of a common container.
 */
export const IMAGE_WORKERS = 2;
export const IMAGE_QUEUE = 16;
sharp.concurrency(1);
sharp.cache(false);
const imageWork = pLimit(IMAGE_WORKERS);
/**
 * Uploads, in two steps. Reading the body holds one of UPLOAD_READERS places — at most one per
 * workspace, given in turn to the workspaces waiting (lib/http/fair-queue.ts); eight may wait per workspace
 * and 256 in all (a waiting upload is only an unread connection), then 503 — and must keep pace
 * (lib/http/route.ts UPLOAD_PACE: a body that stalls, trickles or runs past its deadline gets 408), so a slow
 * client holds up nobody but its own workspace, briefly. The image is then processed one upload at a
 * time (a 10 MB body is held in memory several times over while it is decoded), the place kept
 * meanwhile so that bodies in memory stay within the places.
 */
export const UPLOAD_READERS = 4;
const uploads = {
  reads: new FairQueue({ concurrency: UPLOAD_READERS, perKey: 1, waitingPerKey: 8, waitingTotal: 256 }),
  work: pLimit(1),
};

/**
 * Imports of a whole exported listing (up to 60 MB) have places of their own, fewer — two at once,
 * one per workspace, two waiting per workspace and 32 in all — and their own processing slot, so an
 * import never holds up another workspace's image uploads.
 */
const imports = {
  reads: new FairQueue({ concurrency: 2, perKey: 1, waitingPerKey: 2, waitingTotal: 32 }),
  work: pLimit(1),
};
export const boundedImport = <B, T>(workspaceId: string, read: () => Promise<B>, process: (body: B) => Promise<T>) =>
  boundedUpload(workspaceId, "file", read, process, imports);

/** How many images are being processed and waiting (for tests and the benchmark). */
export const imageQueue = () => ({ active: imageWork.activeCount, waiting: imageWork.pendingCount });

/** Uploads reading their body and waiting to (for tests and the benchmark). */
export const uploadQueue = () => uploads.reads.state();

const busy = (field: string) => {
  const message = "Many images are being processed right now; upload this one again in a moment.";
  return new AppError("SERVICE_UNAVAILABLE", message, { [field]: message });
};

/**
 * Runs an upload of a workspace: `read` its body when the workspace's turn comes (the bodies of the
 * uploads waiting stay unread on their connections), then `process` it when the processing slot is
 * free. Past the waiting room, answers 503 at once.
 */
export async function boundedUpload<B, T>(
  workspaceId: string,
  field: string,
  read: () => Promise<B>,
  process: (body: B) => Promise<T>,
  { reads, work } = uploads,
): Promise<T> {
  try {
    return await reads.run(workspaceId, async () => {
      const body = await read();
      return work(() => process(body));
    });
  } catch (error) {
    if (error instanceof FairQueueFull) throw busy(field);
    throw error;
  }
}

export type ProcessedImage = {
  data: Buffer;
  mime: "image/png" | "image/jpeg";
  width: number;
  height: number;
  sha256: string;
  thumb: Buffer;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ALLOWED = "PNG or JPEG";
const sizesText = IMAGE_SIZES.map(([w, h]) => `${w}×${h}`).join(", ");

/**
 * Decodes an upload and accepts it only when it really is a PNG or JPEG of the right size.
 * The header is read first, so a decompression bomb is refused before any pixel is decoded.
 * EXIF, GPS and other metadata never survive: a file that has any is re-encoded without it.
 */
export async function processImage(input: Buffer, kind: MediaKind, fileName = "The file"): Promise<ProcessedImage> {
  if (imageWork.pendingCount >= IMAGE_QUEUE)
    throw busy(kind === "icon" ? "icon" : kind === "onboarding" ? "onboarding" : "images");
  return imageWork(() => processNow(input, kind, fileName));
}

async function processNow(input: Buffer, kind: MediaKind, fileName: string): Promise<ProcessedImage> {
  const field = kind === "icon" ? "icon" : kind === "onboarding" ? "onboarding" : "images";
  const reject = (code: "VALIDATION" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE", message: string) =>
    new AppError(code, message, { [field]: message });

  if (input.length > MAX_BYTES)
    throw reject("PAYLOAD_TOO_LARGE", `${fileName} is ${mb(input.length)}; images may be at most 10 MB.`);
  if (kind === "onboarding" && input.length > ONBOARDING_MAX_BYTES) {
    throw reject(
      "PAYLOAD_TOO_LARGE",
      `${fileName} is ${Math.ceil(input.length / 1024)} KB; onboarding images may be at most 100 KB.`,
    );
  }
  if (input.length === 0) throw reject("VALIDATION", `${fileName} is empty.`);

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw reject("UNSUPPORTED_MEDIA_TYPE", `${fileName} is not an image we can read. Upload a ${ALLOWED} file.`);
  }
  if (meta.format !== "png" && meta.format !== "jpeg") {
    const what = meta.format ? meta.format.toUpperCase() : "an unknown format";
    throw reject("UNSUPPORTED_MEDIA_TYPE", `${fileName} is ${what}; only ${ALLOWED} images are accepted.`);
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width * height > MAX_PIXELS) {
    throw reject(
      "VALIDATION",
      `${fileName} is ${width}×${height} pixels, far larger than any listing image; it was not opened.`,
    );
  }
  if (kind === "icon") {
    if (width !== height) throw reject("VALIDATION", `The icon must be square; ${fileName} is ${width}×${height}.`);
    if (width < ICON_MIN)
      throw reject(
        "VALIDATION",
        `The icon must be at least ${ICON_MIN}×${ICON_MIN}; ${fileName} is ${width}×${height}.`,
      );
  } else if (kind === "onboarding") {
    if (width !== ONBOARDING_SIZE[0] || height !== ONBOARDING_SIZE[1]) {
      throw reject("VALIDATION", `Onboarding images must be 720×400; ${fileName} is ${width}×${height}.`);
    }
  } else if (!IMAGE_SIZES.some(([w, h]) => w === width && h === height)) {
    throw reject("VALIDATION", `Listing images must be 16:10 at ${sizesText}; ${fileName} is ${width}×${height}.`);
  }

  // A file that is only an image is kept byte for byte, up to the image's end marker (no generation
  // loss, and an exported image imports with the same hash); bytes glued on after it are dropped.
  // A file with metadata (EXIF, GPS, text chunks, comments…) is re-encoded without it.
  const extent = meta.format === "png" ? pngExtent(input) : jpegExtent(input);
  const clean =
    extent !== null &&
    !extent.extras &&
    !meta.exif &&
    !meta.xmp &&
    !meta.iptc &&
    !meta.icc &&
    !meta.comments?.length &&
    (meta.orientation ?? 1) === 1;
  try {
    const options = { limitInputPixels: MAX_PIXELS, failOn: "error" } as const;
    const pipeline = sharp(input, options).rotate();
    const data = clean
      ? Buffer.from(input.subarray(0, extent.end))
      : meta.format === "png"
        ? await pipeline.png().toBuffer()
        : await pipeline.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    // Decoding every pixel for the thumbnail also proves the file is not damaged.
    const thumb = await sharp(data, options)
      .resize({ width: kind === "icon" ? 128 : THUMB_WIDTH })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      data,
      mime: meta.format === "png" ? "image/png" : "image/jpeg",
      width,
      height,
      sha256: createHash("sha256").update(data).digest("hex"),
      thumb,
    };
  } catch {
    throw reject("UNSUPPORTED_MEDIA_TYPE", `${fileName} is damaged and could not be decoded.`);
  }
}
