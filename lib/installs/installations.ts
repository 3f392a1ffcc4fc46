import "server-only";
import { csvLine } from "@/lib/text/csv";
import { z } from "zod";
import { getApp } from "@/lib/apps/service";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const INSTALLATIONS_PAGE_SIZE = 50;

export const installationQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(["active", "uninstalled", "all"]).catch("active"),
  source: z.enum(["all", "GATEWAY", "MARKETPLACE", "API", "IMPORT"]).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type InstallationQuery = z.infer<typeof installationQuerySchema>;

export type InstallationRow = {
  id: string;
  companyId: number;
  companyName: string | null;
  userId: number;
  userName: string | null;
  scopes: string;
  source: string;
  installedAt: string;
  uninstalledAt: string | null;
  /** Days between install and uninstall (or now). */
  lifetimeDays: number;
};

function where(appId: string, query: InstallationQuery): Prisma.InstallationWhereInput {
  const filters: Prisma.InstallationWhereInput[] = [{ appId }];
  if (query.status === "active") filters.push({ uninstalledAt: null });
  if (query.status === "uninstalled") filters.push({ uninstalledAt: { not: null } });
  if (query.source !== "all") filters.push({ source: query.source });
  if (query.q) {
    const n = /^\d+$/.test(query.q) ? Number(query.q) : null;
    filters.push({
      OR: [
        { companyName: { contains: query.q } },
        { userName: { contains: query.q } },
        ...(n !== null ? [{ companyId: n }, { userId: n }] : []),
      ],
    });
  }
  return { AND: filters };
}

const toRow = (r: Awaited<ReturnType<typeof db.installation.findMany>>[number], now: number): InstallationRow => ({
  id: r.id,
  companyId: r.companyId,
  companyName: r.companyName,
  userId: r.userId,
  userName: r.userName,
  scopes: r.scopes,
  source: r.source,
  installedAt: r.installedAt.toISOString(),
  uninstalledAt: r.uninstalledAt?.toISOString() ?? null,
  lifetimeDays: Math.max(0, Math.floor(((r.uninstalledAt?.getTime() ?? now) - r.installedAt.getTime()) / 86_400_000)),
});

export async function listInstallations(member: Member, appId: string, query: InstallationQuery) {
  await getApp(member, appId);
  const filter = where(appId, query);
  const [total, rows, active] = await Promise.all([
    db.installation.count({ where: filter }),
    db.installation.findMany({
      where: filter,
      orderBy: [{ installedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * INSTALLATIONS_PAGE_SIZE,
      take: INSTALLATIONS_PAGE_SIZE,
    }),
    db.installation.count({ where: { appId, app: { workspaceId: member.workspace.id }, uninstalledAt: null } }),
  ]);
  const now = Date.now();
  return {
    total,
    active,
    pages: Math.max(1, Math.ceil(total / INSTALLATIONS_PAGE_SIZE)),
    rows: rows.map((r) => toRow(r, now)),
  };
}

/** Every installation matching the filters, as CSV (streamed in pages). */
export async function* installationsCsv(member: Member, appId: string, query: InstallationQuery) {
  await getApp(member, appId);
  yield "company_id,company_name,user_id,user_name,scopes,source,installed_at,uninstalled_at,lifetime_days\n";
  const filter = where(appId, query);
  const now = Date.now();
  for (let skip = 0; ; skip += 1000) {
    const rows = await db.installation.findMany({
      where: filter,
      orderBy: [{ installedAt: "desc" }, { id: "asc" }],
      skip,
      take: 1000,
    });
    for (const r of rows.map((row) => toRow(row, now))) {
      yield csvLine([
        r.companyId,
        r.companyName,
        r.userId,
        r.userName,
        r.scopes,
        r.source,
        r.installedAt,
        r.uninstalledAt,
        r.lifetimeDays,
      ]);
    }
    if (rows.length < 1000) return;
  }
}
