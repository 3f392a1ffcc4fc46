import type Database from "better-sqlite3";
import { sqliteTime } from "../db/time";

/**
 * The customer ledger: one row per company (Customer) and per company and app (CustomerApp), kept by the ingest in
 * the same transaction as the installation an event changes, so the Customers view reads rows instead of grouping
 * installations. Each step is a primary-key read and write.
 *
 * For one app, a company is INSTALLED while any of its users has the app; UNINSTALLED when none has; REINSTALLED
 * when the app came back after the company had none (counted in `reinstalls`). Over the workspace, a company is
 * UNINSTALLED when no app is installed, REINSTALLED when an app installed now came back after an uninstall, and
 * INSTALLED otherwise: always a function of its app rows, so a rebuild gives the same answer.
 */

export type CustomerStatus = "INSTALLED" | "REINSTALLED" | "UNINSTALLED";

export type LedgerEvent = {
  type: "INSTALL" | "UNINSTALL";
  companyId: number;
  /** ms */
  at: number;
  source: string;
  companyName: string | null;
  companyDomain: string | null;
};

type AppRow = {
  status: CustomerStatus;
  activeInstalls: number;
  reinstalls: number;
  firstInstalledAt: string | null;
  installedAt: string | null;
  uninstalledAt: string | null;
  reinstalledAt: string | null;
  lastChangeAt: string;
  sources: string;
};

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  return {
    findCustomer: db.prepare(`SELECT id FROM Customer WHERE workspaceId = ? AND companyId = ?`),
    createCustomer: db.prepare(
      `INSERT INTO Customer (id, workspaceId, companyId, companyName, companyDomain, status, lastChangeAt, createdAt)
       VALUES (?, ?, ?, ?, ?, 'UNINSTALLED', ?, ?)`,
    ),
    names: db.prepare(
      `UPDATE Customer SET companyName = COALESCE(?, companyName), companyDomain = COALESCE(?, companyDomain) WHERE id = ?`,
    ),
    findApp: db.prepare(
      `SELECT status, activeInstalls, reinstalls, firstInstalledAt, installedAt, uninstalledAt, reinstalledAt, lastChangeAt, sources
       FROM CustomerApp WHERE customerId = ? AND appId = ?`,
    ),
    writeApp: db.prepare(
      `INSERT INTO CustomerApp (customerId, appId, status, activeInstalls, reinstalls, firstInstalledAt, installedAt, uninstalledAt, reinstalledAt, lastChangeAt, sources)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(customerId, appId) DO UPDATE SET status = excluded.status, activeInstalls = excluded.activeInstalls,
         reinstalls = excluded.reinstalls, firstInstalledAt = excluded.firstInstalledAt, installedAt = excluded.installedAt,
         uninstalledAt = excluded.uninstalledAt, reinstalledAt = excluded.reinstalledAt, lastChangeAt = excluded.lastChangeAt,
         sources = excluded.sources`,
    ),
    summary: db.prepare(
      `SELECT SUM(activeInstalls) AS active, SUM(reinstalls) AS reinstalls, MIN(firstInstalledAt) AS first,
         MIN(CASE WHEN activeInstalls > 0 THEN installedAt END) AS installedAt, MAX(installedAt) AS lastInstalledAt,
         MAX(uninstalledAt) AS uninstalledAt,
         MAX(lastChangeAt) AS lastChangeAt, MAX(activeInstalls > 0 AND status = 'REINSTALLED') AS back,
         group_concat(sources, ' ') AS sources
       FROM CustomerApp WHERE customerId = ?`,
    ),
    writeCustomer: db.prepare(
      `UPDATE Customer SET status = ?, activeInstalls = ?, reinstalls = ?, firstInstalledAt = ?, installedAt = ?,
         uninstalledAt = ?, lastChangeAt = ?, sources = ? WHERE id = ?`,
    ),
  };
}

const statements = (db: Database.Database) => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
};

const minTime = (a: string | null, b: string) => (a === null || b < a ? b : a);
const maxTime = (a: string | null, b: string) => (a === null || b > a ? b : a);
const addSource = (sources: string, source: string) =>
  sources.split(" ").includes(source) ? sources : sources ? `${sources} ${source}` : source;

/**
 * The next state of one company and app after an event that changed its active installations by `delta` (the
 * installation's own answer: -1, 0 or +1). Pure, for the tests.
 */
export function nextAppState(prev: AppRow | undefined, e: LedgerEvent, delta: number): AppRow {
  const at = sqliteTime(e.at);
  const wasActive = (prev?.activeInstalls ?? 0) > 0;
  const active = Math.max(0, (prev?.activeInstalls ?? 0) + delta);
  const base: AppRow = prev ?? {
    status: "UNINSTALLED",
    activeInstalls: 0,
    reinstalls: 0,
    firstInstalledAt: null,
    installedAt: null,
    uninstalledAt: null,
    reinstalledAt: null,
    lastChangeAt: at,
    sources: "",
  };
  const next: AppRow = {
    ...base,
    activeInstalls: active,
    lastChangeAt: maxTime(base.lastChangeAt, at),
    sources: addSource(base.sources, e.source),
    firstInstalledAt: e.type === "INSTALL" ? minTime(base.firstInstalledAt, at) : base.firstInstalledAt,
  };
  if (active > 0 && !wasActive) {
    // Back after an uninstall (known, or of an install from before tracking), or the first install.
    const back = prev !== undefined;
    next.status = back ? "REINSTALLED" : "INSTALLED";
    next.installedAt = at;
    next.uninstalledAt = null;
    if (back) {
      next.reinstalls = base.reinstalls + 1;
      next.reinstalledAt = at;
    }
  } else if (active === 0 && (wasActive || prev === undefined)) {
    next.status = "UNINSTALLED";
    next.uninstalledAt = at;
  }
  return next;
}

/** Applies one install or uninstall to the ledger; `workspaceId` is the app's. */
export function touchCustomer(
  db: Database.Database,
  workspaceId: string,
  appId: string,
  e: LedgerEvent,
  delta: number,
  newId: () => string,
  now: number,
) {
  const s = statements(db);
  let found = s.findCustomer.get(workspaceId, e.companyId) as { id: string } | undefined;
  if (!found) {
    found = { id: newId() };
    s.createCustomer.run(
      found.id,
      workspaceId,
      e.companyId,
      e.companyName,
      e.companyDomain,
      sqliteTime(e.at),
      sqliteTime(now),
    );
  } else if (e.companyName || e.companyDomain) {
    s.names.run(e.companyName, e.companyDomain, found.id);
  }
  const next = nextAppState(s.findApp.get(found.id, appId) as AppRow | undefined, e, delta);
  s.writeApp.run(
    found.id,
    appId,
    next.status,
    next.activeInstalls,
    next.reinstalls,
    next.firstInstalledAt,
    next.installedAt,
    next.uninstalledAt,
    next.reinstalledAt,
    next.lastChangeAt,
    next.sources,
  );
  summarize(s, found.id);
}

/** The company's row from its app rows. */
function summarize(s: Statements, customerId: string) {
  const sum = s.summary.get(customerId) as {
    active: number | null;
    reinstalls: number | null;
    first: string | null;
    installedAt: string | null;
    lastInstalledAt: string | null;
    uninstalledAt: string | null;
    lastChangeAt: string;
    back: number | null;
    sources: string | null;
  };
  const active = sum.active ?? 0;
  const status: CustomerStatus = active === 0 ? "UNINSTALLED" : sum.back ? "REINSTALLED" : "INSTALLED";
  const sources = [...new Set((sum.sources ?? "").split(" ").filter(Boolean))].sort().join(" ");
  s.writeCustomer.run(
    status,
    active,
    sum.reinstalls ?? 0,
    sum.first,
    // The current tenure's start; for a company that left, the start of the tenure that ended.
    active > 0 ? sum.installedAt : sum.lastInstalledAt,
    active > 0 ? null : sum.uninstalledAt,
    sum.lastChangeAt,
    sources,
    customerId,
  );
}

/** Before an app's events are replayed: its app rows go, and the companies they leave are summed again after. */
export function forgetApp(db: Database.Database, appId: string) {
  const ids = db.prepare(`SELECT customerId FROM CustomerApp WHERE appId = ?`).all(appId) as { customerId: string }[];
  db.prepare(`DELETE FROM CustomerApp WHERE appId = ?`).run(appId);
  return ids.map((r) => r.customerId);
}

/** Sums companies again (after a rebuild); a company left with no app row at all is removed with its notes. */
export function resummarize(db: Database.Database, customerIds: string[]) {
  const s = statements(db);
  const hasApps = db.prepare(`SELECT 1 FROM CustomerApp WHERE customerId = ? LIMIT 1`);
  const remove = db.prepare(`DELETE FROM Customer WHERE id = ? AND erasedAt IS NULL AND tags = '[]'
    AND NOT EXISTS (SELECT 1 FROM CustomerNote WHERE customerId = Customer.id)`);
  for (const id of customerIds) {
    if (hasApps.get(id)) summarize(s, id);
    else remove.run(id);
  }
}
