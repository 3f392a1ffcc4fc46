import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireMembership } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getApp } from "./service";

/** For pages: the member and the app of their workspace, or the 404 page (never another workspace's app). */
export const loadApp = cache(async (appId: string) => {
  const member = await requireMembership();
  try {
    return { member, app: await getApp(member, appId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
