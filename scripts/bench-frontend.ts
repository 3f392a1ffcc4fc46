/**
 * The browser side of `npm run bench`: first-load JavaScript per route, read from the build, and
 * Lighthouse 12 scores in headless Chromium.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

export type RouteJs = { route: string; files: number; gzipBytes: number };

/** `(dashboard)/apps/[appId]/listing/page` → `/apps/[appId]/listing`. */
function routeOf(manifestKey: string): string {
  const path = manifestKey
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => part && !/^\(.+\)$/.test(part))
    .join("/");
  return `/${path}`;
}

function* manifests(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(path);
    else if (entry.name === "page_client-reference-manifest.js") yield path;
  }
}

/**
 * For every page of the build: the JavaScript a first visit loads — the framework's root files
 * plus every chunk its layouts, page and boundaries need — gzip-compressed as `next start` serves it.
 */
export function firstLoadJs(buildDir = ".next"): RouteJs[] {
  const build = JSON.parse(readFileSync(join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) sizes.set(file, (size = gzipSync(readFileSync(join(buildDir, file))).length));
    return size;
  };
  const routes: RouteJs[] = [];
  for (const file of manifests(join(buildDir, "server", "app"))) {
    const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
    new Function("globalThis", readFileSync(file, "utf8"))(holder);
    const [key, manifest] = Object.entries(holder.__RSC_MANIFEST)[0]!;
    const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    routes.push({
      route: routeOf(
        key ||
          relative(join(buildDir, "server", "app"), file)
            .split(sep)
            .join("/"),
      ),
      files: files.size,
      gzipBytes: [...files].reduce((sum, f) => sum + gzipped(f), 0),
    });
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

export type LighthouseScores = { performance: number; accessibility: number; bestPractices: number; failed: string[] };

export const chromiumPath = () =>
  [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));

/** Lighthouse's default (mobile, simulated slow 4G and 4× CPU slowdown) on one URL. */
export async function lighthouseScores(url: string, headers: Record<string, string> = {}): Promise<LighthouseScores> {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: headers,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failed = Object.values(audits)
      .filter(
        (a) =>
          a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric"),
      )
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      failed,
    };
  } finally {
    await chrome.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of firstLoadJs()) console.log(`${r.route}\t${(r.gzipBytes / 1000).toFixed(1)} kB\t${r.files} files`);
}
