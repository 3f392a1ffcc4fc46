import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";

import { rebuildApp } from "@/lib/installs/ingest";
import { authorize } from "@/lib/team/permissions";
import { isTimeZone } from "@/lib/days";
import { auditBy } from "@/lib/audit/log";

const schema = z.strictObject({
  timeZone: z.string({ error: "Choose a time zone" }).refine(isTimeZone, "Choose a time zone from the list"),
});

/** The time zone the workspace's days are cut in. */
export async function workspaceTimeZone(member: Member): Promise<string> {
  return (await db.workspace.findUniqueOrThrow({ where: { id: member.workspace.id }, select: { timeZone: true } }))
    .timeZone;
}

/**
 * The workspace's days follow its time zone; changing it rebuilds every app's daily rollups
 * from the events, so that past days are cut at the new midnight too.
 */
export async function setWorkspaceTimeZone(member: Member, input: unknown) {
  authorize(member, "workspace.time-zone");
  const { timeZone } = schema.parse(input);
  const current = await db.workspace.findUniqueOrThrow({
    where: { id: member.workspace.id },
    select: { timeZone: true },
  });
  if (current.timeZone === timeZone) return { rebuilt: 0 };
  await db.workspace.update({ where: { id: member.workspace.id }, data: { timeZone } });
  const apps = await db.app.findMany({ where: { workspaceId: member.workspace.id }, select: { id: true } });
  for (const app of apps) rebuildApp(app.id);
  await auditBy(
    member,
    "workspace.timezone",
    { type: "workspace", id: member.workspace.id, name: member.workspace.name },
    { timeZone: [current.timeZone, timeZone] },
  );
  return { rebuilt: apps.length };
}
