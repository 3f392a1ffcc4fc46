/**
 * `npm run keys:rotate [-- --check] [--demo]`: re-seals every secret at rest with ENCRYPTION_KEY,
 * opening old values with ENCRYPTION_KEYS_PREVIOUS. `--check` only reports what would change.
 * Exits 1 when a value cannot be opened by any configured key (nothing is lost: it is left as it was).
 */
import { plural } from "../lib/text/words";
import { databaseLabel, requireMigratedDatabase, runCli, useDemoWhenAsked } from "./cli";

await runCli("npm run keys:rotate", async () => {
  useDemoWhenAsked();
  requireMigratedDatabase();
  const { rotateEncryptionKeys } = await import("@/lib/crypto/rotate");
  const dryRun = process.argv.includes("--check");
  const report = await rotateEncryptionKeys({ dryRun });
  console.log(
    `${dryRun ? "Check (nothing written)" : "Re-encryption"} of ${databaseLabel()} with the current ENCRYPTION_KEY:`,
  );
  console.table(
    report.map((r) => ({
      column: r.column,
      values: r.total,
      "already current": r.current,
      [dryRun ? "to re-encrypt" : "re-encrypted"]: r.reencrypted,
      "cannot open": r.failed,
    })),
  );
  const failed = report.reduce((n, r) => n + r.failed, 0);
  if (failed > 0) {
    console.error(
      `${plural(failed, "value", "values")} could not be opened by ENCRYPTION_KEY or ENCRYPTION_KEYS_PREVIOUS: add the key that sealed them and run again.`,
    );
    process.exitCode = 1;
  }
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
