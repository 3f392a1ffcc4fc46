import { escapeHtml } from "@/lib/http/html-page";
import { plainLine, plainText } from "@/lib/text/outside-text";
import { plural } from "@/lib/text/words";
import { KIND_LABELS, type NotificationKind } from "./kinds";
import { UTC_TIME as WHEN } from "@/lib/text/dates";

/** What an email says, as text and HTML, with a link per notification and an unsubscribe link per kind. */
export type EmailItem = { kind: NotificationKind; title: string; body: string | null; link: string; createdAt: Date };
export type EmailMessage = { subject: string; text: string; html: string; unsubscribe: string };

/**
 * One email for a person: a single alert, or the digest of everything else, grouped by kind (newest
 * first within a kind). `unsubscribeUrl(kind)` turns that kind off; the first kind's link is also the
 * message's List-Unsubscribe header.
 */
export function buildEmail(
  items: EmailItem[],
  {
    workspace,
    appUrl,
    unsubscribeUrl,
  }: { workspace: string; appUrl: string; unsubscribeUrl: (kind: NotificationKind) => string },
): EmailMessage {
  if (items.length === 0) throw new Error("An email needs at least one notification");
  // Names and titles quote outside text: one line each, without hidden characters (HTML escapes the rest).
  workspace = plainLine(workspace);
  items = items.map((i) => ({ ...i, title: plainLine(i.title), body: i.body === null ? null : plainText(i.body) }));
  const kinds = [...new Set(items.map((i) => i.kind))];
  const subject =
    items.length === 1
      ? `${items[0]!.title} · ${workspace}`
      : `${plural(items.length, "update", "updates")} in ${workspace} · Listing Studio`;
  const sections = kinds.map((kind) => ({
    kind,
    label: KIND_LABELS[kind].label,
    items: items.filter((i) => i.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
  }));
  const url = (link: string) => `${appUrl.replace(/\/+$/, "")}${link}`;
  const text = [
    items.length === 1 ? "" : `Your updates in ${workspace}:\n`,
    ...sections.map(
      (s) =>
        `${s.label.toUpperCase()}\n${s.items
          .map(
            (i) => `- ${i.title} (${WHEN.format(i.createdAt)} UTC)${i.body ? `\n  ${i.body}` : ""}\n  ${url(i.link)}`,
          )
          .join("\n")}\n  Stop these emails: ${unsubscribeUrl(s.kind)}\n`,
    ),
    `Choose what you get: ${url("/notifications/settings")}`,
  ]
    .filter(Boolean)
    .join("\n");
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:40rem">
${items.length === 1 ? "" : `<p>Your updates in <strong>${escapeHtml(workspace)}</strong>:</p>`}
${sections
  .map(
    (s) =>
      `<h2 style="font-size:14px;text-transform:uppercase;color:#475569">${escapeHtml(s.label)}</h2><ul>${s.items
        .map(
          (i) =>
            `<li><a href="${escapeHtml(url(i.link))}">${escapeHtml(i.title)}</a> <span style="color:#64748b">${WHEN.format(i.createdAt)} UTC</span>${i.body ? `<br>${escapeHtml(i.body)}` : ""}</li>`,
        )
        .join(
          "",
        )}</ul><p style="font-size:12px"><a href="${escapeHtml(unsubscribeUrl(s.kind))}">Stop emails about ${escapeHtml(s.label.toLowerCase())}</a></p>`,
  )
  .join("\n")}
<p style="font-size:12px;color:#64748b"><a href="${escapeHtml(url("/notifications/settings"))}">Choose what you get</a></p></body></html>`;
  return { subject, text, html, unsubscribe: unsubscribeUrl(kinds[0]!) };
}
