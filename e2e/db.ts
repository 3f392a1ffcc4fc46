import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";

/** Direct access to the test run's SQLite file, for setting up what the UI cannot yet do (e.g. roles). */
function open() {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("file:"))
    throw new Error("DATABASE_URL must point at the test database (run through npm run test:e2e)");
  return new Database(url.slice("file:".length));
}

/** Adds the user (by Pipedrive ids) to the workspace of another company with the given role. */
export function addMembership(
  pipedriveUserId: number,
  workspaceCompanyId: number,
  role: "OWNER" | "EDITOR" | "VIEWER",
) {
  const db = open();
  try {
    const user = db.prepare("SELECT id FROM User WHERE pipedriveUserId = ?").get(pipedriveUserId) as
      { id: string } | undefined;
    const workspace = db.prepare("SELECT id FROM Workspace WHERE pipedriveCompanyId = ?").get(workspaceCompanyId) as
      { id: string } | undefined;
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
    return (db.prepare("SELECT tokenHash FROM ShareLink WHERE appId = ?").all(appId) as { tokenHash: string }[]).map(
      (r) => r.tokenHash,
    );
  } finally {
    db.close();
  }
}

/** The installs the gateway recorded for an app: events by type, and installations. */
export function installState(appId: string) {
  const db = open();
  try {
    const events = db
      .prepare("SELECT type, source, COUNT(*) AS n FROM InstallEvent WHERE appId = ? GROUP BY type, source")
      .all(appId) as { type: string; source: string; n: number }[];
    const installations = db
      .prepare("SELECT companyId, userId, scopes, source, uninstalledAt FROM Installation WHERE appId = ?")
      .all(appId) as {
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
    const row = db
      .prepare(
        "SELECT r.id FROM SyncRun r JOIN Workspace w ON w.id = r.workspaceId WHERE w.pipedriveCompanyId = ? ORDER BY r.startedAt DESC LIMIT 1",
      )
      .get(companyId) as { id: string } | undefined;
    if (!row) throw new Error("no sync run");
    return row.id;
  } finally {
    db.close();
  }
}

/** A kept Marketplace answer of a failed read in the workspace's run (lib/captures/store.ts); answers its id. */
export function addCapture(workspaceId: string, runId: string, appId: string): string {
  const db = open();
  try {
    const id = `capture-${randomUUID()}`;
    db.prepare(
      `INSERT INTO MarketplaceCapture (id, workspaceId, appId, runId, kind, url, finalUrl, status, headers, body, truncated, reason, fetchedAt, createdAt) VALUES (?, ?, ?, ?, 'LISTING', 'https://www.pipedrive.com/en/marketplace/app/x/y', 'https://www.pipedrive.com/en/marketplace/app/x/y', 200, '{}', ?, 0, 'The page is not a Marketplace listing', ?, ?)`,
    ).run(id, workspaceId, appId, runId, gzipSync(Buffer.from("<html>secret page</html>")), Date.now(), Date.now());
    return id;
  } finally {
    db.close();
  }
}

/** A customer of the workspace, as the ledger keeps it (for checks that need one without an install). */
export function addCustomer(
  workspaceId: string,
  appId: string,
  companyId = 990_000 + Math.floor(Math.random() * 9000),
) {
  const db = open();
  try {
    const id = `customer-${randomUUID()}`;
    const now = new Date().toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO Customer (id, workspaceId, companyId, companyName, status, activeInstalls, firstInstalledAt, installedAt, lastChangeAt, sources, createdAt) VALUES (?, ?, ?, 'Secret Customer', 'INSTALLED', 1, ?, ?, ?, 'IMPORT', ?)`,
    ).run(id, workspaceId, companyId, now, now, now, now);
    db.prepare(
      `INSERT INTO CustomerApp (customerId, appId, status, activeInstalls, firstInstalledAt, installedAt, lastChangeAt, sources) VALUES (?, ?, 'INSTALLED', 1, ?, ?, ?, 'IMPORT')`,
    ).run(id, appId, now, now, now);
    return id;
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

/**
 * Grows a workspace to a large partner's size, as years of use would: published apps, members,
 * daily sync runs with a result per app, share links on one app. Returns the apps' ids.
 */
export function growWorkspace(
  companyId: number,
  {
    apps,
    members,
    runs,
    linksOn,
    links,
  }: { apps: number; members: number; runs: number; linksOn: string; links: number },
): string[] {
  const db = open();
  const at = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const day = 86_400_000;
  const now = Date.now();
  try {
    const workspace = (
      db.prepare("SELECT id FROM Workspace WHERE pipedriveCompanyId = ?").get(companyId) as { id: string }
    ).id;
    const ids: string[] = [];
    db.transaction(() => {
      for (let a = 0; a < apps; a++) {
        const id = `grown${companyId}app${String(a).padStart(2, "0")}`;
        db.prepare(
          `INSERT INTO App (id, workspaceId, name, type, status, clientId, callbackUrl, handoffMode, createdAt, updatedAt) VALUES (?, ?, ?, 'PUBLIC', 'PUBLISHED', ?, 'https://grown.example.com/cb', 'RECORD_ONLY', ?, ?)`,
        ).run(
          id,
          workspace,
          `Grown App ${String(a).padStart(2, "0")}`,
          `grown-${a}`,
          at(now - (apps - a) * day),
          at(now - (apps - a) * day),
        );
        ids.push(id);
      }
      for (let m = 0; m < members; m++) {
        const user = `grown${companyId}user${m}`;
        db.prepare(
          `INSERT INTO User (id, pipedriveCompanyId, pipedriveUserId, name, email, isPipedriveAdmin, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
        ).run(
          user,
          companyId,
          900_000 + m,
          `Member ${String(m).padStart(3, "0")}`,
          `member${m}@grown.example.com`,
          at(now),
          at(now),
        );
        db.prepare(`INSERT INTO Membership (id, workspaceId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)`).run(
          `${user}m`,
          workspace,
          user,
          m % 3 === 0 ? "VIEWER" : "EDITOR",
          at(now - day + m * 1000),
        );
      }
      for (let r = 0; r < runs; r++) {
        const run = `grown${companyId}run${r}`;
        db.prepare(
          `INSERT INTO SyncRun (id, workspaceId, trigger, status, startedAt, finishedAt, appsTotal, appsDone) VALUES (?, ?, 'CRON', 'SUCCEEDED', ?, ?, ?, ?)`,
        ).run(run, workspace, at(now - (runs - r) * day), at(now - (runs - r) * day + 60_000), apps, apps);
        for (const [a, app] of ids.entries())
          db.prepare(
            `INSERT INTO SyncRunApp (id, runId, appId, url, status, added, finishedAt) VALUES (?, ?, ?, 'https://grown.example.com/app', 'SUCCEEDED', 0, ?)`,
          ).run(`${run}a${a}`, run, app, at(now - (runs - r) * day + a * 1000));
      }
      for (let l = 0; l < links; l++) {
        db.prepare(
          `INSERT INTO ShareLink (id, appId, tokenHash, label, revokedAt, views, createdAt) VALUES (?, ?, ?, ?, ?, 0, ?)`,
        ).run(
          `grown${companyId}link${l}`,
          linksOn,
          createHash("sha256").update(`grown-${companyId}-${l}`).digest("hex"),
          `Round ${String(l).padStart(2, "0")}`,
          l % 2 ? at(now) : null,
          at(now - (links - l) * day),
        );
      }
    })();
    return ids;
  } finally {
    db.close();
  }
}

/** Moves an app's positions read today back one day, as if the last sync ran yesterday. */
export function backdatePositions(appId: string) {
  const db = open();
  try {
    db.prepare("UPDATE RankSnapshot SET day = date(day, '-1 day') WHERE appId = ?").run(appId);
  } finally {
    db.close();
  }
}

/**
 * Moves the clock forward `days` for one company's install of an app, and for the app's outreach settings: its
 * install, its customer rows and the day requests were turned on all move back, as if that much time had passed.
 */
export function advanceClock(appId: string, companyId: number, days: number) {
  const db = open();
  const by = `-${days} days`;
  try {
    db.prepare(
      `UPDATE Installation SET installedAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', installedAt, ?)
       WHERE appId = ? AND companyId = ?`,
    ).run(by, appId, companyId);
    db.prepare(
      `UPDATE CustomerApp SET installedAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', installedAt, ?),
         firstInstalledAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', firstInstalledAt, ?),
         lastChangeAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', lastChangeAt, ?)
       WHERE appId = ? AND customerId IN (SELECT id FROM Customer WHERE companyId = ?)`,
    ).run(by, by, by, appId, companyId);
    db.prepare(
      `UPDATE Customer SET installedAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', installedAt, ?),
         firstInstalledAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', firstInstalledAt, ?),
         lastChangeAt = strftime('%Y-%m-%dT%H:%M:%f+00:00', lastChangeAt, ?)
       WHERE companyId = ?`,
    ).run(by, by, by, companyId);
    db.prepare(
      `UPDATE AppOutreach SET requestsSince = strftime('%Y-%m-%dT%H:%M:%f+00:00', requestsSince, ?),
         surveySince = strftime('%Y-%m-%dT%H:%M:%f+00:00', surveySince, ?)
       WHERE appId = ?`,
    ).run(by, by, appId);
  } finally {
    db.close();
  }
}
