import "server-only";
import {
  clientSecretContext,
  handoffSecretContext,
  webhookSecretContext,
  outboxBodyContext,
  crmTokenContext,
} from "@/lib/crypto/contexts";
import { db } from "@/lib/db";
import { encryptionKeys, openSecret, sealSecret } from "./keys";
import { sealedKeyId } from "./secret-box";

/**
 * Re-seals every secret at rest with the current key (`npm run keys:rotate`). Idempotent: values
 * already under the current key are left alone; each update only applies if the value is still
 * the one that was read, so a change made meanwhile is never overwritten. A value no configured
 * key opens is counted as failed and left as it is.
 */

type Sealed = { id: string; value: string; context: string };
type Column = {
  name: string;
  read: () => Promise<Sealed[]>;
  write: (id: string, from: string, to: string) => Promise<number>;
};

const COLUMNS: Column[] = [
  {
    name: "App.clientSecret",
    read: async () =>
      (await db.app.findMany({ where: { clientSecret: { not: null } }, select: { id: true, clientSecret: true } })).map(
        (r) => ({ id: r.id, value: r.clientSecret!, context: clientSecretContext(r.id) }),
      ),
    write: async (id, from, to) =>
      (await db.app.updateMany({ where: { id, clientSecret: from }, data: { clientSecret: to } })).count,
  },
  {
    name: "App.handoffSecret",
    read: async () =>
      (
        await db.app.findMany({ where: { handoffSecret: { not: null } }, select: { id: true, handoffSecret: true } })
      ).map((r) => ({ id: r.id, value: r.handoffSecret!, context: handoffSecretContext(r.id) })),
    write: async (id, from, to) =>
      (await db.app.updateMany({ where: { id, handoffSecret: from }, data: { handoffSecret: to } })).count,
  },
  {
    name: "AlertWebhook.secret",
    read: async () =>
      (await db.alertWebhook.findMany({ select: { id: true, secret: true } })).map((r) => ({
        id: r.id,
        value: r.secret,
        context: webhookSecretContext(r.id),
      })),
    write: async (id, from, to) =>
      (await db.alertWebhook.updateMany({ where: { id, secret: from }, data: { secret: to } })).count,
  },
  {
    name: "OutboxMessage.body",
    read: async () =>
      (
        await db.outboxMessage.findMany({
          where: { body: { startsWith: "v1." } },
          select: { id: true, appId: true, body: true },
        })
      ).map((r) => ({ id: r.id, value: r.body, context: outboxBodyContext(r.appId) })),
    write: async (id, from, to) =>
      (await db.outboxMessage.updateMany({ where: { id, body: from }, data: { body: to } })).count,
  },
  ...(["access", "refresh"] as const).map((kind): Column => ({
    name: `CrmConnection.${kind}Token`,
    read: async () =>
      (await db.crmConnection.findMany({ select: { workspaceId: true, accessToken: true, refreshToken: true } })).map(
        (r) => ({
          id: r.workspaceId,
          value: kind === "access" ? r.accessToken : r.refreshToken,
          context: crmTokenContext(r.workspaceId, kind),
        }),
      ),
    write: async (id, from, to) =>
      (
        await db.crmConnection.updateMany({
          where: { workspaceId: id, ...(kind === "access" ? { accessToken: from } : { refreshToken: from }) },
          data: kind === "access" ? { accessToken: to } : { refreshToken: to },
        })
      ).count,
  })),
];

export type RotationReport = { column: string; total: number; current: number; reencrypted: number; failed: number }[];

export async function rotateEncryptionKeys({ dryRun = false } = {}): Promise<RotationReport> {
  const currentId = encryptionKeys().current.id;
  const report: RotationReport = [];
  for (const column of COLUMNS) {
    const row = { column: column.name, total: 0, current: 0, reencrypted: 0, failed: 0 };
    for (const sealed of await column.read()) {
      row.total += 1;
      if (sealedKeyId(sealed.value) === currentId) {
        row.current += 1;
        continue;
      }
      let plaintext: string;
      try {
        plaintext = openSecret(sealed.value, sealed.context);
      } catch {
        row.failed += 1;
        continue;
      }
      if (dryRun) {
        row.reencrypted += 1;
        continue;
      }
      row.reencrypted += await column.write(sealed.id, sealed.value, sealSecret(plaintext, sealed.context));
    }
    report.push(row);
  }
  return report;
}
