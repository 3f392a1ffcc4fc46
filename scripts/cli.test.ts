import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";
import { databaseProblem } from "@/lib/db/check";

/** Every maintenance command of the README, as `npm run` starts it. */
const COMMANDS: [string, string[]][] = [
  ["npm run sync", ["--conditions=react-server", "scripts/sync.ts"]],
  ["npm run worker", ["--conditions=react-server", "scripts/worker.ts"]],
  ["npm run rollups:rebuild", ["scripts/rollups-rebuild.ts"]],
  ["npm run keys:rotate", ["--conditions=react-server", "scripts/keys-rotate.ts"]],
  ["npm run db:backup", ["scripts/db-backup.ts"]],
];

function runCommand(args: string[], databaseUrl: string, extra: string[] = []) {
  const result = spawnSync(join("node_modules", ".bin", "tsx"), [...args, ...extra], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", DEBUG: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe("the README's commands fail in one actionable line", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-"));
  const missing = join(dir, "never-migrated.db");
  const empty = join(dir, "empty.db");
  writeFileSync(empty, "");

  it.each(COMMANDS)(
    "%s on a database that was never created or migrated",
    (command, args) => {
      for (const [file, says] of [
        [missing, `There is no database at ${missing} (DATABASE_URL=file:${missing}).`],
        [empty, `${empty} (DATABASE_URL=file:${empty}) has no Listing Studio tables.`],
      ] as const) {
        const { status, stderr } = runCommand(args, `file:${file}`);
        expect(status).toBe(1);
        expect(stderr.split("\n")).toHaveLength(1);
        expect(stderr).toContain(`${command}: ${says}`);
        expect(stderr).toContain("npm run db:migrate");
        expect(stderr).toContain("--demo");
        expect(stderr).not.toMatch(/\n\s+at |Prisma|Error:/);
      }
    },
    120_000,
  );

  it("names the migrations a database is missing", () => {
    const file = setupTestDatabase();
    expect(databaseProblem(`file:${file}`)).toBeNull();
    const db = new Database(file);
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = '20261128234000_teams'").run();
    db.close();
    expect(databaseProblem(`file:${file}`)).toBe(
      `${file} (DATABASE_URL=file:${file}) is missing 1 migration (20261128234000_teams).`,
    );
  });

  it("says what --demo needs when the demo never ran", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "cli-demo-"));
    const result = spawnSync(
      join(process.cwd(), "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", join(process.cwd(), "scripts/sync.ts"), "--demo"],
      { cwd: elsewhere, encoding: "utf8", env: { ...process.env, DEBUG: "" } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "npm run sync: --demo needs the demo's files: run `npm run demo` once first (data/demo-secrets.json is missing)",
    );
  });

  it("works on a migrated database and says which one", () => {
    const file = setupTestDatabase();
    const { status, stdout } = runCommand(["scripts/rollups-rebuild.ts"], `file:${file}`);
    expect(status).toBe(0);
    expect(stdout).toContain(`Database: ${file}`);
    const bad = runCommand(["scripts/rollups-rebuild.ts"], `file:${file}`, ["no-such-app"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      `npm run rollups:rebuild: No app no-such-app in ${file}: pass app ids as they appear in the app's URL (/apps/<id>/…)`,
    );
  });
});

describe("npm run demo started twice", () => {
  const demo = (env: Record<string, string>) =>
    spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/demo.ts"], {
      env: { ...process.env, ...env, DEBUG: "" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("says a port is taken and how to run another one", async () => {
    const { createServer } = await import("node:net");
    const taken = createServer().listen(0);
    await new Promise((r) => taken.once("listening", r));
    const port = (taken.address() as { port: number }).port;
    const result = demo({
      PORT: String(port),
      EMULATOR_PORT: "0",
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "demo-")), "demo.db")}`,
    });
    taken.close();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `npm run demo: Port ${port} is taken (by another npm run demo, or another server). Stop it, or choose free ports with PORT: PORT=${port + 1} EMULATOR_PORT=1 DATABASE_URL=file:./data/demo-2.db npm run demo`,
    );
  });

  it("says another demo uses the same database", () => {
    const file = join(mkdtempSync(join(tmpdir(), "demo-")), "demo.db");
    writeFileSync(`${file}.demo-lock`, String(process.pid));
    const result = demo({ PORT: "0", EMULATOR_PORT: "0", DATABASE_URL: `file:${file}` });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^npm run demo: Another npm run demo \\(process ${process.pid}\\) is using ${file}\\. Stop it with Ctrl\\+C in its terminal, or run this one apart: `,
      ),
    );
  });
});
