import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { escapeHtml, plainPage } from "@/lib/http/html-page";
import { KIND_LABELS } from "./kinds";
import { unsubscribe } from "./service";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** The answer to an unsubscribe link: the question (GET), the result (POST), or why the link does not work. */
export async function unsubscribePage(token: string, method: "GET" | "POST", path: string) {
  const read = readUnsubscribeToken(token, env().AUTH_SECRET);
  const user = read ? await db.user.findUnique({ where: { id: read.userId }, select: { id: true } }) : null;
  if (!read || !user)
    return {
      status: 404,
      html: plainPage(
        "This link does not work",
        "The unsubscribe link is incomplete or no longer valid. You can choose what you get in Listing Studio, under Notifications.",
        { href: "/notifications/settings", text: "Notification settings" },
      ),
    };
  const label = KIND_LABELS[read.kind].label.toLowerCase();
  if (method === "POST") {
    await unsubscribe(user.id, read.kind);
    return {
      status: 200,
      html: plainPage(
        "You are unsubscribed",
        `You will no longer get emails about ${label}. They still show in the app unless you turn them off there.`,
        { href: "/notifications/settings", text: "Notification settings" },
      ),
    };
  }
  const form = `<form method="post" action="${escapeHtml(path)}"><button type="submit">Stop emails about ${escapeHtml(label)}</button></form>`;
  return {
    status: 200,
    html: plainPage("Stop these emails?", `Listing Studio will stop emailing you about ${label}.`, null).replace(
      "</main>",
      `${form}</main>`,
    ),
  };
}
