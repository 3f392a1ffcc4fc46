import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage } from "./fixtures";
import { measureVisibility, MIN_VISIBLE_SHARE } from "./visibility";

const logo = (fill: string, background = "none") =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="${background}"/><circle cx="128" cy="128" r="90" fill="${fill}"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

describe("measureVisibility", () => {
  it("sees a coloured, opaque icon on both backgrounds", async () => {
    const v = await measureVisibility(await makeImage(256, 256, "png", "#4c6ef5"));
    expect(v.visibleOnLight).toBeGreaterThan(0.7); // the white dot in the middle does not count on white
    expect(v.visibleOnDark).toBeGreaterThan(0.9);
  });

  it("finds that a white logo on transparency disappears on a light background", async () => {
    const v = await measureVisibility(await logo("#ffffff"));
    expect(v.visibleOnLight).toBeLessThan(MIN_VISIBLE_SHARE);
    expect(v.visibleOnDark).toBeGreaterThan(0.4);
  });

  it("finds that a black logo on transparency disappears on a dark background", async () => {
    const v = await measureVisibility(await logo("#000000"));
    expect(v.visibleOnDark).toBeLessThan(MIN_VISIBLE_SHARE);
    expect(v.visibleOnLight).toBeGreaterThan(0.4);
  });
});
