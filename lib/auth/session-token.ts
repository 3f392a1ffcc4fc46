import { createHash } from "node:crypto";

/** Session tokens are stored as SHA-256 hashes: a leaked database does not hand out sessions. */
export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");
