/**
 * The analytics figures of one app over 12 months, timed in this process (server time):
 * served from rollups by lib/analytics, against the same figures computed by straightforward
 * SQL over the raw events (the baseline), in the same run. Prints a table and the ratio, and
 * checks that both give the same monthly numbers. Needs the dataset of `npm run bench:seed`.
 */
import type { Member } from "@/lib/authz";
import { loadAnalytics } from "@/lib/analytics/load";
import { analyticsQuerySchema } from "@/lib/analytics/query";
import { addDays, addMonths, localDay } from "@/lib/days";
import { bucketStart } from "@/lib/analytics/time";
import { sqlConnection } from "@/lib/db/sql";
import { writeFileSync } from "node:fs";

const RUNS = Number(process.env.BENCH_ANALYTICS_RUNS ?? 40);
const BASELINE_RUNS = 4;
const db = sqlConnection();
const appId = "bench-app-01";
// The owner of the large partner's workspace, as the dashboard loads it for them.
const owner = db
  .prepare(
    `SELECT u.id, u.name, w.id AS workspaceId, w.name AS workspaceName, w.pipedriveCompanyId FROM App a JOIN Workspace w ON w.id = a.workspaceId JOIN Membership m ON m.workspaceId = w.id AND m.role = 'OWNER' JOIN User u ON u.id = m.userId WHERE a.id = ? ORDER BY m.createdAt LIMIT 1`,
  )
  .get(appId) as { id: string; name: string; workspaceId: string; workspaceName: string; pipedriveCompanyId: number };
const member: Member = {
  user: { id: owner.id, name: owner.name, email: null, image: null },
  workspace: {
    id: owner.workspaceId,
    name: owner.workspaceName,
    domain: null,
    pipedriveCompanyId: owner.pipedriveCompanyId,
  },
  role: "OWNER",
};
const query = analyticsQuerySchema.parse({ app: appId, range: "12m", bucket: "month" });

/** The baseline: every figure from InstallEvent with plain GROUP BYs and correlated subqueries (UTC workspace). */
function baseline(now: number) {
  const to = localDay(now, "UTC");
  const from = addDays(addMonths(to, -12), 1);
  const prevFrom = addDays(addMonths(from, -12), 0);
  const iso = (day: string) => `${day}T00:00:00.000+00:00`;
  const end = iso(addDays(to, 1));
  const counts = db
    .prepare(
      `SELECT substr(occurredAt, 1, 7) AS month, type, COUNT(*) AS n FROM InstallEvent WHERE appId = ? AND occurredAt >= ? AND occurredAt < ? GROUP BY month, type ORDER BY month`,
    )
    .all(appId, iso(prevFrom), end) as { month: string; type: string; n: number }[];
  // Active at the end of each month: installs minus uninstalls since the beginning, through the installation each concerns.
  const active = db
    .prepare(
      `SELECT month, SUM(delta) OVER (ORDER BY month) AS active FROM (
         SELECT substr(occurredAt, 1, 7) AS month, SUM(CASE type WHEN 'INSTALL' THEN 1 WHEN 'UNINSTALL' THEN -1 ELSE 0 END) AS delta
         FROM InstallEvent WHERE appId = ? AND occurredAt < ? GROUP BY month)`,
    )
    .all(appId, end) as { month: string; active: number }[];
  const thirty = db
    .prepare(
      `SELECT COUNT(*) AS eligible, SUM(NOT EXISTS (SELECT 1 FROM InstallEvent u WHERE u.appId = i.appId AND u.type = 'UNINSTALL' AND u.companyId = i.companyId AND u.userId = i.userId
         AND u.occurredAt >= i.occurredAt AND u.occurredAt < strftime('%Y-%m-%dT%H:%M:%S.000+00:00', i.occurredAt, '+30 days'))) AS retained
       FROM InstallEvent i WHERE i.appId = ? AND i.type = 'INSTALL' AND i.occurredAt >= ? AND i.occurredAt < ? AND i.occurredAt <= ?`,
    )
    .get(appId, iso(from), end, new Date(now - 30 * 86_400_000).toISOString().replace("Z", "+00:00")) as {
    eligible: number;
    retained: number;
  };
  const cohortRows = db
    .prepare(
      `SELECT substr(i.occurredAt, 1, 7) AS cohort, (SELECT MIN(u.occurredAt) FROM InstallEvent u WHERE u.appId = i.appId AND u.type = 'UNINSTALL' AND u.companyId = i.companyId AND u.userId = i.userId AND u.occurredAt >= i.occurredAt) AS gone
       FROM InstallEvent i WHERE i.appId = ? AND i.type = 'INSTALL' AND i.occurredAt >= ?`,
    )
    .all(appId, iso(bucketStart(addMonths(to, -11), "month"))) as { cohort: string; gone: string | null }[];
  const ratings = db
    .prepare(
      `SELECT substr(takenAt, 1, 7) AS month, average, reviewCount FROM RatingSnapshot WHERE appId = ? AND takenAt >= ? AND takenAt < ? ORDER BY takenAt`,
    )
    .all(appId, iso(from), end);
  const stars = db
    .prepare(
      `SELECT stars, COUNT(*) AS n FROM Review WHERE appId = ? AND removedAt IS NULL AND reviewedAt >= ? AND reviewedAt < ? GROUP BY stars`,
    )
    .all(appId, iso(from), end);
  return { counts, active, thirty, cohorts: cohortRows.length, ratings: ratings.length, stars: stars.length };
}

function time(fn: () => unknown | Promise<unknown>) {
  return async () => {
    const t = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
};

const now = Date.now();
const events = (db.prepare(`SELECT COUNT(*) AS n FROM InstallEvent`).get() as { n: number }).n;
const appEvents = (db.prepare(`SELECT COUNT(*) AS n FROM InstallEvent WHERE appId = ?`).get(appId) as { n: number }).n;
const ours = time(() => loadAnalytics(member, query, now));
const theirs = time(() => baseline(now));
for (let i = 0; i < 3; i++) await ours();
await theirs();
// Each side in its own block of runs (a baseline run reads the whole event table, which would
// evict the rollups from the cache between two of ours), twice, alternating.
const a: number[] = [];
const b: number[] = [];
for (let round = 0; round < 2; round++) {
  for (let i = 0; i < RUNS / 2; i++) a.push(await ours());
  for (let i = 0; i < BASELINE_RUNS / 2; i++) b.push(await theirs());
}
const mine = stats(a);
const base = stats(b);

// Same monthly numbers both ways.
const figures = await loadAnalytics(member, query, now);
const counts = baseline(now).counts;
const month = (key: string) => key.slice(0, 7);
// Whole months only: the range's first month is clipped on our side, not in the GROUP BY.
const same = figures.series
  .filter((p) => p.from === p.key)
  .every((p) => {
    const n = (type: string) => counts.find((c) => c.month === month(p.key) && c.type === type)?.n ?? 0;
    return (
      n("INSTALL") === p.installs &&
      n("UNINSTALL") === p.uninstalls &&
      n("INSTALL_STARTED") === p.started &&
      n("CONSENT_DENIED") === p.denied
    );
  });

console.log(
  `\nanalytics: ${events.toLocaleString("en-US")} install events in the dataset, ${appEvents.toLocaleString("en-US")} for the app measured; all figures of one app over 12 months by month (${RUNS} runs; baseline ${BASELINE_RUNS})`,
);
console.log("| computed from | p50 ms | p95 ms |");
console.log("|---|---:|---:|");
console.log(
  `| rollups (lib/analytics: series, comparison, funnel, cohorts, ratings, stars, views) | ${mine.p50.toFixed(1)} | ${mine.p95.toFixed(1)} |`,
);
console.log(`| straightforward SQL over raw events (baseline) | ${base.p50.toFixed(1)} | ${base.p95.toFixed(1)} |`);
const ratio = base.p95 / mine.p95;
console.log(`baseline ÷ rollups at p95: ${ratio.toFixed(1)}× faster (goal ≥ 10×) ${ratio >= 10 ? "✓" : "✗"}`);
console.log(`p95 server time: ${mine.p95.toFixed(1)} ms (budget ≤ 50 ms) ${mine.p95 <= 50 ? "✓" : "✗"}`);
console.log(`monthly installs, uninstalls and starts agree with the raw events: ${same ? "✓" : "✗"}`);
if (process.env.BENCH_RESULT_FILE)
  writeFileSync(
    process.env.BENCH_RESULT_FILE,
    JSON.stringify({ p50: mine.p50, p95: mine.p95, baselineP95: base.p95, ratio, same, events }),
  );
if (process.env.BENCH_STRICT && (ratio < 10 || mine.p95 > 50 || !same)) process.exitCode = 1;
