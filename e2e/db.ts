import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";

/** Direct access to the test run's SQLite file, for setting up what the UI cannot yet do (e.g. roles). */
function open() {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("file:")) throw new Error("DATABASE_URL must point at the test database (run through npm run test:e2e)");
  return new Database(url.slice("file:".length));
}

/** Adds the user (by Pipedrive ids) to the workspace of another company with the given role. */
export function addMembership(pipedriveUserId: number, workspaceCompanyId: number, role: "OWNER" | "EDITOR" | "VIEWER") {
  const db = open();
  try {
    const user = db.prepare("SELECT id FROM User WHERE pipedriveUserId = ?").get(pipedriveUserId) as { id: string } | undefined;
    const workspace = db.prepare("SELECT id FROM Workspace WHERE pipedriveCompanyId = ?").get(workspaceCompanyId) as { id: string } | undefined;
    if (!user || !workspace) throw new Error("user or workspace not found");
    db.prepare("INSERT INTO Membership (id, workspaceId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)").run(
      randomUUID(),
      workspace.id,
      user.id,
      role,
      Date.now(),
    );
  } finally {
    db.close();
  }
}

export function rawAppRow(appId: string) {
  const db = open();
  try {
    return db.prepare("SELECT * FROM App WHERE id = ?").get(appId) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

/** Moves the expiry of every share link of the app into the past (what time would do). */
export function expireShareLinks(appId: string) {
  const db = open();
  try {
    db.prepare("UPDATE ShareLink SET expiresAt = ? WHERE appId = ?").run(Date.now() - 60_000, appId);
  } finally {
    db.close();
  }
}

export function shareLinkHashes(appId: string): string[] {
  const db = open();
  try {
    return (db.prepare("SELECT tokenHash FROM ShareLink WHERE appId = ?").all(appId) as { tokenHash: string }[]).map((r) => r.tokenHash);
  } finally {
    db.close();
  }
}

/** The installs the gateway recorded for an app: events by type, and installations. */
export function installState(appId: string) {
  const db = open();
  try {
    const events = db.prepare("SELECT type, source, COUNT(*) AS n FROM InstallEvent WHERE appId = ? GROUP BY type, source").all(appId) as { type: string; source: string; n: number }[];
    const installations = db.prepare("SELECT companyId, userId, scopes, source, uninstalledAt FROM Installation WHERE appId = ?").all(appId) as {
      companyId: number;
      userId: number;
      scopes: string;
      source: string;
      uninstalledAt: string | null;
    }[];
    return { events: Object.fromEntries(events.map((e) => [`${e.type}/${e.source}`, e.n])), installations };
  } finally {
    db.close();
  }
}

/** Marks an app as published on the Marketplace (what Pipedrive's approval and "Publish" lead to). */
export function publishApp(appId: string) {
  const db = open();
  try {
    db.prepare("UPDATE App SET status = 'PUBLISHED' WHERE id = ? AND type = 'PUBLIC'").run(appId);
  } finally {
    db.close();
  }
}

/** The id of the newest sync run of a company's workspace. */
export function latestSyncRun(companyId: number): string {
  const db = open();
  try {
    const row = db.prepare("SELECT r.id FROM SyncRun r JOIN Workspace w ON w.id = r.workspaceId WHERE w.pipedriveCompanyId = ? ORDER BY r.startedAt DESC LIMIT 1").get(companyId) as { id: string } | undefined;
    if (!row) throw new Error("no sync run");
    return row.id;
  } finally {
    db.close();
  }
}

/** The workspace of a Pipedrive company. */
export function workspaceIdOf(companyId: number): string {
  const db = open();
  try {
    return (db.prepare("SELECT id FROM Workspace WHERE pipedriveCompanyId = ?").get(companyId) as { id: string }).id;
  } finally {
    db.close();
  }
}
