import { handoffSecretContext, webhookSecretContext } from "@/lib/crypto/contexts";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/**
 * Every server-side request to a URL someone chose goes through the outbound guard, at save time
 * and at send time: an owner cannot point Listing Studio at an internal service. A listener on this
 * machine stands for that service and must receive no connection at all.
 */
setupTestDatabase();
process.env.OUTBOUND_ALLOW_LOCAL = "false";
const { db } = await import("@/lib/db");
const { sealSecret } = await import("@/lib/crypto/keys");
const { createWebhook, sendTestAlert, deliveryLog } = await import("@/lib/alerts/webhooks");
const { updateGatewaySettings } = await import("@/lib/gateway/settings");
const { processOutbox, sealBody } = await import("@/lib/outbox/outbox");
const { checkLinksNow } = await import("@/lib/listing/link-status");
const { getDraft } = await import("@/lib/listing/drafts");
const apps = await import("@/lib/apps/service");

let listener: Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  listener = createServer((_req, res) => res.writeHead(200).end("internal")).on("connection", () => connections++);
  await new Promise<void>((r) => listener.listen(0, "127.0.0.1", r));
  port = (listener.address() as AddressInfo).port;
});
afterAll(() => listener.close());

describe("requests to URLs people chose", () => {
  it("an alert webhook to this machine is refused when saved, and a stored one is never delivered", async () => {
    const owner = await createOwner(db, 901);
    await apps.createApp(owner, {
      name: "Hooked",
      type: "PUBLIC",
      clientId: "hooked",
      callbackUrl: "https://hooked.example.com/cb",
    });
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `https://127.0.0.1:${port}/hook`,
      `https://[::ffff:127.0.0.1]:${port}/hook`,
      `https://169.254.169.254/latest/meta-data/`,
      `https://localhost:${port}/`,
    ]) {
      await expect(
        createWebhook(owner, { name: "Internal", url, format: "JSON", events: ["NEW_REVIEW"] }),
        url,
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fields: { url: expect.stringMatching(/^Webhook URL: (address not allowed|only https)/) },
      });
    }
    // Stored before the rule, or pointing at a name that now resolves here: refused at send time too.
    const id = crypto.randomUUID();
    await db.alertWebhook.create({
      data: {
        id,
        workspaceId: owner.workspace.id,
        name: "Old",
        url: `https://127.0.0.1:${port}/hook`,
        format: "JSON",
        events: "NEW_REVIEW",
        secret: sealSecret("whsec_x", webhookSecretContext(id)),
      },
    });
    await sendTestAlert(owner, id);
    expect(await processOutbox()).toEqual({ delivered: 0, failed: 1 });
    const [delivery] = await deliveryLog(owner);
    expect(delivery!.attempts[0]).toMatchObject({ status: null, error: "address not allowed" });
    expect(connections).toBe(0);
  });

  it("a gateway hand-off to this machine is refused when saved, and an old one is never sent", async () => {
    const owner = await createOwner(db, 902);
    const app = await apps.createApp(owner, {
      name: "Handed",
      type: "PUBLIC",
      clientId: "handed",
      callbackUrl: "https://handed.example.com/cb",
    });
    await expect(
      updateGatewaySettings(owner, app.id, { handoffMode: "FORWARD", handoffUrl: `http://127.0.0.1:${port}/handoff` }),
    ).rejects.toMatchObject({
      fields: { handoffUrl: "Handoff URL: only https:// addresses are allowed" },
    });
    await expect(
      updateGatewaySettings(owner, app.id, {
        handoffMode: "FORWARD",
        handoffUrl: `https://[::ffff:7f00:1]:${port}/handoff`,
      }),
    ).rejects.toMatchObject({
      fields: {
        handoffUrl: "Handoff URL: address not allowed: Listing Studio only sends to public internet addresses",
      },
    });
    await db.app.update({
      where: { id: app.id },
      data: {
        handoffMode: "FORWARD",
        handoffUrl: `https://127.0.0.1:${port}/handoff`,
        handoffSecret: sealSecret("s", handoffSecretContext(app.id)),
      },
    });
    await db.outboxMessage.create({
      data: {
        appId: app.id,
        kind: "HANDOFF",
        url: `https://127.0.0.1:${port}/handoff`,
        body: sealBody(app.id, { event: "install" }),
      },
    });
    expect(await processOutbox()).toEqual({ delivered: 0, failed: 1 });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { appId: app.id } })).lastError).toBe(
      "address not allowed",
    );
    expect(connections).toBe(0);
  });

  it("a listing link to this machine is reported, not fetched", async () => {
    const owner = await createOwner(db, 903);
    const app = await apps.createApp(owner, {
      name: "Linked",
      type: "PUBLIC",
      clientId: "linked",
      callbackUrl: "https://linked.example.com/cb",
    });
    const draft = {
      ...(await getDraft(owner, app.id)).data,
      websiteUrl: `https://127.0.0.1:${port}/`,
      supportUrl: `https://[::ffff:127.0.0.1]:${port}/help`,
    };
    const links = await checkLinksNow(owner, app.id, draft);
    expect(Object.values(links).map((l) => l.error)).toEqual(["address not allowed", "address not allowed"]);
    expect(connections).toBe(0);
  });
});
