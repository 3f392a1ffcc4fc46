import { createHash, createHmac } from "node:crypto";
import { safeEqual } from "@/lib/crypto/sign";

/**
 * The signed parts of outreach links, with the server's secret and one purpose each (a token of one kind never
 * opens another): the email's review link (which request was opened), the survey of one uninstall (until it
 * expires), and the unsubscribe of one address from one workspace's emails.
 */
type Purpose = "open" | "survey" | "optout";

const mac = (purpose: Purpose, payload: string, secret: string) =>
  createHmac("sha256", `outreach-${purpose}:${secret}`).update(payload).digest("base64url").slice(0, 32);

function sign(purpose: Purpose, fields: string[], secret: string) {
  const payload = Buffer.from(fields.join("|")).toString("base64url");
  return `${payload}.${mac(purpose, payload, secret)}`;
}

function read(purpose: Purpose, token: string, secret: string, count: number): string[] | null {
  if (token.length > 400) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || !safeEqual(signature, mac(purpose, payload, secret)))
    return null;
  const fields = Buffer.from(payload, "base64url").toString("utf8").split("|");
  return fields.length === count && fields.every(Boolean) ? fields : null;
}

export const openToken = (sendId: string, secret: string) => sign("open", [sendId], secret);
export const readOpenToken = (token: string, secret: string) => read("open", token, secret, 1)?.[0] ?? null;

/** Survey links work this long after the email. */
export const SURVEY_DAYS = 30;

export const surveyToken = (sendId: string, expiresAt: number, secret: string) =>
  sign("survey", [sendId, String(Math.floor(expiresAt / 1000))], secret);

export function readSurveyToken(
  token: string,
  secret: string,
  now = Date.now(),
): { ok: true; sendId: string } | { ok: false; reason: "forged" | "expired" } {
  const fields = read("survey", token, secret, 2);
  if (!fields || !/^\d+$/.test(fields[1]!)) return { ok: false, reason: "forged" };
  if (Number(fields[1]) * 1000 < now) return { ok: false, reason: "expired" };
  return { ok: true, sendId: fields[0]! };
}

/** An address as the opt-out list keeps it: its SHA-256, lowercased and trimmed. */
export const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export const optOutToken = (workspaceId: string, email: string, secret: string) =>
  sign("optout", [workspaceId, emailHash(email)], secret);
export function readOptOutToken(token: string, secret: string) {
  const fields = read("optout", token, secret, 2);
  return fields && /^[0-9a-f]{64}$/.test(fields[1]!) ? { workspaceId: fields[0]!, emailHash: fields[1]! } : null;
}
