/**
 * Where a PNG or JPEG file's image ends, and whether it carries anything besides the image
 * (text or metadata chunks, EXIF, comments). Bytes after the end (a zip, a script, another file
 * glued on) are not part of any image and are never kept.
 */
export type ImageExtent = { end: number; extras: boolean };

/** PNG chunks that only describe how to show the pixels: kept. Any other ancillary chunk is metadata. */
const PNG_DISPLAY_CHUNKS = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "sBIT",
  "pHYs",
  "bKGD",
]);

export function pngExtent(data: Buffer): ImageExtent | null {
  if (data.length < 8 || data.readUInt32BE(0) !== 0x89504e47 || data.readUInt32BE(4) !== 0x0d0a1a0a) return null;
  let extras = false;
  for (let at = 8; at + 12 <= data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString("latin1", at + 4, at + 8);
    const next = at + 12 + length;
    if (next > data.length) return null;
    if (!PNG_DISPLAY_CHUNKS.has(type)) extras = true;
    if (type === "IEND") return { end: next, extras };
    at = next;
  }
  return null;
}

/** JPEG: markers up to the scan, the entropy-coded data (where 0xFF is escaped), on to the end-of-image marker. */
export function jpegExtent(data: Buffer): ImageExtent | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  let extras = false;
  let at = 2;
  while (at + 1 < data.length) {
    if (data[at] !== 0xff) return null;
    let marker = data[at + 1]!;
    while (marker === 0xff && at + 2 < data.length) marker = data[++at + 1]!; // fill bytes
    if (marker === 0xd9) return { end: at + 2, extras };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (at + 4 > data.length) return null;
    const length = data.readUInt16BE(at + 2);
    // APP0 (JFIF) describes the pixels; APP1–APP15 (EXIF, XMP, ICC, IPTC…) and comments are metadata.
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) extras = true;
    at += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: a marker is 0xFF followed by anything but 0x00 or a restart marker.
      while (
        at + 1 < data.length &&
        !(data[at] === 0xff && data[at + 1] !== 0x00 && !(data[at + 1]! >= 0xd0 && data[at + 1]! <= 0xd7))
      )
        at++;
    }
  }
  return null;
}
