import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { captureFiles, captureFromFiles, captureName, type Capture } from "./capture-format";

/**
 * Captures on disk: a folder per capture (response.json and the body), as `npm run marketplace:capture`
 * writes them, Sync history's download unzips to, and the readers' tests keep in lib/marketplace/captures/.
 */

/** Writes a capture's folder under `dir`; answers its path. */
export function writeCapture(dir: string, capture: Capture): string {
  const folder = join(dir, captureName(capture.meta));
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(captureFiles(capture))) writeFileSync(join(folder, name), text);
  return folder;
}

const FILES = ["response.json", "body.html", "body.json"];

function fromFolder(folder: string): Capture | null {
  const files: Record<string, string> = {};
  for (const name of FILES) if (existsSync(join(folder, name))) files[name] = readFileSync(join(folder, name), "utf8");
  return captureFromFiles(files);
}

/** A zip of capture folders (what Sync history downloads): each folder's files, by folder. */
function fromZip(file: string): { name: string; capture: Capture }[] {
  const folders = new Map<string, Record<string, string>>();
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(file))))) {
    const parts = path.split("/").filter(Boolean);
    const name = parts.at(-1)!;
    if (!FILES.includes(name)) continue;
    const folder = parts.slice(0, -1).join("/") || basename(file, ".zip");
    folders.set(folder, { ...folders.get(folder), [name]: strFromU8(bytes) });
  }
  return [...folders]
    .map(([name, files]) => ({ name, capture: captureFromFiles(files) }))
    .filter((c): c is { name: string; capture: Capture } => c.capture !== null);
}

/** Every capture at `path`: one folder, a folder of folders (read in name order), or a downloaded zip. */
export function readCaptures(path: string): { name: string; capture: Capture }[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith(".zip") ? fromZip(path) : [];
  const own = fromFolder(path);
  if (own) return [{ name: basename(path), capture: own }];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isDirectory() || e.name.endsWith(".zip"))
    .map((e) => e.name)
    .sort()
    .flatMap((name) =>
      readCaptures(join(path, name)).map((c) => ({ ...c, name: c.name === name ? name : `${name}/${c.name}` })),
    );
}
