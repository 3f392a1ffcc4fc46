import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { hashApiToken, newApiToken } from "../lib/api-tokens/token";
import { E2E } from "./config";

/** A port nobody uses right now (the spec runs its own server, beside the shared one). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

let base = "";

function startServer(databaseUrl: string, port: number): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, ...E2E.appEnv, DATABASE_URL: databaseUrl, AUTH_URL: base },
    stdio: "ignore",
  });
}

async function waitUp() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start");
}

test("killing the server during a batch ingest loses no acknowledged event and stores none twice", async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "listing-studio-crash-"));
  const file = join(dir, "crash.db");
  // A database of its own, migrated from scratch (the shared one is in use by the other specs).
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "ignore",
  });
  const db = new Database(file);
  const workspaceId = randomUUID();
  const appId = `crash${Date.now()}`;
  const token = newApiToken();
  const now = new Date().toISOString();
  db.prepare("INSERT INTO Workspace (id, pipedriveCompanyId, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(
    workspaceId,
    990_000 + Math.floor(Math.random() * 9999),
    "Crash",
    now,
    now,
  );
  db.prepare(
    "INSERT INTO App (id, workspaceId, name, type, status, clientId, callbackUrl, handoffMode, createdAt, updatedAt) VALUES (?, ?, 'Crash', 'PUBLIC', 'DRAFT', 'c', 'https://x.example.com', 'RECORD_ONLY', ?, ?)",
  ).run(appId, workspaceId, now, now);
  db.prepare(
    "INSERT INTO ApiToken (id, workspaceId, name, tokenHash, prefix, createdAt) VALUES (?, ?, 'Crash', ?, ?, ?)",
  ).run(randomUUID(), workspaceId, hashApiToken(token), token.slice(0, 10), now);
  db.close();

  const port = await freePort();
  base = `http://localhost:${port}`;
  let server = startServer(`file:${file}`, port);
  try {
    await waitUp();
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    const unexpected: string[] = [];
    let n = 0;
    const client = async () => {
      for (;;) {
        const events = Array.from({ length: 500 }, () => {
          const id = `c${n++}`;
          return { id, type: "install", company_id: 1 + (n % 5000), user_id: 1, occurred_at: "2026-01-01T00:00:00Z" };
        });
        events.forEach((e) => sent.add(e.id));
        try {
          const res = await fetch(`${base}/api/v1/apps/${appId}/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ events }),
          });
          if (res.status !== 202) {
            unexpected.push(`${res.status} ${await res.text()}`);
            return;
          }
          for (const r of (await res.json()).results as { id: string; status: string }[])
            if (r.status === "accepted") acknowledged.add(r.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = [client(), client(), client()];
    // Kill it in the middle of the stream, once a good part has been acknowledged.
    await expect.poll(() => acknowledged.size + unexpected.length, { timeout: 30_000 }).toBeGreaterThan(3000);
    server.kill("SIGKILL");
    await Promise.all(clients);
    expect(unexpected).toEqual([]);

    server = startServer(`file:${file}`, port);
    await waitUp();
    // Everything sent again after the restart: acknowledged events come back as duplicates.
    const ids = [...sent];
    const seenAgain = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const events = ids
        .slice(i, i + 1000)
        .map((id) => ({ id, type: "install", company_id: 1, user_id: 1, occurred_at: "2026-01-01T00:00:00Z" }));
      const res = await fetch(`${base}/api/v1/apps/${appId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
      });
      expect(res.status).toBe(202);
      for (const r of (await res.json()).results as { id: string; status: string }[]) seenAgain.set(r.id, r.status);
    }
    expect([...acknowledged].filter((id) => seenAgain.get(id) !== "duplicate")).toEqual([]);

    const check = new Database(file, { readonly: true });
    const stored = check
      .prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT dedupeKey) AS d FROM InstallEvent WHERE appId = ?")
      .get(appId) as { n: number; d: number };
    check.close();
    expect(stored.n).toBe(sent.size);
    expect(stored.d).toBe(sent.size);
  } finally {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
