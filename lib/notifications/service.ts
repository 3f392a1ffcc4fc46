import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { notFound } from "@/lib/errors";
import { isNotificationKind, KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export const NOTIFICATIONS_PAGE = 25;

/** Who is asking: a member (lib/authz.ts), by the ids that scope their notifications. */
type Member = { user: { id: string }; workspace: { id: string } };

const mine = (member: Member) => ({ userId: member.user.id, workspaceId: member.workspace.id, inApp: true });

/** The bell's count: unread notifications of the member in this workspace. */
export const unreadCount = (member: Member) => db.notification.count({ where: { ...mine(member), readAt: null } });

export async function listNotifications(
  member: Member,
  { page = 1, unread = false }: { page?: number; unread?: boolean } = {},
) {
  const where = { ...mine(member), ...(unread ? { readAt: null } : {}) };
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * NOTIFICATIONS_PAGE,
      take: NOTIFICATIONS_PAGE,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE)), rows };
}

/** Marks one notification (or all of them) read; another person's notification is not found. */
export async function markRead(member: Member, notificationId: unknown | "all", now = new Date()) {
  if (notificationId === "all") {
    await db.notification.updateMany({ where: { ...mine(member), readAt: null }, data: { readAt: now } });
    return;
  }
  const done =
    typeof notificationId === "string" && notificationId.length <= 64
      ? await db.notification.updateMany({
          where: { id: notificationId, ...mine(member) },
          data: { readAt: now },
        })
      : { count: 0 };
  if (done.count === 0) throw notFound("Notification");
}

export type Preferences = {
  kinds: { kind: NotificationKind; label: string; help: string; inApp: boolean; email: boolean }[];
  emailOn: boolean;
  address: string | null;
};

export async function preferences(member: Member): Promise<Preferences> {
  const [rows, user] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: member.user.id } }),
    db.user.findUniqueOrThrow({ where: { id: member.user.id }, select: { email: true } }),
  ]);
  return {
    kinds: NOTIFICATION_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, ...KIND_LABELS[kind], inApp: row?.inApp ?? true, email: row?.email ?? true };
    }),
    emailOn: Boolean(env().SMTP_URL),
    address: user.email,
  };
}

const preferencesSchema = z.strictObject({
  kinds: z
    .array(
      z.strictObject({
        kind: z.string().refine(isNotificationKind, "Unknown kind"),
        inApp: z.boolean(),
        email: z.boolean(),
      }),
    )
    .max(NOTIFICATION_KINDS.length),
});

export async function savePreferences(member: Member, input: unknown) {
  const { kinds } = preferencesSchema.parse(input);
  await db.$transaction(
    kinds.map((k) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId: member.user.id, kind: k.kind } },
        create: { userId: member.user.id, kind: k.kind, inApp: k.inApp, email: k.email },
        update: { inApp: k.inApp, email: k.email },
      }),
    ),
  );
}

/** One kind off by email, from an unsubscribe link (no session: the link's signature is the proof). */
export async function unsubscribe(userId: string, kind: NotificationKind) {
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, email: false },
    update: { email: false },
  });
  await db.notification.updateMany({ where: { userId, kind, emailState: "PENDING" }, data: { emailState: "SKIPPED" } });
}
