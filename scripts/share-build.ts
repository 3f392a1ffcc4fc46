/**
 * What share pages are made of, built once with the app (`npm run build`; `npm run dev` too):
 * - `public/share.css`: the app's own Tailwind stylesheet (app/globals.css), so a share page looks
 *   exactly like the editor's preview;
 * - `.share/render.cjs`: components/share/share-document.tsx — the preview's components rendered to HTML with
 *   react-dom/server — as a plain Node module. App Router code runs on React's server-components
 *   build, which has no HTML renderer, so the share route loads this module at run time instead
 *   (lib/share/page.ts). React itself is left out and comes from node_modules.
 * Both are generated, not committed.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import tailwind from "@tailwindcss/postcss";
import { build } from "esbuild";
import postcss from "postcss";

export const SHARE_RENDERER = join(".share", "render.cjs");

export async function buildShareStyles(root = process.cwd()) {
  const from = join(root, "app", "globals.css");
  const to = join(root, "public", "share.css");
  const result = await postcss([tailwind({ optimize: { minify: true } })]).process(await readFile(from, "utf8"), {
    from,
    to,
  });
  await writeFile(to, result.css);
  return result.css.length;
}

export async function buildShareRenderer(root = process.cwd()) {
  await build({
    entryPoints: [join(root, "components", "share", "share-document.tsx")],
    outfile: join(root, SHARE_RENDERER),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    jsx: "automatic",
    external: ["react", "react-dom", "react/*", "react-dom/*"],
    define: {
      "process.env.NODE_ENV": JSON.stringify(process.env.NODE_ENV === "development" ? "development" : "production"),
    },
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "warning",
    legalComments: "none",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [css] = await Promise.all([buildShareStyles(), buildShareRenderer()]);
  console.log(`Share pages: public/share.css (${Math.round(css / 1024)} kB) and ${SHARE_RENDERER}`);
}
