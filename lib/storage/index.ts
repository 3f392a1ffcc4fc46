import "server-only";
import { env } from "@/lib/server/env";
import { LocalFileStorage, type FileStorage } from "./local";
import { S3FileStorage } from "./s3";

export { assetKeys, type FileStorage } from "./local";

let storage: FileStorage | undefined;

/** Uploaded files: in an S3-compatible bucket when `S3_BUCKET` is set (several instances), else in `STORAGE_DIR`. */
export function fileStorage(): FileStorage {
  if (storage) return storage;
  const e = env();
  storage = e.S3_BUCKET
    ? new S3FileStorage({
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        endpoint: e.S3_ENDPOINT,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
        prefix: e.S3_PREFIX,
      })
    : new LocalFileStorage(e.STORAGE_DIR);
  return storage;
}
