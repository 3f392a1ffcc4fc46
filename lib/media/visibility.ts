import sharp from "sharp";

/** Backgrounds an icon must read on: Pipedrive's light surface and a dark one. */
export const BACKGROUNDS = { light: [255, 255, 255], dark: [33, 37, 41] } as const;
/** A pixel "stands out" when one channel differs from the background by more than this. */
const CHANNEL_DIFFERENCE = 48;
export { MIN_VISIBLE_SHARE } from "./visibility-threshold";

/**
 * Measures, on the pixels, how much of an image stands out on a light and on a dark background
 * (transparent parts take the background's colour).
 */
export async function measureVisibility(image: Buffer): Promise<{ visibleOnLight: number; visibleOnDark: number }> {
  const { data, info } = await sharp(image)
    .resize(64, 64, { fit: "fill" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const share = (background: readonly number[]) => {
    let visible = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]! / 255;
      let difference = 0;
      for (let c = 0; c < 3; c++) {
        const composed = data[i + c]! * alpha + background[c]! * (1 - alpha);
        difference = Math.max(difference, Math.abs(composed - background[c]!));
      }
      if (difference > CHANNEL_DIFFERENCE) visible++;
    }
    return Math.round((visible / pixels) * 1000) / 1000;
  };
  return { visibleOnLight: share(BACKGROUNDS.light), visibleOnDark: share(BACKGROUNDS.dark) };
}
