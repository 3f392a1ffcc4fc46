import "server-only";
import { listedType } from "@/lib/app-types";
import { getApp } from "@/lib/apps/service";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";

/** The app, when its type has a listing to submit (an API-token integration does not). */
export async function listedApp(member: Member, appId: string) {
  const app = await getApp(member, appId);
  return { ...app, type: listedType(app) };
}

export async function names(ids: (string | null)[]) {
  const users = await db.user.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}
