/**
 * One of the writers of the concurrency test (lib/concurrency.test.ts): in its own process,
 * interleaves Prisma writes (reviews, audit entries), a read-then-write interactive transaction on
 * a row every writer updates (as saving a listing does), and raw ingest batches on the shared file.
 * Exits 1 on any error, e.g. SQLITE_BUSY.
 */
export {};

const [, , writer, appId, workspaceId, roundsArg] = process.argv as (string | undefined)[];
const rounds = Number(roundsArg ?? 50);
const { db } = await import("@/lib/db");
const { ingestEvents } = await import("@/lib/installs/ingest");
try {
  for (let i = 0; i < rounds; i++) {
    await db.review.create({
      data: {
        appId: appId!,
        externalKey: `${writer}:${i}`,
        source: "MANUAL",
        author: writer!,
        stars: 4,
        text: "concurrent",
      },
    });
    await db.$transaction([
      db.auditEvent.create({
        data: { workspaceId: workspaceId!, actorName: writer!, action: "test.write", targetType: "test" },
      }),
      db.review.updateMany({
        where: { appId: appId!, externalKey: `${writer}:${i}` },
        data: { upvotes: { increment: 1 } },
      }),
    ]);
    // Read, then write what was read: under DEFERRED transactions another process's write in
    // between makes the upgrade fail at once with SQLITE_BUSY (no busy timeout can help there).
    await db.$transaction(async (tx) => {
      const counter = await tx.review.findFirstOrThrow({ where: { appId: appId!, externalKey: "shared-counter" } });
      await tx.review.update({ where: { id: counter.id }, data: { upvotes: counter.upvotes + 1 } });
    });
    ingestEvents(
      appId!,
      Array.from({ length: 20 }, (_, k) => ({
        dedupeKey: `${writer}:${i}:${k}`,
        type: "INSTALL" as const,
        companyId: 1000 + i,
        userId: k + 1,
        occurredAt: new Date(Date.now() - 60_000),
        source: "API" as const,
      })),
    );
  }
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  // The code and where it happened, so that a failure in CI says which write met the lock.
  const e = error as { message?: string; code?: string; stack?: string };
  console.error(
    `${writer} failed: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ""}\n${(e.stack ?? "").split("\n").slice(1, 6).join("\n")}`,
  );
  process.exit(1);
}
