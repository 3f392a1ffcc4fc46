import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets handed out once (share links, invitations, API tokens): 32 random bytes, 256 bits,
 * 43 base64url characters. The database keeps only the SHA-256, and lookups go through the hash, so
 * timing says nothing about the token.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString("base64url");

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const isToken = (value: string) => TOKEN_PATTERN.test(value);
