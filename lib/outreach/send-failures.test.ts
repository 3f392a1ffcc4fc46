import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/** A mail server that refuses every recipient: the request is retried with backoff, then shown as failed. */
setupTestDatabase();
const refusing = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(_address, _session, callback) {
    callback(Object.assign(new Error("No such user here"), { responseCode: 550 }));
  },
});
await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(refusing.server.address() as { port: number }).port}`;
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
const { saveRequestSettings } = await import("./settings");
const { runOutreachRound, MAX_ATTEMPTS } = await import("./worker");
afterAll(() => new Promise<void>((resolve) => refusing.close(() => resolve())));

const DAY = 86_400_000;
const AT = Date.parse("2026-05-01T12:00:00Z");
let appId: string;

beforeAll(async () => {
  const owner = await createOwner(db, 933);
  appId = (
    await db.app.create({
      data: {
        workspaceId: owner.workspace.id,
        name: "Refused",
        type: "PUBLIC",
        clientId: "cid-r",
        callbackUrl: "https://x.example.com",
      },
    })
  ).id;
  ingestEvents(appId, [
    {
      dedupeKey: "r1",
      type: "INSTALL",
      companyId: 1,
      userId: 10,
      occurredAt: new Date(AT - 20 * DAY),
      source: "GATEWAY",
      userName: "Rita Refused",
      userEmail: "rita@refused.example",
    },
  ]);
  await saveRequestSettings(
    owner,
    appId,
    {
      requestsOn: true,
      requestDays: 14,
      askExisting: true,
      senderName: "",
      requestSubject: "Hi",
      requestBody: "Text",
      quietFrom: 0,
      quietTo: 0,
    },
    new Date(AT),
  );
});

describe("a refused email", () => {
  it("is tried again later with a growing wait, then failed with the server's answer", async () => {
    const row = () => db.outreachSend.findFirstOrThrow({ where: { appId } });
    let now = AT;
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await runOutreachRound({ now })).toMatchObject({ failed: 1 });
      const r = await row();
      expect([r.status, r.attempts]).toEqual(["PENDING", attempt]);
      waits.push(r.dueAt.getTime() - now);
      // Not due yet: nothing is tried.
      expect(await runOutreachRound({ now: r.dueAt.getTime() - 1 })).toMatchObject({ failed: 0 });
      now = r.dueAt.getTime();
    }
    expect(waits).toEqual([2, 4, 8, 16].map((m) => m * 60_000));
    await runOutreachRound({ now });
    const failed = await row();
    expect([failed.status, failed.attempts]).toEqual(["FAILED", MAX_ATTEMPTS]);
    expect(failed.reason).toMatch(/^The mail server refused it: .*No such user here/);
  });
});
