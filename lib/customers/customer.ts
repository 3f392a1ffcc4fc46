import "server-only";
import { z } from "zod";
import { actorOf, audit } from "@/lib/audit/log";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { sqlConnection } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors";
import { authorize } from "@/lib/team/permissions";
import { HISTORY_LIMIT } from "./ledger";
import { tenureDays } from "./query";
import { noteSchema, tagsSchema } from "./schema";
import type { CustomerNoteView, CustomerStatus, TimelineEntry } from "./types";

/** One customer: its apps, people, timeline, the team's notes and tags, the reviews probably its own; and erase. */

const idSchema = z.string().min(1).max(64);
const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

async function findCustomer(member: Member, customerId: unknown) {
  const id = idSchema.safeParse(customerId);
  if (!id.success) throw notFound("Customer");
  const customer = await db.customer.findFirst({ where: { id: id.data, workspaceId: member.workspace.id } });
  if (!customer) throw notFound("Customer");
  return customer;
}

/** How a customer is named where its name is unknown or erased: by its Pipedrive id, never a made-up name. */
export const customerLabel = (c: { companyName: string | null; companyId: number }) =>
  c.companyName ?? `Company ${c.companyId}`;

/** Names compared as a person would: case, accents, spacing and punctuation aside. */
export const sameName = (a: string, b: string) => {
  const norm = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const x = norm(a);
  return x.length > 1 && x === norm(b);
};

/**
 * Labels a company's install events in time order, per app and user: the first install, a re-authorization while
 * installed, an uninstall, and an install after an uninstall (a reinstall).
 */
export function labelTimeline(
  events: { type: string; appId: string; userId: number | null; occurredAt: string; source: string }[],
): { index: number; kind: TimelineEntry["kind"] }[] {
  const state = new Map<string, "in" | "out">();
  return events
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.occurredAt.localeCompare(b.e.occurredAt) || a.index - b.index)
    .map(({ e, index }) => {
      const key = `${e.appId}:${e.userId}`;
      const was = state.get(key);
      if (e.type === "UNINSTALL") {
        state.set(key, "out");
        return { index, kind: "UNINSTALL" as const };
      }
      state.set(key, "in");
      return {
        index,
        kind: was === "in" ? ("REAUTHORIZE" as const) : was === "out" ? ("REINSTALL" as const) : ("INSTALL" as const),
      };
    });
}

const TIMELINE_LIMIT = 1000;

export async function getCustomer(member: Member, customerId: unknown, now = Date.now()) {
  const customer = await findCustomer(member, customerId);
  const [appRows, apps, notes] = await Promise.all([
    db.customerApp.findMany({ where: { customerId: customer.id, customer: { workspaceId: member.workspace.id } } }),
    db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true, name: true, type: true } }),
    db.customerNote.findMany({
      where: { customerId: customer.id, customer: { workspaceId: member.workspace.id } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  const appIds = appRows.map((r) => r.appId);
  const d = sqlConnection();
  const people = appIds.length
    ? (d
        .prepare(
          `SELECT appId, userId, userName, userEmail, scopes, source, installedAt, uninstalledAt FROM Installation
           WHERE appId IN (${marks(appIds.length)}) AND companyId = ? ORDER BY installedAt`,
        )
        .all(...appIds, customer.companyId) as {
        appId: string;
        userId: number;
        userName: string | null;
        userEmail: string | null;
        scopes: string;
        source: string;
        installedAt: string;
        uninstalledAt: string | null;
      }[])
    : [];
  // The timeline: each app's history as the ledger keeps it on the company's row for that app.
  const events = appRows
    .flatMap((r) =>
      (JSON.parse(r.history) as [string, string, number, string][]).map(([type, at, userId, source]) => ({
        type: type === "U" ? "UNINSTALL" : "INSTALL",
        appId: r.appId,
        userId,
        occurredAt: at,
        source,
      })),
    )
    .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt))
    .slice(0, TIMELINE_LIMIT);
  const names = new Map(people.map((p) => [`${p.appId}:${p.userId}`, p.userName]));
  const labels = labelTimeline(events);
  const timeline: TimelineEntry[] = labels
    .map(({ index, kind }) => {
      const e = events[index]!;
      return {
        at: new Date(e.occurredAt).toISOString(),
        kind,
        appId: e.appId,
        appName: appName.get(e.appId) ?? "Deleted app",
        userId: e.userId,
        userName: names.get(`${e.appId}:${e.userId}`) ?? null,
        source: e.source,
      };
    })
    .reverse();
  // Reviews probably its own: by one of its installing users' names, on an app it installed, after it did.
  const installerNames = [...new Set(people.map((p) => p.userName).filter((n): n is string => !!n))];
  const candidates =
    installerNames.length && appIds.length
      ? await db.review.findMany({
          where: { appId: { in: appIds }, app: { workspaceId: member.workspace.id }, removedAt: null },
          select: { id: true, appId: true, author: true, stars: true, text: true, reviewedAt: true },
          orderBy: { reviewedAt: "desc" },
          take: 2000,
        })
      : [];
  const firstOnApp = new Map(appRows.map((r) => [r.appId, r.firstInstalledAt]));
  const reviews = candidates
    .filter((r) => {
      const byName = installerNames.some(
        (n) => sameName(n, r.author) || (customer.companyName && sameName(`${n} ${customer.companyName}`, r.author)),
      );
      const first = firstOnApp.get(r.appId);
      return byName && (!r.reviewedAt || !first || r.reviewedAt >= first);
    })
    .slice(0, 20)
    .map((r) => ({ ...r, appName: appName.get(r.appId) ?? "", reviewedAt: r.reviewedAt?.toISOString() ?? null }));

  return {
    customer: {
      id: customer.id,
      companyId: customer.companyId,
      companyName: customer.companyName,
      companyDomain: customer.companyDomain,
      status: customer.status as CustomerStatus,
      firstInstalledAt: customer.firstInstalledAt?.toISOString() ?? null,
      lastChangeAt: customer.lastChangeAt.toISOString(),
      tenureDays: tenureDays(
        {
          installedAt: customer.installedAt?.toISOString() ?? null,
          uninstalledAt: customer.uninstalledAt?.toISOString() ?? null,
          status: customer.status,
        },
        now,
      ),
      reinstalls: customer.reinstalls,
      activeInstalls: customer.activeInstalls,
      sources: customer.sources.split(" ").filter(Boolean),
      tags: parseTags(customer.tags),
      erasedAt: customer.erasedAt?.toISOString() ?? null,
    },
    apps: appRows
      .map((r) => ({
        appId: r.appId,
        appName: appName.get(r.appId) ?? "Deleted app",
        status: r.status as CustomerStatus,
        activeInstalls: r.activeInstalls,
        reinstalls: r.reinstalls,
        firstInstalledAt: r.firstInstalledAt?.toISOString() ?? null,
        lastChangeAt: r.lastChangeAt.toISOString(),
      }))
      .sort((a, b) => b.lastChangeAt.localeCompare(a.lastChangeAt)),
    people: people.map((p) => ({
      ...p,
      appName: appName.get(p.appId) ?? "Deleted app",
      installedAt: new Date(p.installedAt).toISOString(),
      uninstalledAt: p.uninstalledAt ? new Date(p.uninstalledAt).toISOString() : null,
    })),
    timeline,
    timelineTruncated: appRows.some((r) => (JSON.parse(r.history) as unknown[]).length >= HISTORY_LIMIT),
    notes: notes.map((n): CustomerNoteView => ({
      id: n.id,
      authorName: n.authorName,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
    })),
    reviews,
  };
}
export type CustomerDetail = Awaited<ReturnType<typeof getCustomer>>;

const parseTags = (raw: string): string[] => {
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
};

/** The audit names a customer by its Pipedrive id only: the log is kept for good and must not hold what erase removes. */
const auditTarget = (c: { id: string; companyId: number }) => ({
  targetType: "customer",
  targetId: c.id,
  targetName: `Company ${c.companyId}`,
});

export async function addCustomerNote(member: Member, customerId: unknown, input: unknown) {
  authorize(member, "customers.annotate");
  const customer = await findCustomer(member, customerId);
  const { body } = noteSchema.parse(input);
  const note = await db.customerNote.create({
    data: { customerId: customer.id, authorId: member.user.id, authorName: member.user.name, body },
  });
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "customer.note",
    ...auditTarget(customer),
    diff: { characters: body.length },
  });
  return note.id;
}

export async function setCustomerTags(member: Member, customerId: unknown, input: unknown) {
  authorize(member, "customers.annotate");
  const customer = await findCustomer(member, customerId);
  const { tags } = tagsSchema.parse(input);
  const before = parseTags(customer.tags);
  await db.customer.updateMany({
    where: { id: customer.id, workspaceId: member.workspace.id },
    data: { tags: JSON.stringify(tags) },
  });
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "customer.tags",
    ...auditTarget(customer),
    diff: { tags: [before, tags] },
  });
  return tags;
}

/**
 * Erase on request: names, emails, the domain, notes, tags and survey words go; the company's Pipedrive id, its dates, statuses
 * and every count stay (nothing personal is in them). A later install brings the new installer's data with it.
 */
export async function eraseCustomer(member: Member, customerId: unknown, confirm: unknown) {
  authorize(member, "customers.erase");
  const customer = await findCustomer(member, customerId);
  if (confirm !== String(customer.companyId))
    throw new AppError("VALIDATION", `Type the company id ${customer.companyId} to confirm`, {
      confirm: "Does not match",
    });
  const apps = await db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true } });
  await db.$transaction([
    db.installation.updateMany({
      where: {
        appId: { in: apps.map((a) => a.id) },
        companyId: customer.companyId,
        app: { workspaceId: member.workspace.id },
      },
      data: { companyName: null, userName: null, userEmail: null },
    }),
    db.customerNote.deleteMany({ where: { customerId: customer.id, customer: { workspaceId: member.workspace.id } } }),
    // Its outreach keeps dates and statuses; the address, the name and what was written in the survey go.
    db.outreachSend.updateMany({
      where: { workspaceId: member.workspace.id, companyId: customer.companyId, status: "PENDING" },
      data: { status: "SKIPPED", reason: "The customer's personal data was erased" },
    }),
    db.outreachSend.updateMany({
      where: { workspaceId: member.workspace.id, companyId: customer.companyId },
      data: { name: null, email: null },
    }),
    db.surveyAnswer.updateMany({
      where: { workspaceId: member.workspace.id, companyId: customer.companyId },
      data: { text: null },
    }),
    db.customer.updateMany({
      where: { id: customer.id, workspaceId: member.workspace.id },
      data: { companyName: null, companyDomain: null, tags: "[]", erasedAt: new Date() },
    }),
  ]);
  await audit({
    workspaceId: member.workspace.id,
    actor: actorOf(member),
    action: "customer.erase",
    ...auditTarget(customer),
  });
}
