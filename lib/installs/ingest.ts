import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { sqlConnection } from "../db/sql";
import { localDay } from "@/lib/days";
import { sqliteTime } from "@/lib/db/time";
import type { IngestEvent, IngestResult } from "./types";
import { plainLine } from "@/lib/text/outside-text";
import { forgetApp, resummarize, touchCustomer } from "../customers/ledger";
import { DayChanges } from "./day-changes";

/**
 * A collision-free id in the same alphabet as Prisma's cuids (lowercase letters and digits): a
 * random prefix drawn once per process, then a counter — random bytes per row would cost more
 * than the insert itself.
 */
const ID_PREFIX = `e${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
let idCounter = 0;
const newId = () => `${ID_PREFIX}${(idCounter++).toString(36).padStart(6, "0")}`;

export type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  return {
    insertEvent: db.prepare(
      `INSERT INTO InstallEvent (id, appId, dedupeKey, type, companyId, userId, occurredAt, scopes, source, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(appId, dedupeKey) DO NOTHING`,
    ),
    ensureDay: db.prepare(
      `INSERT INTO InstallDaily (appId, day, activeEnd, customersEnd)
       SELECT ?, ?, COALESCE(p.activeEnd, 0), COALESCE(p.customersEnd, 0)
       FROM (SELECT 1) LEFT JOIN (SELECT activeEnd, customersEnd FROM InstallDaily WHERE appId = ? AND day < ? ORDER BY day DESC LIMIT 1) p
       WHERE true ON CONFLICT(appId, day) DO NOTHING`,
    ),
    bump: db.prepare(
      `UPDATE InstallDaily SET installStarted = installStarted + ?, consentDenied = consentDenied + ?, consentGranted = consentGranted + ?, installs = installs + ?, uninstalls = uninstalls + ? WHERE appId = ? AND day = ?`,
    ),
    shiftActive: db.prepare(`UPDATE InstallDaily SET activeEnd = activeEnd + ? WHERE appId = ? AND day >= ?`),
    shiftCustomers: db.prepare(`UPDATE InstallDaily SET customersEnd = customersEnd + ? WHERE appId = ? AND day >= ?`),
    bumpCustomers: db.prepare(
      `UPDATE InstallDaily SET reinstalls = reinstalls + ?, openStarts = openStarts + ? WHERE appId = ? AND day = ?`,
    ),
    keptDays: db.prepare(`SELECT keptDays FROM InstallDaily WHERE appId = ? AND day = ?`),
    setKeptDays: db.prepare(`UPDATE InstallDaily SET keptDays = ? WHERE appId = ? AND day = ?`),
    findInstallation: db.prepare(
      `SELECT id, installedAt, uninstalledAt FROM Installation WHERE appId = ? AND companyId = ? AND userId = ?`,
    ),
    createInstallation: db.prepare(
      `INSERT INTO Installation (id, appId, companyId, userId, companyName, userName, userEmail, scopes, source, installedAt, uninstalledAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reactivate: db.prepare(
      `UPDATE Installation SET installedAt = ?, uninstalledAt = NULL, scopes = ?, source = ?, companyName = COALESCE(?, companyName), userName = COALESCE(?, userName), userEmail = COALESCE(?, userEmail), updatedAt = ? WHERE id = ?`,
    ),
    refresh: db.prepare(
      `UPDATE Installation SET scopes = COALESCE(?, scopes), companyName = COALESCE(?, companyName), userName = COALESCE(?, userName), userEmail = COALESCE(?, userEmail), updatedAt = ? WHERE id = ?`,
    ),
    deactivate: db.prepare(`UPDATE Installation SET uninstalledAt = ?, updatedAt = ? WHERE id = ?`),
    crmConnected: db.prepare(`SELECT 1 AS yes FROM CrmConnection WHERE workspaceId = ?`),
    timeZone: db.prepare(
      `SELECT w.timeZone AS timeZone, w.id AS workspaceId FROM App a JOIN Workspace w ON w.id = a.workspaceId WHERE a.id = ?`,
    ),
  };
}

const statements = (db: Database.Database) => {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
};

/** Applies one new event to the installation it concerns; answers the change of active installations (-1, 0, +1). */
function applyToInstallation(s: Statements, appId: string, e: IngestEvent, now: number): number {
  if ((e.type !== "INSTALL" && e.type !== "UNINSTALL") || e.companyId === null || e.userId === null) return 0;
  const at = e.occurredAt.getTime();
  const found = s.findInstallation.get(appId, e.companyId, e.userId) as
    { id: string; installedAt: string; uninstalledAt: string | null } | undefined;
  const row = found && {
    id: found.id,
    installedAt: Date.parse(found.installedAt),
    uninstalledAt: found.uninstalledAt === null ? null : Date.parse(found.uninstalledAt),
  };
  // Names come from Pipedrive, a partner's backend or a file: kept as one line without hidden characters.
  const companyName = e.companyName ? plainLine(e.companyName) || null : null;
  const userName = e.userName ? plainLine(e.userName) || null : null;
  const userEmail = e.userEmail ? plainLine(e.userEmail) || null : null;
  const t = sqliteTime(at);
  const stamp = sqliteTime(now);
  const create = (scopes: string, uninstalledAt: string | null) =>
    s.createInstallation.run(
      newId(),
      appId,
      e.companyId,
      e.userId,
      companyName,
      userName,
      userEmail,
      scopes,
      e.source,
      t,
      uninstalledAt,
      stamp,
    );
  if (e.type === "INSTALL") {
    if (!row) {
      create(e.scopes ?? "", null);
      return 1;
    }
    if (row.uninstalledAt !== null && at >= row.uninstalledAt) {
      s.reactivate.run(t, e.scopes ?? "", e.source, companyName, userName, userEmail, stamp, row.id);
      return 1;
    }
    s.refresh.run(e.scopes ?? null, companyName, userName, userEmail, stamp, row.id);
    return 0;
  }
  if (!row) {
    // An uninstall of an installation from before tracking began: known, never active here.
    create("", t);
    return 0;
  }
  if (row.uninstalledAt === null && at >= row.installedAt) {
    s.deactivate.run(t, stamp, row.id);
    return -1;
  }
  return 0;
}

/** An uninstall of an installation whose current lifecycle has already ended (by an earlier uninstall). */
function alreadyUninstalled(s: Statements, appId: string, e: IngestEvent): boolean {
  if (e.type !== "UNINSTALL" || e.companyId === null || e.userId === null) return false;
  const found = s.findInstallation.get(appId, e.companyId, e.userId) as
    { installedAt: string; uninstalledAt: string | null } | undefined;
  return found !== undefined && found.uninstalledAt !== null && e.occurredAt.getTime() >= Date.parse(found.installedAt);
}

/** Rollup days are the workspace's local days (UTC when the app is unknown). */
const workspaceOf = (s: Statements, appId: string) =>
  (s.timeZone.get(appId) as { timeZone: string; workspaceId: string } | undefined) ?? {
    timeZone: "UTC",
    workspaceId: null,
  };

/**
 * An event on the installations, the rollups, and (an install or uninstall) the customer ledger, whose changes of
 * tenure go into the rollups too.
 */
function applyEvent(
  db: Database.Database,
  s: Statements,
  appId: string,
  workspaceId: string | null,
  e: IngestEvent,
  now: number,
  zone: string,
  changes: DayChanges,
) {
  const delta = applyToInstallation(s, appId, e, now);
  const day = localDay(e.occurredAt, zone);
  changes.add(day, e.type, delta);
  if (workspaceId && (e.type === "INSTALL" || e.type === "UNINSTALL") && e.companyId !== null && e.userId !== null) {
    const change = touchCustomer(
      db,
      workspaceId,
      appId,
      {
        type: e.type,
        companyId: e.companyId,
        userId: e.userId,
        at: e.occurredAt.getTime(),
        source: e.source,
        companyName: e.companyName ? plainLine(e.companyName) || null : null,
        companyDomain: e.companyDomain ? plainLine(e.companyDomain) || null : null,
      },
      delta,
      newId,
      now,
    );
    const since = change.ended?.since ? Date.parse(change.ended.since) : null;
    changes.customer(
      day,
      change,
      since === null ? null : localDay(since, zone),
      since === null ? null : Math.max(0, Math.floor((e.occurredAt.getTime() - since) / 86_400_000)),
    );
  }
  return delta;
}

/** A delivery to queue in the same transaction as the event it follows (so a crash cannot separate them). */
export type OutboxInsert = { kind: "HANDOFF" | "UNINSTALL_RELAY"; url: string; body: string };

/**
 * Stores the events of one app in one transaction; each one once (by its dedupe key), with
 * installations and rollups, and the deliveries `outbox` asks for accepted events.
 */
export function ingestEvents(
  appId: string,
  events: IngestEvent[],
  {
    db = sqlConnection(),
    outbox,
  }: { db?: Database.Database; outbox?: (event: IngestEvent) => OutboxInsert | null } = {},
): IngestResult[] {
  const s = statements(db);
  const enqueue = db.prepare(
    `INSERT INTO OutboxMessage (id, appId, kind, url, body, status, attempts, nextAttemptAt, createdAt) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
  );
  const run = db.transaction((batch: IngestEvent[]) => {
    const { timeZone: zone, workspaceId } = workspaceOf(s, appId);
    // A workspace that connected its own Pipedrive gets each install and uninstall pushed there (lib/crm/push.ts).
    const crm = workspaceId !== null && s.crmConnected.get(workspaceId) !== undefined;
    const now = Date.now();
    const stamp = sqliteTime(now);
    const changes = new DayChanges();
    const results = batch.map((e): IngestResult => {
      // One uninstall per installation lifecycle: once it ended, later uninstalls are duplicates until a new install.
      if (alreadyUninstalled(s, appId, e)) return "duplicate";
      const inserted = s.insertEvent.run(
        newId(),
        appId,
        e.dedupeKey,
        e.type,
        e.companyId,
        e.userId,
        sqliteTime(e.occurredAt.getTime()),
        e.scopes ?? null,
        e.source,
        stamp,
      );
      if (inserted.changes === 0) return "duplicate";
      const delivery = outbox?.(e);
      if (delivery) enqueue.run(newId(), appId, delivery.kind, delivery.url, delivery.body, stamp, stamp);
      const delta = applyEvent(db, s, appId, workspaceId, e, now, zone, changes);
      if (crm && delta !== 0)
        enqueue.run(
          newId(),
          appId,
          "CRM_PUSH",
          "",
          JSON.stringify({
            workspaceId,
            event: delta > 0 ? "install" : "uninstall",
            appId,
            companyId: e.companyId,
            userId: e.userId,
          }),
          stamp,
          stamp,
        );
      return "accepted";
    });
    changes.write(s, appId);
    return results;
  });
  // IMMEDIATE: the write lock is taken up front (waiting up to the busy timeout), so a batch
  // that begins with reads never fails on upgrading its lock while another process writes.
  return run.immediate(events);
}

/**
 * Rebuilds an app's installations and daily rollups from its events, replayed in time order
 * (`npm run rollups:rebuild`, and after an import of history).
 */
export function rebuildApp(appId: string, db: Database.Database = sqlConnection()) {
  const s = statements(db);
  db.transaction(() => {
    const events = db
      .prepare(
        `SELECT type, companyId, userId, occurredAt, scopes, source FROM InstallEvent WHERE appId = ? ORDER BY occurredAt, createdAt, id`,
      )
      .all(appId) as {
      type: IngestEvent["type"];
      companyId: number | null;
      userId: number | null;
      occurredAt: string;
      scopes: string | null;
      source: IngestEvent["source"];
    }[];
    const names = db
      .prepare(`SELECT companyId, userId, companyName, userName, userEmail FROM Installation WHERE appId = ?`)
      .all(appId) as {
      companyId: number;
      userId: number;
      companyName: string | null;
      userName: string | null;
      userEmail: string | null;
    }[];
    const known = new Map(names.map((n) => [`${n.companyId}:${n.userId}`, n]));
    db.prepare(`DELETE FROM Installation WHERE appId = ?`).run(appId);
    db.prepare(`DELETE FROM InstallDaily WHERE appId = ?`).run(appId);
    const touched = forgetApp(db, appId);
    const { timeZone: zone, workspaceId } = workspaceOf(s, appId);
    const now = Date.now();
    const changes = new DayChanges();
    for (const e of events) {
      const occurredAt = new Date(Date.parse(e.occurredAt));
      const who = known.get(`${e.companyId}:${e.userId}`);
      applyEvent(
        db,
        s,
        appId,
        workspaceId,
        {
          ...e,
          occurredAt,
          dedupeKey: "",
          companyName: who?.companyName,
          userName: who?.userName,
          userEmail: who?.userEmail,
        },
        now,
        zone,
        changes,
      );
    }
    changes.write(s, appId);
    resummarize(db, touched);
  }).immediate();
}
