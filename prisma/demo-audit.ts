import type { PrismaClient } from "../lib/generated/prisma/client";

const DAY = 86_400_000;

type Person = { id: string; name: string };
type Entry = {
  daysAgo: number;
  actor: Person | null;
  action: string;
  target: { type: string; id?: string | null; name?: string | null };
  diff?: Record<string, unknown>;
};

/**
 * A year of work in the demo workspace, as its audit log shows it: the apps being created and
 * edited by Alice and Marta, QuoteFlow going through review and publication, the gateway set up,
 * reviews answered, syncs run by the scheduler. It matches the rest of the seed (the apps'
 * statuses and timeline, the reviews replied to, the templates and sync runs), and it is written
 * once, on a workspace with no history yet.
 */
export async function seedDemoAudit(
  db: PrismaClient,
  workspaceId: string,
  people: { alice: Person; marta: Person },
  now = Date.now(),
) {
  if ((await db.auditEvent.count({ where: { workspaceId } })) > 0) return;
  const apps = new Map(
    (await db.app.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((a) => [a.name, a]),
  );
  const quoteFlow = apps.get("QuoteFlow");
  const callSprout = apps.get("CallSprout");
  const ledgerly = apps.get("Ledgerly Sync");
  if (!quoteFlow || !callSprout || !ledgerly) return;
  const { alice, marta } = people;
  const token = await db.apiToken.findFirst({ where: { workspaceId }, select: { id: true, prefix: true } });
  const app = (a: { id: string; name: string }) => ({ type: "app", id: a.id, name: a.name });
  const templates = new Map(
    (await db.replyTemplate.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((t) => [
      t.name,
      t.id,
    ]),
  );
  const template = (name: string) => ({ type: "reply template", id: templates.get(name) ?? null, name });

  const entries: Entry[] = [
    { daysAgo: 440, actor: alice, action: "app.create", target: app(quoteFlow), diff: { type: "PUBLIC" } },
    {
      daysAgo: 439,
      actor: alice,
      action: "listing.save",
      target: app(quoteFlow),
      diff: { fields: ["summary", "description", "categories", "iconAssetId"] },
    },
    {
      daysAgo: 425,
      actor: alice,
      action: "app.secret",
      target: app(quoteFlow),
      diff: { clientSecret: "set (value not logged)" },
    },
    {
      daysAgo: 405,
      actor: alice,
      action: "token.create",
      target: { type: "API token", id: token?.id ?? null, name: "QuoteFlow backend" },
      diff: { prefix: token?.prefix ?? null },
    },
    {
      daysAgo: 330,
      actor: alice,
      action: "invitation.create",
      target: { type: "invitation", name: "Marta" },
      diff: { role: "Editor", expiresAt: new Date(now - 323 * DAY).toISOString() },
    },
    {
      daysAgo: 329,
      actor: marta,
      action: "member.join",
      target: { type: "member", id: marta.id, name: marta.name },
      diff: { role: "Editor", via: "invitation" },
    },
    {
      daysAgo: 120,
      actor: marta,
      action: "listing.save",
      target: app(quoteFlow),
      diff: { fields: ["images", "setupInstructions", "supportUrl"] },
    },
    {
      daysAgo: 61,
      actor: marta,
      action: "listing.save",
      target: app(quoteFlow),
      diff: { fields: ["summary", "pricingUrl", "contactEmail"] },
    },
    {
      daysAgo: 420,
      actor: alice,
      action: "app.status",
      target: app(quoteFlow),
      diff: { status: ["DRAFT", "IN_REVIEW"], note: "First submission." },
    },
    {
      daysAgo: 406,
      actor: alice,
      action: "app.status",
      target: app(quoteFlow),
      diff: { status: ["IN_REVIEW", "UNPUBLISHED"], note: "Approved by Pipedrive's marketplace team." },
    },
    {
      daysAgo: 404,
      actor: alice,
      action: "app.status",
      target: app(quoteFlow),
      diff: { status: ["UNPUBLISHED", "PUBLISHED"] },
    },
    { daysAgo: 404, actor: alice, action: "template.create", target: template("Thank you") },
    { daysAgo: 40, actor: marta, action: "app.create", target: app(callSprout), diff: { type: "PUBLIC" } },
    {
      daysAgo: 39,
      actor: marta,
      action: "listing.save",
      target: app(callSprout),
      diff: { fields: ["summary", "description", "features", "scopes"] },
    },
    { daysAgo: 26, actor: alice, action: "template.create", target: template("Sorry, we're on it") },
    { daysAgo: 20, actor: alice, action: "app.create", target: app(ledgerly), diff: { type: "PUBLIC" } },
    {
      daysAgo: 19,
      actor: alice,
      action: "listing.save",
      target: app(ledgerly),
      diff: { fields: ["summary", "categories"] },
    },
    { daysAgo: 12, actor: alice, action: "template.create", target: template("Feature request noted") },
    {
      daysAgo: 9,
      actor: marta,
      action: "listing.save",
      target: app(callSprout),
      diff: { fields: ["images", "setupInstructions", "contactEmail"] },
    },
    {
      daysAgo: 8,
      actor: alice,
      action: "app.status",
      target: app(callSprout),
      diff: { status: ["DRAFT", "IN_REVIEW"], note: "First submission." },
    },
    { daysAgo: 2, actor: marta, action: "feedback.add", target: app(callSprout), diff: { field: "summary" } },
  ];

  // The reviews answered in the inbox, and who was asked to answer the others.
  const reviews = await db.review.findMany({
    where: { appId: quoteFlow.id },
    select: { id: true, author: true, repliedAt: true, assigneeId: true, reviewedAt: true },
  });
  for (const r of reviews) {
    if (r.repliedAt)
      entries.push({
        daysAgo: (now - r.repliedAt.getTime()) / DAY,
        actor: alice,
        action: "review.reply",
        target: { type: "review", id: r.id, name: r.author },
        diff: { status: ["NEW", "REPLIED"] },
      });
    else if (r.assigneeId && r.reviewedAt)
      entries.push({
        daysAgo: (now - r.reviewedAt.getTime()) / DAY - 0.3,
        actor: marta,
        action: "review.update",
        target: { type: "review", id: r.id, name: r.author },
        diff: { status: ["NEW", "NEEDS_REPLY"], assignee: [null, r.assigneeId] },
      });
  }
  const runs = await db.syncRun.findMany({ where: { workspaceId }, select: { id: true, startedAt: true } });
  for (const run of runs)
    entries.push({
      daysAgo: (now - run.startedAt.getTime()) / DAY,
      actor: null,
      action: "sync.start",
      target: { type: "sync run", id: run.id },
    });

  await db.auditEvent.createMany({
    data: entries.map((e) => ({
      workspaceId,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? "Scheduler",
      action: e.action,
      targetType: e.target.type,
      targetId: e.target.id ?? null,
      targetName: e.target.name ?? null,
      diff: e.diff ? JSON.stringify(e.diff) : null,
      createdAt: new Date(now - e.daysAgo * DAY),
    })),
  });
}
