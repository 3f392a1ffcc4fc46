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
  userId: number;
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
  history: string;
};

/** What an event changed for the company and app, for the daily rollups (tenure, reinstalls, time kept). */
export type Transition = {
  /** A tenure began at the event (a first install, or a comeback). */
  started: boolean;
  reinstall: boolean;
  /** A tenure ended at the event: when it had begun (null: before tracking). */
  ended: { since: string | null } | null;
};

/** Entries of a company and app's history kept on its row (the timeline of a customer's page). */
export const HISTORY_LIMIT = 200;

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  return {
    /** The company, how many app rows it has, and its row for this app (null fields when it has none). */
    findCustomer: db.prepare(
      `SELECT c.id AS customerId, (SELECT COUNT(*) FROM CustomerApp x WHERE x.customerId = c.id) AS apps,
         a.status, a.activeInstalls, a.reinstalls, a.firstInstalledAt, a.installedAt, a.uninstalledAt, a.reinstalledAt,
         a.lastChangeAt, a.sources, a.history
       FROM Customer c LEFT JOIN CustomerApp a ON a.customerId = c.id AND a.appId = ?
       WHERE c.workspaceId = ? AND c.companyId = ?`,
    ),
    /** A company seen for the first time, with its one app row's state: no read and no sum needed. */
    insertCustomer: db.prepare(
      `INSERT INTO Customer (id, workspaceId, companyId, companyName, companyDomain, status, activeInstalls, reinstalls,
         firstInstalledAt, installedAt, uninstalledAt, lastChangeAt, sources, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(workspaceId, companyId) DO NOTHING`,
    ),
    names: db.prepare(
      `UPDATE Customer SET companyName = COALESCE(?, companyName), companyDomain = COALESCE(?, companyDomain) WHERE id = ?`,
    ),
    writeApp: db.prepare(
      `INSERT INTO CustomerApp (customerId, appId, status, activeInstalls, reinstalls, firstInstalledAt, installedAt, uninstalledAt, reinstalledAt, lastChangeAt, sources, history)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(customerId, appId) DO UPDATE SET status = excluded.status, activeInstalls = excluded.activeInstalls,
         reinstalls = excluded.reinstalls, firstInstalledAt = excluded.firstInstalledAt, installedAt = excluded.installedAt,
         uninstalledAt = excluded.uninstalledAt, reinstalledAt = excluded.reinstalledAt, lastChangeAt = excluded.lastChangeAt,
         sources = excluded.sources, history = excluded.history`,
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
export function nextAppState(prev: AppRow | undefined, e: LedgerEvent, delta: number): AppRow & { change: Transition } {
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
    history: "[]",
  };
  const history = JSON.parse(base.history) as unknown[];
  history.push([e.type === "INSTALL" ? "I" : "U", at, e.userId, e.source]);
  const change: Transition = { started: false, reinstall: false, ended: null };
  const next: AppRow & { change: Transition } = {
    ...base,
    change,
    history: JSON.stringify(history.slice(-HISTORY_LIMIT)),
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
    change.started = true;
    if (back) {
      next.reinstalls = base.reinstalls + 1;
      next.reinstalledAt = at;
      change.reinstall = true;
    }
  } else if (active === 0 && (wasActive || prev === undefined)) {
    next.status = "UNINSTALLED";
    next.uninstalledAt = at;
    if (wasActive) change.ended = { since: base.installedAt };
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
): Transition {
  const s = statements(db);
  const found = s.findCustomer.get(appId, workspaceId, e.companyId) as
    (Omit<AppRow, "status"> & { customerId: string; apps: number; status: CustomerStatus | null }) | undefined;
  if (!found) {
    // The common case of a busy events API: a new company. Its row is its one app row's state.
    const first = nextAppState(undefined, e, delta);
    const id = newId();
    s.insertCustomer.run(
      id,
      workspaceId,
      e.companyId,
      e.companyName,
      e.companyDomain,
      first.status,
      first.activeInstalls,
      first.firstInstalledAt,
      first.installedAt,
      first.activeInstalls > 0 ? null : first.uninstalledAt,
      first.lastChangeAt,
      first.sources,
      sqliteTime(now),
    );
    writeApp(s, id, appId, first);
    return first.change;
  }
  const { customerId, apps, ...row } = found;
  if (e.companyName || e.companyDomain) s.names.run(e.companyName, e.companyDomain, customerId);
  const prev = row.status === null ? undefined : (row as AppRow);
  const next = nextAppState(prev, e, delta);
  writeApp(s, customerId, appId, next);
  // A company with this one app: its row is this app's state (no sum to read).
  if (apps - (prev ? 1 : 0) === 0) writeSingle(s, customerId, next);
  else summarize(s, customerId);
  return next.change;
}

/** The company's row when this app is its only one: the same as `summarize` would write. */
function writeSingle(s: Statements, customerId: string, only: AppRow) {
  const active = only.activeInstalls;
  s.writeCustomer.run(
    active === 0 ? "UNINSTALLED" : only.status === "REINSTALLED" ? "REINSTALLED" : "INSTALLED",
    active,
    only.reinstalls,
    only.firstInstalledAt,
    only.installedAt,
    active > 0 ? null : only.uninstalledAt,
    only.lastChangeAt,
    [...new Set(only.sources.split(" ").filter(Boolean))].sort().join(" "),
    customerId,
  );
}

function writeApp(s: Statements, customerId: string, appId: string, next: AppRow) {
  s.writeApp.run(
    customerId,
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
    next.history,
  );
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
