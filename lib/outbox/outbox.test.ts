import { handoffSecretContext, webhookSecretContext, outboxBodyContext } from "@/lib/crypto/contexts";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
// The partner's backend here is a local server (lib/security/outbound.test.ts checks the refusals).
process.env.OUTBOUND_ALLOW_LOCAL = "true";
const { db } = await import("@/lib/db");
const { sealSecret } = await import("@/lib/crypto/keys");
const outbox = await import("./outbox");

let appId: string;
let server: Server;
let url: string;
let answer = 204;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req
      .on("data", (c) => (body += c))
      .on("end", () => {
        hits.push(body);
        res.writeHead(answer).end();
      });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const w = await db.workspace.create({ data: { pipedriveCompanyId: 51, name: "Outbox" } });
  const app = await db.app.create({
    data: { workspaceId: w.id, name: "Relay", type: "PUBLIC", clientId: "c", callbackUrl: "https://x.example.com" },
  });
  appId = app.id;
  await db.app.update({
    where: { id: appId },
    data: { handoffSecret: sealSecret("signing-secret", handoffSecretContext(appId)) },
  });
});
afterAll(() => server.close());

const enqueue = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.outboxMessage.create({
        data: {
          appId,
          kind: "UNINSTALL_RELAY",
          url,
          body: sealSecret(JSON.stringify({ n: i }), outboxBodyContext(appId)),
        },
      }),
    ),
  );

describe("the outbox", () => {
  it("never gives the same row to two workers", async () => {
    await enqueue(30);
    const a = outbox.claim("worker-a", 20);
    const b = outbox.claim("worker-b", 20);
    const ids = [...a, ...b].map((m) => m.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(outbox.claim("worker-c", 20)).toEqual([]);
    await db.outboxMessage.deleteMany({ where: { appId } });
  });

  it("takes back a claim whose worker died", async () => {
    await enqueue(1);
    const now = Date.now();
    expect(outbox.claim("dead-worker", 5, now)).toHaveLength(1);
    expect(outbox.claim("next-worker", 5, now + 1_000)).toHaveLength(0);
    expect(outbox.claim("next-worker", 5, now + 61_000)).toHaveLength(1);
    await db.outboxMessage.deleteMany({ where: { appId } });
  });

  it("delivers with a signature, backs off on failure, and gives up after the last attempt", async () => {
    await enqueue(1);
    answer = 500;
    let now = Date.now();
    for (let attempt = 1; attempt <= outbox.MAX_ATTEMPTS; attempt++) {
      expect(await outbox.processOutbox("w", now)).toEqual({ delivered: 0, failed: 1 });
      const row = await db.outboxMessage.findFirstOrThrow({ where: { appId } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe("answered HTTP 500");
      expect(row.status).toBe(attempt === outbox.MAX_ATTEMPTS ? "FAILED" : "PENDING");
      // Not due again before its backoff.
      expect(await outbox.processOutbox("w", now)).toEqual({ delivered: 0, failed: 0 });
      now = row.nextAttemptAt.getTime() + 1;
    }
    expect(await outbox.processOutbox("w", now + 86_400_000)).toEqual({ delivered: 0, failed: 0 });
    expect(hits).toHaveLength(outbox.MAX_ATTEMPTS);

    answer = 204;
    await db.outboxMessage.updateMany({
      where: { appId },
      data: { status: "PENDING", nextAttemptAt: new Date(), attempts: 0 },
    });
    expect(await outbox.processOutbox("w")).toEqual({ delivered: 1, failed: 0 });
    const delivered = await db.outboxMessage.findFirstOrThrow({ where: { appId } });
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.body).toBe("");
    expect(JSON.parse(hits.at(-1)!)).toEqual({ n: 0 });
  });

  it("logs every attempt", async () => {
    const row = await db.outboxMessage.findFirstOrThrow({ where: { appId } });
    const attempts = await db.outboxAttempt.findMany({ where: { messageId: row.id }, orderBy: { at: "asc" } });
    expect(attempts.map((a) => [a.status, a.error])).toEqual([
      ...Array.from({ length: outbox.MAX_ATTEMPTS }, () => [500, "answered HTTP 500"]),
      [204, null],
    ]);
    expect(attempts.every((a) => a.durationMs >= 0)).toBe(true);
    await db.outboxMessage.deleteMany({ where: { appId } });
  });

  it("signs an alert with its webhook's own secret and keeps its body, so it can be resent", async () => {
    const { createHmac } = await import("node:crypto");
    const signatures: string[] = [];
    const hook = await db.alertWebhook.create({
      data: {
        workspaceId: (await db.app.findUniqueOrThrow({ where: { id: appId } })).workspaceId,
        name: "Ops",
        url,
        format: "JSON",
        events: "NEW_REVIEW",
        secret: "",
      },
    });
    await db.alertWebhook.update({
      where: { id: hook.id },
      data: { secret: sealSecret("whsec_test", webhookSecretContext(hook.id)) },
    });
    server.on("request", (req) => signatures.push(String(req.headers["x-listing-studio-signature"])));
    await db.outboxMessage.create({
      data: { appId, kind: "ALERT", url, webhookId: hook.id, body: outbox.sealBody(appId, { alert: 1 }) },
    });
    expect(await outbox.processOutbox("w")).toEqual({ delivered: 1, failed: 0 });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(signatures.at(-1)!)!;
    expect(v1).toBe(
      createHmac("sha256", "whsec_test")
        .update(`${t}.${hits.at(-1)}`)
        .digest("hex"),
    );
    const row = await db.outboxMessage.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(row.status).toBe("DELIVERED");
    expect(
      JSON.parse(await import("@/lib/crypto/keys").then((k) => k.openSecret(row.body, outboxBodyContext(appId)))),
    ).toEqual({ alert: 1 });

    // A deleted webhook's deliveries go with it; nothing is sent to a URL no longer configured.
    await db.alertWebhook.delete({ where: { id: hook.id } });
    expect(await db.outboxMessage.count({ where: { kind: "ALERT" } })).toBe(0);
  });

  it("a backend that does not answer holds up no other delivery: the others arrive while it is waited for", async () => {
    // The slow backend answers only when told to; until then its delivery is under way.
    let release = () => {};
    const slowHits: number[] = [];
    const slow = createServer((req, res) => {
      slowHits.push(Date.now());
      req.resume().on("end", () => (release = () => void res.writeHead(204).end()));
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`;
      const earlier = new Date(Date.now() - 60_000);
      // The slow one is due first, so a worker that sent one at a time would wait on it.
      await db.outboxMessage.create({
        data: {
          appId,
          kind: "UNINSTALL_RELAY",
          url: slowUrl,
          nextAttemptAt: earlier,
          body: outbox.sealBody(appId, { n: "slow" }),
        },
      });
      await enqueue(3);
      const before = hits.length;
      const round = outbox.processOutbox("w");
      await expect.poll(() => slowHits.length).toBe(1);
      await expect.poll(() => hits.length - before).toBe(3);
      release();
      expect(await round).toEqual({ delivered: 4, failed: 0 });
    } finally {
      slow.closeAllConnections();
      slow.close();
      await db.outboxMessage.deleteMany({ where: { appId } });
    }
  });

  it("backs off exponentially, with jitter, up to an hour", () => {
    expect(outbox.backoffMs(1, 0.5)).toBe(30_000);
    expect(outbox.backoffMs(2, 0.5)).toBe(60_000);
    expect(outbox.backoffMs(20, 0.5)).toBe(3_600_000);
    expect(outbox.backoffMs(1, 0)).toBe(24_000);
    expect(outbox.backoffMs(1, 1)).toBe(36_000);
  });
});
