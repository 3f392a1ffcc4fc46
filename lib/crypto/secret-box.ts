import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest. A sealed value is `v1.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url parts), so a later key rotation can tell which key sealed what.
 */

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";

export type SecretKey = { id: string; key: Buffer };

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** Parses a base64 (or base64url) key of exactly 32 bytes. */
export function parseKey(value: string, id = "k1"): SecretKey {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new SecretBoxError("The encryption key must be 32 bytes, base64-encoded");
  return { id, key };
}

export function seal(plaintext: string, { id, key }: SecretKey, associatedData = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Opens a sealed value; a wrong key, wrong context or any tampering is an error, never garbage. */
export function open(sealed: string, keys: SecretKey[], associatedData = ""): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError("Not a sealed secret");
  const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const secretKey = keys.find((k) => k.id === id);
  if (!secretKey) throw new SecretBoxError(`No key with id ${id}`);
  try {
    const decipher = createDecipheriv(ALGORITHM, secretKey.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The secret could not be decrypted (wrong key or tampered value)");
  }
}
