import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/crypto/sign";
import { isNotificationKind, type NotificationKind } from "./kinds";

/**
 * An unsubscribe link's token: the person and the kind, signed with the server's secret, so that a
 * link turns off exactly that kind for exactly that person and cannot be forged or altered.
 */
const sign = (payload: string, secret: string) =>
  createHmac("sha256", `unsubscribe:${secret}`).update(payload).digest("base64url");

export function unsubscribeToken(userId: string, kind: NotificationKind, secret: string): string {
  const payload = Buffer.from(`${userId}.${kind}`).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function readUnsubscribeToken(token: string, secret: string): { userId: string; kind: NotificationKind } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 300) return null;
  if (!safeEqual(signature, sign(payload, secret))) return null;
  const [userId, kind] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  return userId && isNotificationKind(kind) ? { userId, kind } : null;
}
