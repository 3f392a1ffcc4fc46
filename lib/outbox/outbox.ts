import { handoffSecretContext, webhookSecretContext, outboxBodyContext } from "@/lib/crypto/contexts";
import { randomBytes } from "node:crypto";
import pLimit from "p-limit";
import { backoffDelay } from "@/lib/backoff";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { signDelivery } from "@/lib/crypto/sign";
import { sqliteTime } from "@/lib/db/time";
import { sqlConnection } from "@/lib/db/sql";
import { log } from "@/lib/server/log";
import { outboundFetch, refusalOf } from "@/lib/net/outbound";
import { outboundPolicy } from "@/lib/net/policy";
import { type CrmPushBody, type PushResult, pushCustomerEvent } from "@/lib/crm/push";

/**
 * The durable outbox: deliveries to partners' backends wait in the database until the worker
 * sends them. Rows are claimed atomically (one UPDATE … RETURNING), so two workers never send
 * the same row; a claim expires, so a worker that died does not keep a row forever.
 */
export const MAX_ATTEMPTS = 8;
const CLAIM_MS = 60_000;
const TIMEOUT_MS = 10_000;

/** A message body as stored: JSON, sealed for its app. */
export const sealBody = (appId: string, payload: unknown) =>
  sealSecret(JSON.stringify(payload), outboxBodyContext(appId));

/** 30 s, 1 min, 2 min … capped at 1 h, with ±20% jitter so retries of many rows spread out. */
export const backoffMs = (attempts: number, random = Math.random()) =>
  backoffDelay(attempts, { baseMs: 30_000, maxMs: 3_600_000, jitter: 0.2, random });

type Claimed = {
  id: string;
  appId: string;
  kind: string;
  url: string;
  body: string;
  attempts: number;
  webhookId: string | null;
};

export function claim(worker: string, limit = 20, now = Date.now()): Claimed[] {
  return sqlConnection()
    .prepare(
      `UPDATE OutboxMessage SET status = 'SENDING', claimedBy = ?, claimedUntil = ?
       WHERE id IN (
         SELECT id FROM OutboxMessage
         WHERE ((status = 'PENDING' AND nextAttemptAt <= ?) OR (status = 'SENDING' AND claimedUntil < ?))
           -- A push into a partner's Pipedrive waits while another process pushes for that workspace.
           AND NOT (kind IN ('CRM_PUSH', 'CRM_BACKFILL') AND EXISTS (
             SELECT 1 FROM OutboxMessage o JOIN App a ON a.id = o.appId
             WHERE o.status = 'SENDING' AND o.claimedUntil >= ? AND o.claimedBy <> ?
               AND o.kind IN ('CRM_PUSH', 'CRM_BACKFILL')
               AND a.workspaceId = (SELECT workspaceId FROM App WHERE id = OutboxMessage.appId)))
         ORDER BY nextAttemptAt LIMIT ?
       )
       RETURNING id, appId, kind, url, body, attempts, webhookId`,
    )
    .all(
      worker,
      sqliteTime(now + CLAIM_MS),
      sqliteTime(now),
      sqliteTime(now),
      sqliteTime(now),
      worker,
      limit,
    ) as Claimed[];
}

/** The key that signs a message: the alert webhook's own, or the app's handoff secret. */
async function signingSecret(message: Claimed): Promise<string | null> {
  if (message.webhookId) {
    const hook = await db.alertWebhook.findUnique({ where: { id: message.webhookId }, select: { secret: true } });
    return hook ? openSecret(hook.secret, webhookSecretContext(message.webhookId)) : null;
  }
  const app = await db.app.findUnique({ where: { id: message.appId }, select: { handoffSecret: true } });
  return app?.handoffSecret ? openSecret(app.handoffSecret, handoffSecretContext(message.appId)) : null;
}

/** Alerts and pushes to the partner's Pipedrive carry nothing secret and can be sent again, so their body is kept. */
const keepsBody = (kind: string) => kind === "ALERT" || isCrmKind(kind);
export const isCrmKind = (kind: string) => kind === "CRM_PUSH" || kind === "CRM_BACKFILL";

/**
 * One delivery, through the outbound guard (the URL was checked when it was saved; it is checked
 * again here, at the address actually connected to). A refused address is reported as such and
 * nothing about what may answer there; a redirect is an answer, not followed.
 */
async function send(message: Claimed): Promise<PushResult> {
  // A push into the partner's own Pipedrive: its body names the event (nothing secret), the connection has the tokens.
  if (isCrmKind(message.kind)) return pushCustomerEvent(JSON.parse(message.body) as CrmPushBody);
  const secret = await signingSecret(message);
  if (!secret)
    return {
      ok: false,
      status: null,
      error: message.webhookId ? "the webhook was deleted" : "the app has no signing secret",
    };
  const body = openSecret(message.body, outboxBodyContext(message.appId));
  try {
    const res = await outboundFetch(
      message.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": message.webhookId ? "ListingStudio-Alerts/1.0" : "ListingStudio-Gateway/1.0",
          ...signDelivery(body, secret),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      outboundPolicy(),
    );
    await res.body?.cancel();
    return { ok: res.ok, status: res.status, error: res.ok ? null : `answered HTTP ${res.status}` };
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) return { ok: false, status: null, error: refused.reason };
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return {
      ok: false,
      status: null,
      error: timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : "the connection failed",
    };
  }
}

/** Records one attempt and what it means for the row: delivered, to be retried later, or given up. */
async function deliver(worker: string, message: Claimed): Promise<boolean> {
  const started = Date.now();
  const result = await send(message);
  const attempts = message.attempts + 1;
  const done = new Date();
  await db.outboxAttempt.create({
    data: {
      messageId: message.id,
      at: done,
      status: result.status,
      error: result.error,
      durationMs: done.getTime() - started,
    },
  });
  if (result.ok) {
    await db.outboxMessage.updateMany({
      where: { id: message.id, claimedBy: worker },
      // Delivered: the body (a handoff holds the tokens) is not kept.
      data: {
        status: "DELIVERED",
        ...(keepsBody(message.kind) ? {} : { body: "" }),
        attempts,
        deliveredAt: done,
        lastStatus: result.status,
        lastError: null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    return true;
  }
  // A rate limit is the receiver saying when: wait that long, and it does not count towards giving up.
  const limited = result.retryAfterMs !== undefined;
  const giveUp = !limited && attempts >= MAX_ATTEMPTS;
  await db.outboxMessage.updateMany({
    where: { id: message.id, claimedBy: worker },
    data: {
      status: giveUp ? "FAILED" : "PENDING",
      attempts: limited ? message.attempts : attempts,
      nextAttemptAt: new Date(done.getTime() + (limited ? result.retryAfterMs! : backoffMs(attempts))),
      lastStatus: result.status,
      lastError: result.error,
      claimedBy: null,
      claimedUntil: null,
    },
  });
  return false;
}

/**
 * Deliveries under way at once in this process. One partner's backend that does not answer (each
 * attempt waits up to TIMEOUT_MS) holds one of these, never the others' deliveries behind it.
 */
const DELIVERY_CONCURRENCY = 16;
const deliveries = pLimit(DELIVERY_CONCURRENCY);

/** Sends what is due once (at most `limit` rows); answers how many were delivered and how many failed. */
export async function processOutbox(
  worker = `w-${process.pid}-${randomBytes(3).toString("hex")}`,
  now = Date.now(),
  limit = 20,
) {
  const results = await Promise.all(claim(worker, limit, now).map((m) => deliveries(() => deliver(worker, m))));
  const delivered = results.filter(Boolean).length;
  return { delivered, failed: results.length - delivered };
}

type Loop = { timer: NodeJS.Timeout | null; rounds: number };
const loop: Loop = ((globalThis as unknown as { __outboxLoop?: Loop }).__outboxLoop ??= {
  timer: null,
  rounds: 0,
});
/** Rounds under way at once: a round slowed by one backend does not stop the next from starting. */
const MAX_ROUNDS = 4;
/** Rows a round claims: the rounds' rows together are sent well within their claim (CLAIM_MS). */
const ROUND_ROWS = 10;

/** The worker loop: every `intervalMs`, sends what is due, while fewer than MAX_ROUNDS rounds are under way. */
export function startOutboxWorker(intervalMs = 2_000) {
  if (loop.timer) return;
  const worker = `w-${process.pid}-${randomBytes(3).toString("hex")}`;
  loop.timer = setInterval(() => {
    if (loop.rounds >= MAX_ROUNDS) return;
    loop.rounds++;
    processOutbox(worker, Date.now(), ROUND_ROWS)
      .catch((error: unknown) => log().error({ err: error }, "Outbox round failed"))
      .finally(() => loop.rounds--);
  }, intervalMs);
  loop.timer.unref();
}

export function stopOutboxWorker() {
  if (loop.timer) clearInterval(loop.timer);
  loop.timer = null;
}
