import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** Where uploaded files live. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** Keys are made by the app (content hashes under an app's folder); anything else is refused. */
export function assertSafeKey(key: string) {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
}

/** Files in a folder on this machine (the default: a folder under data/). */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private path(key: string) {
    assertSafeKey(key);
    return join(resolve(this.root), key);
  }

  async put(key: string, data: Buffer) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }

  async get(key: string) {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
}

/** Content-hashed names: a stored file never changes, so it can be cached for good. */
export function assetKeys(appId: string, sha256: string, mime: string) {
  const extension = mime === "image/png" ? "png" : "jpg";
  return { storageKey: `apps/${appId}/${sha256}.${extension}`, thumbKey: `apps/${appId}/${sha256}.thumb.webp` };
}
