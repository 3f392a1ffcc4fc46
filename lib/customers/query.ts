import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { statement } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { notFound } from "@/lib/errors";
import { csvLine } from "@/lib/text/csv";
import type { CustomerRow, CustomerStatus } from "./types";

/**
 * The Customers view: the ledger's rows (lib/customers/ledger.ts) filtered and paged in SQL. Over the workspace a
 * row is the company; for one app it is the company's state for that app.
 */

export const CUSTOMERS_PAGE_SIZE = 50;
/** Counting stops here: past it the view says "more than 10,000" instead of scanning every row on each page. */
export const COUNT_CAP = 10_000;
const DAY_MS = 86_400_000;

export const PERIODS = { "7": 7, "30": 30, "90": 90, "365": 365 } as const;

export const customerQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(["all", "installed", "reinstalled", "uninstalled"]).catch("all"),
  app: z.string().trim().max(64).catch(""),
  period: z.enum(["all", "7", "30", "90", "365"]).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

type Scope = { workspaceId: string; appId: string | null; appIds: string[] };

/** The workspace's apps, and the one the query names (which must be one of them). */
export async function scopeOf(member: Member, appId: string): Promise<Scope> {
  const apps = await db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true } });
  const appIds = apps.map((a) => a.id);
  if (appId && !appIds.includes(appId)) throw notFound("App");
  return { workspaceId: member.workspace.id, appId: appId || null, appIds };
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** FROM and WHERE of a query, with its parameters; `x` is the row whose status and dates count. */
function filtered(scope: Scope, query: CustomerQuery, now: number) {
  const params: unknown[] = [];
  let from: string;
  if (scope.appId) {
    from = `CustomerApp x JOIN Customer c ON c.id = x.customerId`;
  } else {
    from = `Customer c`;
  }
  const where: string[] = [];
  if (scope.appId) {
    where.push(`x.appId = ?`);
    params.push(scope.appId);
  }
  where.push(`c.workspaceId = ?`);
  params.push(scope.workspaceId);
  const row = scope.appId ? "x" : "c";
  if (query.status !== "all") {
    where.push(`${row}.status = ?`);
    params.push(query.status.toUpperCase());
  }
  if (query.period !== "all") {
    where.push(`${row}.lastChangeAt >= ?`);
    params.push(sqliteTime(now - PERIODS[query.period] * DAY_MS));
  }
  if (query.q) {
    const pattern = like(query.q);
    const people =
      scope.appIds.length > 0
        ? ` OR c.companyId IN (SELECT i.companyId FROM Installation i WHERE i.appId IN (${marks(scope.appIds.length)})
             AND (i.userName LIKE ? ESCAPE '\\' OR i.userEmail LIKE ? ESCAPE '\\'))`
        : "";
    where.push(
      `(c.companyName LIKE ? ESCAPE '\\' OR c.companyDomain LIKE ? ESCAPE '\\'${/^\d+$/.test(query.q) ? " OR c.companyId = ?" : ""}${people})`,
    );
    params.push(pattern, pattern);
    if (/^\d+$/.test(query.q)) params.push(Number(query.q));
    if (people) params.push(...scope.appIds, pattern, pattern);
  }
  return { from, where: where.join(" AND "), params, row };
}

type Raw = {
  id: string;
  companyId: number;
  companyName: string | null;
  companyDomain: string | null;
  status: CustomerStatus;
  firstInstalledAt: string | null;
  installedAt: string | null;
  uninstalledAt: string | null;
  lastChangeAt: string;
  reinstalls: number;
  sources: string;
  apps: number;
  erasedAt: string | null;
};

function selectRows(scope: Scope, query: CustomerQuery, now: number, limit: number, offset: number): Raw[] {
  const f = filtered(scope, query, now);
  return statement(
    `SELECT c.id, c.companyId, c.companyName, c.companyDomain, ${f.row}.status AS status,
         ${f.row}.firstInstalledAt AS firstInstalledAt, ${f.row}.installedAt AS installedAt,
         ${f.row}.uninstalledAt AS uninstalledAt, ${f.row}.lastChangeAt AS lastChangeAt,
         ${f.row}.reinstalls AS reinstalls, ${f.row}.sources AS sources, c.erasedAt AS erasedAt,
         (SELECT COUNT(*) FROM CustomerApp a WHERE a.customerId = c.id) AS apps
       FROM ${f.from} WHERE ${f.where}
       ORDER BY ${f.row}.lastChangeAt DESC, c.id LIMIT ? OFFSET ?`,
  ).all(...f.params, limit, offset) as Raw[];
}

/** The installing user each row names: one with the app now before one who left, a named one first, the latest. */
function installersOf(scope: Scope, companyIds: number[]) {
  const found = new Map<number, { name: string | null; email: string | null; rank: string }>();
  const apps = scope.appId ? [scope.appId] : scope.appIds;
  if (companyIds.length === 0 || apps.length === 0) return found;
  const rows = statement(
    `SELECT companyId, userName, userEmail, installedAt, uninstalledAt FROM Installation
       WHERE appId IN (${marks(apps.length)}) AND companyId IN (${marks(companyIds.length)})`,
  ).all(...apps, ...companyIds) as {
    companyId: number;
    userName: string | null;
    userEmail: string | null;
    installedAt: string;
    uninstalledAt: string | null;
  }[];
  for (const r of rows) {
    const rank = `${r.uninstalledAt === null ? 1 : 0}${r.userName ? 1 : 0}${r.installedAt}`;
    const known = found.get(r.companyId);
    if (!known || rank > known.rank) found.set(r.companyId, { name: r.userName, email: r.userEmail, rank });
  }
  return found;
}

export const tenureDays = (
  r: { installedAt: string | null; uninstalledAt: string | null; status: string },
  now: number,
) =>
  r.installedAt === null
    ? null
    : Math.max(
        0,
        Math.floor(
          ((r.status === "UNINSTALLED" && r.uninstalledAt ? Date.parse(r.uninstalledAt) : now) -
            Date.parse(r.installedAt)) /
            DAY_MS,
        ),
      );

function toRows(scope: Scope, raw: Raw[], now: number): CustomerRow[] {
  const installers = installersOf(
    scope,
    raw.map((r) => r.companyId),
  );
  return raw.map((r) => {
    const who = installers.get(r.companyId);
    return {
      id: r.id,
      companyId: r.companyId,
      companyName: r.companyName,
      companyDomain: r.companyDomain,
      installer: who ? { name: who.name, email: who.email } : null,
      status: r.status,
      firstInstalledAt: r.firstInstalledAt ? new Date(r.firstInstalledAt).toISOString() : null,
      lastChangeAt: new Date(r.lastChangeAt).toISOString(),
      tenureDays: tenureDays(r, now),
      reinstalls: r.reinstalls,
      sources: r.sources.split(" ").filter(Boolean),
      apps: r.apps,
      erased: r.erasedAt !== null,
    };
  });
}

export async function listCustomers(member: Member, query: CustomerQuery, now = Date.now()) {
  const scope = await scopeOf(member, query.app);
  const f = filtered(scope, query, now);
  const counted = (
    statement(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${f.from} WHERE ${f.where} LIMIT ${COUNT_CAP + 1})`).get(
      ...f.params,
    ) as { n: number }
  ).n;
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  const raw = selectRows(scope, query, now, CUSTOMERS_PAGE_SIZE, (query.page - 1) * CUSTOMERS_PAGE_SIZE);
  return {
    total,
    capped,
    pages: Math.max(1, Math.ceil(total / CUSTOMERS_PAGE_SIZE)),
    rows: toRows(scope, raw, now),
  };
}

export const CUSTOMERS_CSV_HEADER = [
  "company_id",
  "company_name",
  "company_domain",
  "installer_name",
  "installer_email",
  "status",
  "first_installed_at",
  "last_change_at",
  "tenure_days",
  "reinstalls",
  "apps",
  "sources",
];

/** Every customer matching the filters, as CSV (streamed in pages; formula-safe through csvLine). */
export async function* customersCsv(member: Member, query: CustomerQuery, now = Date.now()) {
  const scope = await scopeOf(member, query.app);
  yield csvLine(CUSTOMERS_CSV_HEADER);
  for (let offset = 0; ; offset += 1000) {
    const raw = selectRows(scope, query, now, 1000, offset);
    for (const r of toRows(scope, raw, now)) {
      yield csvLine([
        r.companyId,
        r.companyName,
        r.companyDomain,
        r.installer?.name,
        r.installer?.email,
        r.status.toLowerCase(),
        r.firstInstalledAt,
        r.lastChangeAt,
        r.tenureDays,
        r.reinstalls,
        r.apps,
        r.sources.join(" "),
      ]);
    }
    if (raw.length < 1000) return;
  }
}
