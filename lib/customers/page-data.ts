import "server-only";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { customerFigures } from "./figures";
import { customerQuerySchema, listCustomers, PERIODS } from "./query";

const PERIOD_WORDS: Record<string, string> = {
  all: "all time",
  "7": "7 days",
  "30": "30 days",
  "90": "90 days",
  "365": "12 months",
};

/** What a Customers page shows: the filtered page of rows, the figures over the chosen period, the apps to filter by. */
export async function customersPage(member: Member, raw: Record<string, string | undefined>, fixedApp: string | null) {
  const query = customerQuerySchema.parse({ ...raw, ...(fixedApp ? { app: fixedApp } : {}) });
  // Figures follow the period (90 days when none is chosen) and the app, not the search or status.
  const period = query.period === "all" && !raw.period ? "90" : query.period;
  const days = period === "all" ? null : PERIODS[period];
  const [result, figures, apps] = await Promise.all([
    listCustomers(member, query),
    customerFigures(member, { app: query.app, days }),
    db.app.findMany({
      where: { workspaceId: member.workspace.id },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { query, result, figures, apps, periodLabel: PERIOD_WORDS[period]! };
}
