import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { makeBombHeader, makeImage, pngChunk } from "./fixtures";
import { jpegExtent, pngExtent } from "./containers";
import { processImage } from "./process";

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("processImage", () => {
  it("accepts a 1280×800 PNG listing image and makes a thumbnail", async () => {
    const image = await processImage(await makeImage(1280, 800), "image");
    expect(image).toMatchObject({ mime: "image/png", width: 1280, height: 800 });
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await sharp(image.thumb).metadata()).width).toBe(320);
  });

  it("accepts a square JPEG icon and strips its EXIF and GPS metadata", async () => {
    const withExif = await sharp(await makeImage(512, 512, "jpeg"))
      .withExif({ IFD0: { Copyright: "secret-owner" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 26/1 0/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const icon = await processImage(withExif, "icon");
    expect(icon.mime).toBe("image/jpeg");
    const meta = await sharp(icon.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(icon.data.includes(Buffer.from("secret-owner"))).toBe(false);
  });

  it.each([
    ["a GIF", () => makeImage(1280, 800, "gif"), /GIF; only PNG or JPEG/, 415],
    ["a WebP", () => makeImage(1280, 800, "webp"), /WEBP; only PNG or JPEG/, 415],
    [
      "an SVG",
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"><script>alert(1)</script></svg>',
        ),
      /SVG; only PNG or JPEG/,
      415,
    ],
    ["a text file named .png", async () => Buffer.from("hello, I am not an image"), /not an image we can read/, 415],
    [
      "a 1280×799 image",
      () => makeImage(1280, 799),
      /16:10 at 1280×800, 1440×900, 2560×1600, 2880×1800; .* is 1280×799/,
      422,
    ],
    ["a 20000×20000 PNG header", () => makeBombHeader(20000, 20000), /20000×20000 pixels.*not opened/, 422],
  ])("refuses %s with a message that says why", async (_label, make, message, status) => {
    const error = await rejection(processImage(await make(), "image", "upload.png"));
    expect(error.message).toMatch(message);
    expect(error.status).toBe(status);
    expect(error.fields?.images).toBe(error.message);
  });

  it("refuses a file over 10 MB before reading it", async () => {
    const error = await rejection(processImage(Buffer.alloc(12 * 1024 * 1024, 1), "image", "big.png"));
    expect(error.status).toBe(413);
    expect(error.message).toBe("big.png is 12.0 MB; images may be at most 10 MB.");
  });

  it("refuses icons that are not square or too small", async () => {
    expect((await rejection(processImage(await makeImage(300, 200), "icon"))).message).toMatch(/must be square/);
    expect((await rejection(processImage(await makeImage(128, 128), "icon"))).message).toMatch(/at least 256×256/);
    expect((await rejection(processImage(await makeImage(300, 200), "icon"))).fields?.icon).toBeDefined();
  });

  it("keeps a file without metadata byte for byte, so an exported image re-imports with the same hash", async () => {
    const jpeg = await makeImage(2560, 1600, "jpeg");
    const first = await processImage(jpeg, "image");
    expect(first.data.equals(jpeg)).toBe(true);
    expect((await processImage(first.data, "image")).sha256).toBe(first.sha256);
  });

  it("keeps nothing but the image: bytes glued after a PNG or JPEG are dropped, text chunks re-encoded away", async () => {
    const payload = Buffer.from("PK\u0003\u0004<script>alert(1)</script>");
    for (const format of ["png", "jpeg"] as const) {
      const image = await makeImage(1280, 800, format);
      const processed = await processImage(Buffer.concat([image, payload]), "image");
      expect(processed.data.equals(image), format).toBe(true);
      expect(processed.data.includes(payload), format).toBe(false);
    }
    const png = await makeImage(1280, 800, "png");
    const iend = png.length - 12;
    const withText = Buffer.concat([
      png.subarray(0, iend),
      pngChunk("tEXt", Buffer.from("Comment\u0000token=secret")),
      png.subarray(iend),
    ]);
    const cleaned = await processImage(withText, "image");
    expect(cleaned.data.includes(Buffer.from("token=secret"))).toBe(false);
    expect(pngExtent(cleaned.data)).toEqual({ end: cleaned.data.length, extras: false });
  });

  it("reads where PNG and JPEG images end, escaped 0xFF bytes and restart markers included", async () => {
    const jpeg = await sharp({
      create: {
        width: 64,
        height: 48,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(jpegExtent(Buffer.concat([jpeg, Buffer.from([0xff, 0xd9, 1, 2, 3])]))).toEqual({
      end: jpeg.length,
      extras: false,
    });
    const progressive = await sharp({
      create: {
        width: 64,
        height: 48,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .jpeg({ progressive: true })
      .toBuffer();
    expect(jpegExtent(progressive)?.end).toBe(progressive.length);
    expect(jpegExtent(Buffer.from("not a jpeg"))).toBeNull();
    expect(pngExtent(Buffer.from("not a png"))).toBeNull();
  });

  it("checks onboarding images: 720×400 and at most 100 KB", async () => {
    expect((await processImage(await makeImage(720, 400), "onboarding")).width).toBe(720);
    const wrong = await rejection(processImage(await makeImage(1280, 800), "onboarding", "step.png"));
    expect(wrong.message).toBe("Onboarding images must be 720×400; step.png is 1280×800.");
    expect(wrong.fields?.onboarding).toBe(wrong.message);
    const heavy = await rejection(processImage(Buffer.alloc(150 * 1024, 1), "onboarding", "heavy.png"));
    expect(heavy.message).toBe("heavy.png is 150 KB; onboarding images may be at most 100 KB.");
  });

  it("refuses a truncated PNG", async () => {
    const png = await makeImage(1280, 800);
    const error = await rejection(processImage(png.subarray(0, 200), "image"));
    expect(error.message).toMatch(/damaged|not an image/);
  });
});

describe("image work is bounded", () => {
  it("processes at most IMAGE_WORKERS images at once, and answers 503 once IMAGE_QUEUE uploads wait", async () => {
    const { IMAGE_QUEUE, IMAGE_WORKERS, imageQueue } = await import("./process");
    const input = await makeImage(2560, 1600, "png", "#1c7ed6");
    let peak = 0;
    const jobs = Array.from({ length: IMAGE_WORKERS + IMAGE_QUEUE }, () => processImage(input, "image"));
    // Every job above is either running or waiting: the limit holds while they run.
    const state = imageQueue();
    expect(state.active + state.waiting).toBe(IMAGE_WORKERS + IMAGE_QUEUE);
    const watch = setInterval(() => (peak = Math.max(peak, imageQueue().active)), 1);
    const refused = await rejection(processImage(input, "image"));
    expect(refused.status).toBe(503);
    expect(refused.message).toBe("Many images are being processed right now; upload this one again in a moment.");
    expect(refused.fields).toEqual({ images: refused.message });
    const done = await Promise.all(jobs);
    clearInterval(watch);
    expect(done).toHaveLength(IMAGE_WORKERS + IMAGE_QUEUE);
    expect(peak).toBeLessThanOrEqual(IMAGE_WORKERS);
    expect(imageQueue()).toEqual({ active: 0, waiting: 0 });
    // Room again: the next upload is processed.
    expect((await processImage(input, "image")).width).toBe(2560);
  });
});
