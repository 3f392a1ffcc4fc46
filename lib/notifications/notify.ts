import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { plainLine, plainText } from "@/lib/text/outside-text";
import type { NotificationKind } from "./kinds";

export type NotificationInput = {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** A path in the app. */
  link: string;
};

/**
 * Tells the members of a workspace (those with at least `minRole`) about something, as each chose:
 * in the app, by email, both or neither. Email is only queued when SMTP is configured and the person
 * has an address; the worker sends it (alerts at once, the rest in the daily digest).
 */
type MinRole = "VIEWER" | "EDITOR" | "OWNER";
const AT_LEAST: Record<MinRole, string[]> = {
  VIEWER: ["VIEWER", "EDITOR", "OWNER"],
  EDITOR: ["EDITOR", "OWNER"],
  OWNER: ["OWNER"],
};

export async function notify(
  workspaceId: string,
  input: NotificationInput,
  {
    minRole = "VIEWER",
    now = new Date(),
    channels = { inApp: true, email: true },
    actorId = null,
  }: {
    minRole?: MinRole;
    /** Who did it, when a person did: they are not told of their own action. */
    actorId?: string | null;
    now?: Date;
    /** The channels the sender allows (an alert rule's destinations); each person's choices still apply. */
    channels?: { inApp: boolean; email: boolean };
  } = {},
) {
  const members = await db.membership.findMany({
    where: { workspaceId, role: { in: AT_LEAST[minRole] }, ...(actorId ? { userId: { not: actorId } } : {}) },
    select: {
      role: true,
      user: { select: { id: true, email: true, notificationPreferences: { where: { kind: input.kind } } } },
    },
  });
  const smtp = Boolean(env().SMTP_URL);
  const rows = members
    .map((m) => {
      const pref = m.user.notificationPreferences[0];
      const inApp = channels.inApp && (pref?.inApp ?? true);
      const email = channels.email && smtp && Boolean(m.user.email) && (pref?.email ?? true);
      return { userId: m.user.id, inApp, email };
    })
    .filter((r) => r.inApp || r.email);
  if (!rows.length) return 0;
  await db.notification.createMany({
    data: rows.map((r) => ({
      userId: r.userId,
      workspaceId,
      kind: input.kind,
      // Titles and bodies quote outside text (reviewers, competitors): shown without hidden characters.
      title: plainLine(input.title).slice(0, 300),
      body: input.body ? plainText(input.body).slice(0, 2000) : null,
      link: input.link,
      inApp: r.inApp,
      emailState: r.email ? "PENDING" : null,
      createdAt: now,
    })),
  });
  return rows.length;
}

/** Never lets a notification break what caused it (a sync, a comment): a failure is logged. */
export async function notifySafely(
  workspaceId: string,
  input: NotificationInput,
  options?: Parameters<typeof notify>[2],
) {
  try {
    return await notify(workspaceId, input, options);
  } catch (error) {
    log().error({ err: error, kind: input.kind }, "A notification could not be recorded");
    return 0;
  }
}
