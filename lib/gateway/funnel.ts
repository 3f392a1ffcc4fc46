import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ingestEvents } from "@/lib/installs/ingest";
import { type GatewayApp, stateKey } from "./keys";

/** The install funnel: visits that reached Pipedrive's consent, consents granted and denied. */

/** The funnel counts visits, not requests: a browser is counted once per window (see the install route). */
export const FUNNEL_WINDOW_MS = 10 * 60_000;

/**
 * The Installation URL's cookie, as the server wrote it: `p.<nonce>.<signature>` on a first visit (the
 * signature, keyed like `state`, means only this server's cookie counts when the browser comes back
 * with it), then `<nonce>` once counted. Null for anything else.
 */
const signVisit = (appKey: string, nonce: string) =>
  createHmac("sha256", stateKey()).update(`started:${appKey}:${nonce}`).digest("base64url").slice(0, 22);
export const pendingVisit = (appKey: string, nonce: string) => `p.${nonce}.${signVisit(appKey, nonce)}`;
export function readVisit(appKey: string, value: string | undefined): { nonce: string; pending: boolean } | null {
  const match = /^(?:p\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{22})|([A-Za-z0-9_-]{24}))$/.exec(value ?? "");
  if (!match) return null;
  if (match[3]) return { nonce: match[3], pending: false };
  const expected = Buffer.from(signVisit(appKey, match[1]!));
  const given = Buffer.from(match[2]!);
  return timingSafeEqual(expected, given) ? { nonce: match[1]!, pending: true } : null;
}

/** A browser that keeps cookies was sent to Pipedrive's consent from the Installation URL (`visit`: its cookie's nonce). */
export function recordInstallStarted(app: GatewayApp, visit: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `started:${createHash("sha256").update(visit).digest("hex").slice(0, 32)}`,
      type: "INSTALL_STARTED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}

/** Pipedrive came back with a code for an installation started here: the person consented. */
export function recordConsentGranted(app: GatewayApp, code: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `granted:${createHash("sha256").update(code).digest("hex").slice(0, 40)}`,
      type: "CONSENT_GRANTED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}

/**
 * Someone cancelled on Pipedrive's consent screen, in an installation started here (its state checks
 * out): once per state. A cancel without a state (the Marketplace's own flow) cannot be told from a
 * forged one, and is not counted.
 */
export function recordConsentDenied(app: GatewayApp, state: string, now = new Date()) {
  ingestEvents(app.id, [
    {
      dedupeKey: `denied:${createHash("sha256").update(state).digest("hex").slice(0, 32)}`,
      type: "CONSENT_DENIED",
      companyId: null,
      userId: null,
      occurredAt: now,
      source: "GATEWAY",
    },
  ]);
}
