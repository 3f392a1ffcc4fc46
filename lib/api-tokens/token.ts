import { createHash, randomBytes } from "node:crypto";

/** `lst_` and 32 random bytes. Only the SHA-256 is stored; the token is shown once. */
export const newApiToken = () => `lst_${randomBytes(32).toString("base64url")}`;
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");
