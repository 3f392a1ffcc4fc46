import "server-only";
import { env } from "@/lib/env";
import { LocalFileStorage, type FileStorage } from "./local";

export { assetKeys, type FileStorage } from "./local";

let storage: FileStorage | undefined;
export const fileStorage = (): FileStorage => (storage ??= new LocalFileStorage(env().STORAGE_DIR));
