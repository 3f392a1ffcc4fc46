/**
 * Memory of the server under `npm run bench`: its resident set (the process and its children,
 * read from /proc) sampled every 50 ms while something runs, and the load that tests it hardest —
 * eight uploads of the largest image Pipedrive accepts, at once.
 */
import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { MAX_BYTES, MAX_PIXELS } from "../lib/media/process";

/** Resident bytes of `pid` and every process below it. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

/** Runs `work` while sampling the server's memory; returns its result, the memory before and the peak. */
export async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; before: number; peak: number }> {
  const before = treeRss(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 50);
  try {
    const result = await work();
    peak = Math.max(peak, treeRss(pid));
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The largest icon Pipedrive takes: 6000×6000 pixels (the decode limit), as a JPEG of camera-like
 * detail just under the 10 MB upload limit.
 */
export async function maxSizeIcon(): Promise<Buffer> {
  const side = Math.sqrt(MAX_PIXELS);
  const noise = sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: "#6b8fb3",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  });
  const raw = await noise.raw().toBuffer();
  for (let quality = 60; quality >= 10; quality -= 5) {
    const jpeg = await sharp(raw, { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length <= MAX_BYTES) return jpeg;
  }
  throw new Error("Could not make a 6000×6000 JPEG under 10 MB");
}

/** `count` uploads of `image` as the app's icon at once; every one must be accepted. */
export async function concurrentUploads(
  base: string,
  cookie: string,
  appId: string,
  image: Buffer,
  count: number,
): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(image)], { type: "image/jpeg" }), `icon-${i}.jpg`);
      const res = await fetch(`${base}/api/apps/${appId}/assets?kind=icon`, {
        method: "POST",
        body: form,
        headers: { cookie, origin: base },
      });
      if (res.status !== 201) throw new Error(`Upload ${i} answered ${res.status}: ${await res.text()}`);
      return res.status;
    }),
  );
}
