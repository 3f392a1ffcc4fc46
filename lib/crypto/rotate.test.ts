import {
  clientSecretContext,
  handoffSecretContext,
  webhookSecretContext,
  outboxBodyContext,
  crmTokenContext,
} from "@/lib/crypto/contexts";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";
import { keyIdOf, open, parseKey, sealedKeyId } from "./secret-box";

/**
 * Key rotation end to end: secrets sealed under key A; `npm run keys:rotate` with ENCRYPTION_KEY=B
 * and ENCRYPTION_KEYS_PREVIOUS=A re-seals them all under B; afterwards B alone opens every one.
 */
const A = randomBytes(32).toString("base64");
const B = randomBytes(32).toString("base64");
const C = randomBytes(32).toString("base64");
const file = setupTestDatabase();
process.env.ENCRYPTION_KEY = A;
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const gateway = {
  ...(await import("@/lib/gateway/settings")),
};
const webhooks = await import("@/lib/alerts/webhooks");
const { sealBody } = await import("@/lib/outbox/outbox");
const { sealSecret } = await import("@/lib/crypto/keys");

function rotate(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      join(process.cwd(), "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/keys-rotate.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "test", ENCRYPTION_KEYS_PREVIOUS: "", ...env },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

let appId: string;
let webhookId: string;
let workspaceId: string;
const sealedValues = async () => {
  const app = await db.app.findUniqueOrThrow({ where: { id: appId } });
  const hook = await db.alertWebhook.findUniqueOrThrow({ where: { id: webhookId } });
  const outbox = await db.outboxMessage.findFirstOrThrow({ where: { appId } });
  const crm = await db.crmConnection.findUniqueOrThrow({ where: { workspaceId } });
  return [
    [crm.accessToken, crmTokenContext(workspaceId, "access")],
    [crm.refreshToken, crmTokenContext(workspaceId, "refresh")],
    [app.clientSecret!, clientSecretContext(appId)],
    [app.handoffSecret!, handoffSecretContext(appId)],
    [hook.secret, webhookSecretContext(webhookId)],
    [outbox.body, outboxBodyContext(appId)],
  ] as const;
};

beforeAll(async () => {
  const owner = await createOwner(db, 66);
  workspaceId = owner.workspace.id;
  await db.crmConnection.create({
    data: {
      workspaceId,
      companyId: 66,
      apiDomain: "https://keyed.pipedrive.com",
      accessToken: sealSecret("crm-access", crmTokenContext(workspaceId, "access")),
      refreshToken: sealSecret("crm-refresh", crmTokenContext(workspaceId, "refresh")),
      accessExpiresAt: new Date(),
      connectedByName: "Owner",
    },
  });
  appId = (
    await apps.createApp(owner, {
      name: "Keyed",
      type: "PUBLIC",
      clientId: "keyed",
      callbackUrl: "https://keyed.example.com/cb",
      clientSecret: "the-client-secret",
    })
  ).id;
  await gateway.gatewaySettings(owner, appId);
  await webhooks.createWebhook(owner, {
    name: "Hook",
    url: "https://hooks.example.com/k",
    format: "JSON",
    events: ["NEW_REVIEW"],
  });
  webhookId = (await db.alertWebhook.findFirstOrThrow()).id;
  await db.outboxMessage.create({
    data: {
      appId,
      kind: "HANDOFF",
      url: "https://keyed.example.com/h",
      body: sealBody(appId, { access_token: "at-1" }),
    },
  });
});

describe("npm run keys:rotate", () => {
  it("re-seals every secret under the new key, keeps every plaintext, and is idempotent", async () => {
    const before = await sealedValues();
    const keyA = parseKey(A, keyIdOf(A));
    const plaintexts = before.map(([value, context]) => open(value, [keyA], context));
    expect(before.map(([value]) => sealedKeyId(value))).toEqual(Array(6).fill(keyA.id));

    const check = await rotate({ ENCRYPTION_KEY: B, ENCRYPTION_KEYS_PREVIOUS: A }, "--check");
    expect(check.code).toBe(0);
    expect((await sealedValues()).map(([v]) => v)).toEqual(before.map(([v]) => v));

    const run = await rotate({ ENCRYPTION_KEY: B, ENCRYPTION_KEYS_PREVIOUS: A });
    expect(run.code, run.output).toBe(0);
    const after = await sealedValues();
    const keyB = parseKey(B, keyIdOf(B));
    expect(after.map(([value]) => sealedKeyId(value))).toEqual(Array(6).fill(keyB.id));
    expect(after.map(([value, context]) => open(value, [keyB], context))).toEqual(plaintexts);
    expect(plaintexts[2]).toBe("the-client-secret");
    expect(plaintexts[1]).toBe("crm-refresh");

    // Again: nothing left to do, and B alone is enough.
    const again = await rotate({ ENCRYPTION_KEY: B });
    expect(again.code).toBe(0);
    expect((await sealedValues()).map(([v]) => v)).toEqual(after.map(([v]) => v));
  }, 60_000);

  it("a key that opens nothing fails loudly and changes nothing", async () => {
    const before = (await sealedValues()).map(([v]) => v);
    const lost = await rotate({ ENCRYPTION_KEY: C });
    expect(lost.code).toBe(1);
    expect(lost.output).toContain("6 values could not be opened");
    expect((await sealedValues()).map(([v]) => v)).toEqual(before);
  }, 60_000);
});
