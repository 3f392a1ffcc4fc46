import "server-only";
import { env } from "@/lib/env";
import { open, parseKey, seal } from "./secret-box";

const key = () => parseKey(env().ENCRYPTION_KEY);

/** Seals a secret bound to what it belongs to (e.g. `app:<id>:client-secret`), so it cannot be moved to another row. */
export const sealSecret = (plaintext: string, context: string) => seal(plaintext, key(), context);
export const openSecret = (sealed: string, context: string) => open(sealed, [key()], context);
