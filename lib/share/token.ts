import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: 256 bits, 43 base64url characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token. Lookups go through the hash, so timing says nothing about the token. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const isShareToken = (value: string) => TOKEN_PATTERN.test(value);

export const sharePath = (token: string) => `/p/${token}`;

