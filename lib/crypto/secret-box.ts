import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

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

/**
 * A key's id: 8 characters of the SHA-256 of the key (it reveals nothing usable about it).
 * Values sealed before ids were derived carry `k1`, which any of the configured keys may open.
 */
export const keyIdOf = (value: string) =>
  createHash("sha256").update(Buffer.from(value.trim(), "base64")).digest("base64url").slice(0, 8);
export const LEGACY_KEY_ID = "k1";

/** The id of the key that sealed a value, or null when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === VERSION ? parts[1]! : null;
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
  const candidates = id === LEGACY_KEY_ID ? keys : keys.filter((k) => k.id === id);
  if (candidates.length === 0)
    throw new SecretBoxError(`No key with id ${id}: add the key that sealed it to ENCRYPTION_KEYS_PREVIOUS`);
  for (const secretKey of candidates) {
    try {
      const decipher = createDecipheriv(ALGORITHM, secretKey.key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(associatedData, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // GCM authenticates: a wrong key fails here, never yields garbage; try the next one.
    }
  }
  throw new SecretBoxError("The secret could not be decrypted (wrong key or tampered value)");
}
