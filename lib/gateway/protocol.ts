import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "@/lib/crypto/sign";
import { pipedriveId } from "@/lib/pipedrive/ids";

/**
 * The install gateway's pure parts: the signed OAuth `state`, Basic auth of Pipedrive's
 * uninstall call, its tolerant body, and the signature of what goes to a partner's backend.
 */

export const STATE_TTL_MS = 5 * 60_000;

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function newStateNonce() {
  return randomBytes(18).toString("base64url");
}

/** `state` = payload.signature, bound to the app and to a nonce also kept in a cookie. */
export function signState(appKey: string, nonce: string, key: string, now = Date.now()): string {
  const payload = b64(JSON.stringify({ k: appKey, n: nonce, e: now + STATE_TTL_MS }));
  return `${payload}.${b64(createHmac("sha256", key).update(payload).digest())}`;
}

export type StateCheck = { ok: true } | { ok: false; reason: "forged" | "expired" | "other-app" | "no-cookie" };

export function verifyState(
  state: string,
  appKey: string,
  cookieNonce: string | undefined,
  key: string,
  now = Date.now(),
): StateCheck {
  const [payload, signature, extra] = state.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "forged" };
  if (!safeEqual(signature, b64(createHmac("sha256", key).update(payload).digest())))
    return { ok: false, reason: "forged" };
  let data: { k?: unknown; n?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "forged" };
  }
  if (data.k !== appKey) return { ok: false, reason: "other-app" };
  if (typeof data.e !== "number" || data.e < now) return { ok: false, reason: "expired" };
  if (!cookieNonce || typeof data.n !== "string" || !safeEqual(data.n, cookieNonce))
    return { ok: false, reason: "no-cookie" };
  return { ok: true };
}

/** `Authorization: Basic base64(id:secret)`, or null. */
export function parseBasicAuth(header: string | null): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** ISO 8601, "YYYY-MM-DD HH:MM:SS" (read as UTC), or epoch seconds or milliseconds. */
export function parseTimestamp(value: unknown): Date | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== "string" || !value.trim()) return null;
  const v = value.trim();
  if (/^\d{9,13}$/.test(v)) return parseTimestamp(Number(v));
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(v);
  const date = new Date(plain ? `${plain[1]}T${plain[2]}Z` : v);
  return Number.isNaN(date.getTime()) ? null : date;
}

const uninstallSchema = z.object({
  client_id: z.union([z.string(), z.number()]).transform(String).optional(),
  company_id: pipedriveId,
  user_id: pipedriveId,
  timestamp: z.unknown().optional(),
});

export type UninstallCall = { clientId: string | null; companyId: number; userId: number; timestamp: Date | null };

/** Pipedrive's uninstall body, parsed tolerantly; otherwise what is wrong with it, naming the field. */
export function readUninstallBody(text: string): { ok: true; call: UninstallCall } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The body must be JSON with company_id and user_id" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, message: "The body must be JSON with company_id and user_id" };
  const result = uninstallSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? "body");
    return { ok: false, message: field in (json as object) ? `${field} ${issue.message}` : `${field} is required` };
  }
  return {
    ok: true,
    call: {
      clientId: result.data.client_id ?? null,
      companyId: result.data.company_id,
      userId: result.data.user_id,
      timestamp: parseTimestamp(result.data.timestamp),
    },
  };
}

/** The same, null when the body names no valid company and user. */
export function parseUninstallBody(text: string): UninstallCall | null {
  const read = readUninstallBody(text);
  return read.ok ? read.call : null;
}
