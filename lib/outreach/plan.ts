import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { sqliteTime } from "@/lib/db/time";
import { statement } from "@/lib/db/sql";
import { requestEligibility, SKIP_LABELS, type SkipReason } from "./eligibility";
import { emailHash } from "./tokens";

/**
 * Planning: which emails are due. A review request for each install that reached its day since requests were turned
 * on (or before, if asked to), a survey for each uninstall since the survey was turned on; one row each, whatever
 * the number of workers (a unique key), written as waiting or as skipped with its reason.
 */
/** Candidates looked at per app and round. */
const PLAN_BATCH = 500;
const DAY = 86_400_000;
const iso = (ms: number) => sqliteTime(ms);

type Candidate = { companyId: number; companyName: string | null; status: string; installedAt: string | null };
type Person = { userId: number; userName: string | null; userEmail: string | null };

export const optedOut = (workspaceId: string, email: string) =>
  Boolean(
    statement("SELECT 1 FROM OutreachOptOut WHERE workspaceId = ? AND emailHash = ?").get(
      workspaceId,
      emailHash(email),
    ),
  );

async function writeSend(data: {
  workspaceId: string;
  appId: string;
  companyId: number;
  kind: "REQUEST" | "SURVEY";
  key: string;
  person: Person | null;
  status: "PENDING" | "SKIPPED";
  reason: SkipReason | null;
  dueAt: number;
  now: number;
}) {
  const result = statement(
    `INSERT INTO OutreachSend (id, workspaceId, appId, companyId, kind, key, userId, name, email, status, reason, dueAt, attempts, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING`,
  ).run(
    `os${randomBytes(12).toString("hex")}`,
    data.workspaceId,
    data.appId,
    data.companyId,
    data.kind,
    data.key,
    data.person?.userId ?? null,
    data.person?.userName ?? null,
    data.person?.userEmail ?? null,
    data.status,
    data.reason ? SKIP_LABELS[data.reason] : null,
    iso(data.dueAt),
    iso(data.now),
  );
  return result.changes > 0;
}

/** Review requests of installs that reached their day since requests were turned on (or before, if asked to). */
export async function planRequests(now = Date.now()) {
  const apps = await db.appOutreach.findMany({
    where: { requestsOn: true, app: { archivedAt: null } },
    select: {
      appId: true,
      requestDays: true,
      askExisting: true,
      requestsSince: true,
      quietFrom: true,
      quietTo: true,
      app: { select: { workspaceId: true, workspace: { select: { timeZone: true } } } },
    },
  });
  let planned = 0;
  for (const a of apps) {
    const since = a.requestsSince?.getTime() ?? now;
    const rules = {
      requestDays: a.requestDays,
      askExisting: a.askExisting,
      requestsSince: since,
      timeZone: a.app.workspace.timeZone,
      quietFrom: a.quietFrom,
      quietTo: a.quietTo,
    };
    const latest = now - a.requestDays * DAY;
    const earliest = a.askExisting ? 0 : since - a.requestDays * DAY;
    const candidates = statement(
      `SELECT c.companyId AS companyId, c.companyName AS companyName, ca.status AS status, ca.installedAt AS installedAt
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId
       WHERE ca.appId = ? AND ca.status IN ('INSTALLED', 'REINSTALLED') AND ca.installedAt <= ? AND ca.installedAt >= ?
         AND NOT EXISTS (SELECT 1 FROM OutreachSend s WHERE s.appId = ca.appId AND s.companyId = c.companyId
                         AND s.kind = 'REQUEST' AND s.key = 'once')
       LIMIT ?`,
    ).all(a.appId, iso(latest), iso(earliest), PLAN_BATCH) as Candidate[];
    for (const c of candidates) {
      const person = statement(
        `SELECT userId, userName, userEmail FROM Installation
         WHERE appId = ? AND companyId = ? AND uninstalledAt IS NULL
         ORDER BY userEmail IS NULL, installedAt LIMIT 1`,
      ).get(a.appId, c.companyId) as Person | undefined;
      const verdict = requestEligibility(
        {
          status: c.status,
          installedAt: c.installedAt ? Date.parse(c.installedAt) : null,
          alreadyAsked: false,
          optedOut: Boolean(person?.userEmail && optedOut(a.app.workspaceId, person.userEmail)),
          email: person?.userEmail ?? null,
        },
        rules,
        now,
      );
      if (!verdict.ok && (verdict.reason === "too-soon" || verdict.reason === "before-start")) continue;
      const wrote = await writeSend({
        workspaceId: a.app.workspaceId,
        appId: a.appId,
        companyId: c.companyId,
        kind: "REQUEST",
        key: "once",
        person: person ?? null,
        status: verdict.ok ? "PENDING" : "SKIPPED",
        reason: verdict.ok ? null : verdict.reason,
        dueAt: verdict.ok ? verdict.dueAt : now,
        now,
      });
      if (wrote && verdict.ok) planned++;
    }
  }
  return planned;
}

/** A survey for each company that uninstalled an app (all its users) since the survey was turned on. */
export async function planSurveys(now = Date.now()) {
  const apps = await db.appOutreach.findMany({
    where: { surveyOn: true, app: { archivedAt: null } },
    select: { appId: true, surveySince: true, app: { select: { workspaceId: true } } },
  });
  let planned = 0;
  for (const a of apps) {
    const uninstalls = statement(
      `SELECT c.companyId AS companyId, ca.uninstalledAt AS uninstalledAt
       FROM CustomerApp ca JOIN Customer c ON c.id = ca.customerId
       WHERE ca.appId = ? AND ca.status = 'UNINSTALLED' AND ca.uninstalledAt >= ?
         AND NOT EXISTS (SELECT 1 FROM OutreachSend s WHERE s.appId = ca.appId AND s.companyId = c.companyId
                         AND s.kind = 'SURVEY' AND s.key = ca.uninstalledAt)
       LIMIT ?`,
    ).all(a.appId, iso(a.surveySince?.getTime() ?? now), PLAN_BATCH) as { companyId: number; uninstalledAt: string }[];
    for (const u of uninstalls) {
      // The uninstalling user: the one whose install ended last, with an address where one is known.
      const person = statement(
        `SELECT userId, userName, userEmail FROM Installation WHERE appId = ? AND companyId = ? AND uninstalledAt IS NOT NULL
         ORDER BY uninstalledAt DESC, userEmail IS NULL LIMIT 1`,
      ).get(a.appId, u.companyId) as Person | undefined;
      const email = person?.userEmail ?? null;
      const reason: SkipReason | null = !email ? "no-email" : optedOut(a.app.workspaceId, email) ? "opted-out" : null;
      const wrote = await writeSend({
        workspaceId: a.app.workspaceId,
        appId: a.appId,
        companyId: u.companyId,
        kind: "SURVEY",
        key: u.uninstalledAt,
        person: person ?? null,
        status: reason ? "SKIPPED" : "PENDING",
        reason,
        dueAt: now,
        now,
      });
      if (wrote && !reason) planned++;
    }
  }
  return planned;
}
