/**
 * `npm run bench:seed`: the *large partner* dataset, in its own SQLite file (BENCH_DB, default
 * data/bench-large.db): the demo workspace (the same people, apps and listings as `npm run demo`)
 * grown to what a large partner accumulates over three years —
 *   50 apps (each with a listing), 2,000,000 install events written through the same ingest as
 *   production, 50,000 reviews and a rating read every day, 200 members, 100,000 audit entries,
 *   500 share links (250 of them on QuoteFlow), a sync run every day, 100 versions and 500
 *   comments on QuoteFlow.
 * `npm run bench` times every dashboard page on it against the demo dataset, and the analytics
 * against raw SQL over its events.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/prisma/client";
import { prng, demoInstallHistory } from "../prisma/demo-installs";
import { seedDemo } from "../prisma/seed-data";
import { run } from "./process";

export const BENCH_DB = process.env.BENCH_DB ?? "data/bench-large.db";
export const LARGE = {
  apps: 50,
  events: 2_000_000,
  reviews: 50_000,
  members: 200,
  audit: 100_000,
  shareLinks: 500,
} as const;
/** The app the analytics benchmark measures (one of the grown workspace's apps). */
export const BENCH_APP_ID = "bench-app-01";
const DAYS = 3 * 365;
const DAY = 86_400_000;
const ACTIONS = [
  "listing.save",
  "listing.save",
  "listing.save",
  "version.save",
  "share.create",
  "share.revoke",
  "app.status",
  "feedback.add",
  "comment.resolve",
  "installs.import",
];

export async function seedLargePartner(file = BENCH_DB, storageDir = `${file}-uploads`) {
  const started = Date.now();
  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  rmSync(storageDir, { recursive: true, force: true });
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  await run("prisma", ["migrate", "deploy"], env, { quiet: true });
  process.env.DATABASE_URL = env.DATABASE_URL;

  // The demo workspace first, as `npm run demo` makes it.
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
  await seedDemo(prisma, storageDir);
  await prisma.$disconnect();

  const { sqlConnection } = await import("../lib/db/sql");
  const { ingestEvents } = await import("../lib/installs/ingest");
  const { sqliteTime } = await import("../lib/db/time");
  const db = sqlConnection();
  const now = Date.now();
  const stamp = sqliteTime(now);
  const at = (ms: number) => sqliteTime(Math.floor(ms));
  const quoteflow = db
    .prepare(
      `SELECT a.id, a.workspaceId, d.data FROM App a JOIN ListingDraft d ON d.appId = a.id WHERE a.name = 'QuoteFlow'`,
    )
    .get() as { id: string; workspaceId: string; data: string };
  const ws = quoteflow.workspaceId;
  const owner = (
    db.prepare(`SELECT userId FROM Membership WHERE workspaceId = ? AND role = 'OWNER'`).get(ws) as { userId: string }
  ).userId;
  const random = prng(4242);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  // Apps: the demo's three and 47 more, each published with a listing of its own name.
  const template = JSON.parse(quoteflow.data) as Record<string, unknown>;
  const addApp = db.prepare(
    `INSERT INTO App (id, workspaceId, name, type, status, clientId, callbackUrl, handoffMode, createdAt, updatedAt) VALUES (?, ?, ?, 'PUBLIC', 'PUBLISHED', ?, 'https://bench.example.com/cb', 'RECORD_ONLY', ?, ?)`,
  );
  const addDraft = db.prepare(`INSERT INTO ListingDraft (appId, data, revision, updatedAt) VALUES (?, ?, 1, ?)`);
  const existing = (db.prepare(`SELECT id FROM App WHERE workspaceId = ?`).all(ws) as { id: string }[]).map(
    (a) => a.id,
  );
  const added: string[] = [];
  db.transaction(() => {
    for (let a = 0; a < LARGE.apps - existing.length; a++) {
      const id = `bench-app-${String(a + 1).padStart(2, "0")}`;
      const name = `Bench App ${a + 1}`;
      addApp.run(id, ws, name, `bench-client-${a + 1}`, at(now - (DAYS - a) * DAY), stamp);
      addDraft.run(id, JSON.stringify({ ...template, name, iconAssetId: null, images: [] }), stamp);
      added.push(id);
    }
  })();
  const apps = [...existing, ...added];

  // Install history through the production ingest, about 2 M events in all.
  let events = (db.prepare(`SELECT COUNT(*) AS n FROM InstallEvent`).get() as { n: number }).n;
  for (const [a, appId] of apps.entries()) {
    const history = demoInstallHistory(
      {
        seed: 1000 + a,
        days: DAYS,
        startPerDay: 7,
        endPerDay: 23,
        launchDay: 300 + a * 10,
        companyBase: 10_000_000 + a * 1_000_000,
      },
      now,
    );
    for (let i = 0; i < history.length; i += 5000) ingestEvents(appId, history.slice(i, i + 5000));
    events += history.length;
  }

  // Reviews and a rating read every day.
  const addReview = db.prepare(
    `INSERT INTO Review (id, appId, externalKey, source, author, stars, reviewedAt, text, upvotes, status, assigneeId, firstSeenAt, updatedAt) VALUES (?, ?, ?, 'SYNC', ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const addSnapshot = db.prepare(
    `INSERT INTO RatingSnapshot (id, appId, takenAt, average, reviewCount, installBand) VALUES (?, ?, ?, ?, ?, NULL)`,
  );
  const perApp = Math.ceil(LARGE.reviews / apps.length);
  const statuses = ["NEW", "NEW", "NEEDS_REPLY", "REPLIED", "REPLIED", "REPLIED", "WONT_REPLY"];
  for (const [a, appId] of apps.entries()) {
    db.transaction(() => {
      let sum = 0;
      let day = -1;
      for (let r = 0; r < perApp; r++) {
        const when = now - DAYS * DAY + Math.floor(((r + random()) / perApp) * DAYS * DAY);
        const stars = Math.min(5, Math.max(1, Math.round(4.2 + (random() - 0.6) * 3)));
        sum += stars;
        addReview.run(
          `${appId}-r${r}`,
          appId,
          `bench:${a}:${r}`,
          `Reviewer ${r}`,
          stars,
          at(when),
          `A review of app ${a + 1}, number ${r}.`,
          pick(statuses),
          random() < 0.1 ? owner : null,
          at(when),
          at(when),
        );
        const d = Math.floor((when - (now - DAYS * DAY)) / DAY);
        if (d !== day)
          addSnapshot.run(
            `${appId}-s${r}`,
            appId,
            at(when + 3_600_000),
            Math.round((sum / (r + 1)) * 100) / 100,
            r + 1,
          );
        day = d;
      }
    })();
  }

  // 200 members (the demo's two and 198 more), most of them editors and viewers.
  const addUser = db.prepare(
    `INSERT INTO User (id, pipedriveCompanyId, pipedriveUserId, name, email, isPipedriveAdmin, createdAt, updatedAt) VALUES (?, 7001, ?, ?, ?, 0, ?, ?)`,
  );
  const addMember = db.prepare(
    `INSERT INTO Membership (id, workspaceId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)`,
  );
  const members = (
    db.prepare(`SELECT userId FROM Membership WHERE workspaceId = ?`).all(ws) as { userId: string }[]
  ).map((m) => m.userId);
  db.transaction(() => {
    for (let m = members.length; m < LARGE.members; m++) {
      const id = `bench-user-${m}`;
      addUser.run(id, 10_000 + m, `Member ${String(m).padStart(3, "0")}`, `member${m}@acme-sales.test`, stamp, stamp);
      addMember.run(
        `bench-member-${m}`,
        ws,
        id,
        m % 20 === 0 ? "OWNER" : m % 3 === 0 ? "VIEWER" : "EDITOR",
        at(now - (DAYS - m) * DAY),
      );
      members.push(id);
    }
  })();

  // 100,000 audit entries over three years.
  const addAudit = db.prepare(
    `INSERT INTO AuditEvent (id, workspaceId, actorId, actorName, action, targetType, targetId, targetName, createdAt) VALUES (?, ?, ?, ?, ?, 'app', ?, ?, ?)`,
  );
  const names = new Map(
    (
      db
        .prepare(`SELECT u.id, u.name FROM User u JOIN Membership m ON m.userId = u.id WHERE m.workspaceId = ?`)
        .all(ws) as { id: string; name: string }[]
    ).map((u) => [u.id, u.name]),
  );
  const appNames = new Map(
    (db.prepare(`SELECT id, name FROM App WHERE workspaceId = ?`).all(ws) as { id: string; name: string }[]).map(
      (a) => [a.id, a.name],
    ),
  );
  db.transaction(() => {
    for (let e = 0; e < LARGE.audit; e++) {
      const actor = pick(members);
      const app = pick(apps);
      addAudit.run(
        `bench-audit-${e}`,
        ws,
        actor,
        names.get(actor)!,
        pick(ACTIONS),
        app,
        appNames.get(app)!,
        at(now - DAYS * DAY + (e / LARGE.audit) * DAYS * DAY),
      );
    }
  })();

  // 500 share links: half on QuoteFlow, the rest across the others; some revoked or expired.
  const addLink = db.prepare(
    `INSERT INTO ShareLink (id, appId, tokenHash, label, expiresAt, revokedAt, views, lastViewedAt, createdById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let l = 0; l < LARGE.shareLinks; l++) {
      const appId = l < LARGE.shareLinks / 2 ? quoteflow.id : apps[l % apps.length]!;
      const created = now - DAYS * DAY + (l / LARGE.shareLinks) * DAYS * DAY;
      addLink.run(
        `bench-link-${l}`,
        appId,
        `bench-link-hash-${l}`,
        `Review round ${l + 1}`,
        l % 5 === 0 ? at(created + 7 * DAY) : null,
        l % 7 === 0 ? at(created + DAY) : null,
        Math.floor(random() * 300),
        at(created + DAY),
        pick(members),
        at(created),
      );
    }
  })();

  // QuoteFlow's history: 100 versions and 500 comments, mostly resolved.
  const addVersion = db.prepare(
    `INSERT INTO ListingVersion (id, appId, number, label, data, source, createdById, createdAt) VALUES (?, ?, ?, ?, ?, 'MANUAL', ?, ?)`,
  );
  const addComment = db.prepare(
    `INSERT INTO ListingComment (id, appId, shareLinkId, section, authorName, body, resolvedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const last = (
      db.prepare(`SELECT COALESCE(MAX(number), 0) AS n FROM ListingVersion WHERE appId = ?`).get(quoteflow.id) as {
        n: number;
      }
    ).n;
    for (let v = 1; v <= 100; v++)
      addVersion.run(
        `bench-version-${v}`,
        quoteflow.id,
        last + v,
        `Round ${v}`,
        JSON.stringify({ ...template, summary: `Summary of round ${v}.` }),
        owner,
        at(now - (100 - v) * 7 * DAY),
      );
    for (let c = 0; c < 500; c++)
      addComment.run(
        `bench-comment-${c}`,
        quoteflow.id,
        `bench-link-${c % 250}`,
        pick(["general", "summary", "description", "images"]),
        `Visitor ${c}`,
        `Comment number ${c}.`,
        c < 490 ? at(now - (500 - c) * DAY) : null,
        at(now - (501 - c) * DAY),
      );
  })();

  // A sync run every day with a result per app.
  const addRun = db.prepare(
    `INSERT INTO SyncRun (id, workspaceId, trigger, status, startedAt, finishedAt, appsTotal, appsDone, added, updated, removed) VALUES (?, ?, 'CRON', 'SUCCEEDED', ?, ?, ?, ?, ?, 0, 0)`,
  );
  const addRunApp = db.prepare(
    `INSERT INTO SyncRunApp (id, runId, appId, url, status, added, parser, finishedAt) VALUES (?, ?, ?, ?, 'SUCCEEDED', ?, 'json-ld', ?)`,
  );
  db.transaction(() => {
    for (let d = 0; d < DAYS; d++) {
      const startedAt = now - (DAYS - d) * DAY;
      addRun.run(`bench-run-${d}`, ws, at(startedAt), at(startedAt + 60_000), apps.length, apps.length, apps.length);
      for (const [a, appId] of apps.entries())
        addRunApp.run(
          `bench-run-${d}-${a}`,
          `bench-run-${d}`,
          appId,
          `https://marketplace.pipedrive.com/app/bench-${a}/x`,
          1,
          at(startedAt + 1_000 * a),
        );
    }
  })();
  db.exec("ANALYZE");

  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    file,
    storageDir,
    apps: apps.length,
    events: count("InstallEvent"),
    reviews: count("Review"),
    members: count("Membership"),
    audit: count("AuditEvent"),
    shareLinks: count("ShareLink"),
    syncRuns: count("SyncRun"),
    seconds: (Date.now() - started) / 1000,
    generated: events,
  };
}

if (process.argv[1]?.endsWith("bench-seed.ts")) {
  const r = await seedLargePartner();
  const n = (x: number) => x.toLocaleString("en-US");
  console.log(
    `${r.file}: ${r.apps} apps, ${n(r.events)} install events over 3 years, ${n(r.reviews)} reviews, ${n(r.members)} members, ${n(r.audit)} audit entries, ${n(r.shareLinks)} share links, ${n(r.syncRuns)} sync runs, in ${r.seconds.toFixed(0)} s`,
  );
}
