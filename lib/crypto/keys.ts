import "server-only";
import { env } from "@/lib/server/env";
import { keyIdOf, open, parseKey, seal, type SecretKey } from "./secret-box";

/**
 * The encryption keys of this deployment: `ENCRYPTION_KEY` seals, and it or any key in
 * `ENCRYPTION_KEYS_PREVIOUS` opens. A key's id is derived from the key itself, so a sealed value
 * says which key sealed it and rotation needs no bookkeeping (see `npm run keys:rotate`).
 */
export function encryptionKeys(): { current: SecretKey; all: SecretKey[] } {
  const { ENCRYPTION_KEY, ENCRYPTION_KEYS_PREVIOUS } = env();
  const current = parseKey(ENCRYPTION_KEY, keyIdOf(ENCRYPTION_KEY));
  const previous = (ENCRYPTION_KEYS_PREVIOUS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => parseKey(k, keyIdOf(k)));
  return { current, all: [current, ...previous.filter((k) => k.id !== current.id)] };
}

/** Seals a secret bound to what it belongs to (e.g. `app:<id>:client-secret`), so it cannot be moved to another row. */
export const sealSecret = (plaintext: string, context: string) => seal(plaintext, encryptionKeys().current, context);
export const openSecret = (sealed: string, context: string) => open(sealed, encryptionKeys().all, context);
