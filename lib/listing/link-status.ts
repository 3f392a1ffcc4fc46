import "server-only";
import { listedAppInWorkspace } from "@/lib/scope";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";

import { authorize } from "@/lib/team/permissions";
import { checkLink, type LinkCheckOutcome } from "@/lib/net/link-probe";
import { CHECKED_LINKS, type LinkStatus } from "./readiness";
import type { ListingDraft } from "./schema";
import { log } from "@/lib/server/log";
import type { OutboundPolicy } from "@/lib/net/outbound";
import { outboundPolicy } from "@/lib/net/policy";

/** A link checked less than this long ago is not checked again on save. */
const FRESH_MS = 6 * 60 * 60_000;
const CONCURRENCY = 4;
const running = new Set<string>();

const linksOf = (draft: ListingDraft) => [
  ...new Set(CHECKED_LINKS.map((f) => draft[f] as string).filter((v) => v.startsWith("https://"))),
];

export async function linkStatuses(appId: string): Promise<Record<string, LinkStatus>> {
  const rows = await db.linkCheck.findMany({ where: { appId } });
  return Object.fromEntries(
    rows.map((r) => [r.url, { ok: r.ok, status: r.status, error: r.error, checkedAt: r.checkedAt.toISOString() }]),
  );
}

/** Checks the listing's links (all of them, or only new and stale ones) and keeps the results; forgets removed links. */
export async function refreshLinks(
  appId: string,
  draft: ListingDraft,
  {
    force = false,
    now = Date.now(),
    check = checkLink,
  }: {
    force?: boolean;
    now?: number;
    check?: (url: string, options: { policy: OutboundPolicy }) => Promise<LinkCheckOutcome>;
  } = {},
) {
  const urls = linksOf(draft);
  await db.linkCheck.deleteMany({ where: { appId, url: { notIn: urls } } });
  const known = await linkStatuses(appId);
  const due = urls
    .filter((url) => force || !known[url] || now - Date.parse(known[url].checkedAt) > FRESH_MS)
    .filter((url) => !running.has(`${appId} ${url}`));
  const policy = outboundPolicy();
  const queue = [...due];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const key = `${appId} ${url}`;
      running.add(key);
      try {
        const outcome = await check(url, { policy });
        const data = { ok: outcome.ok, status: outcome.status, error: outcome.error, checkedAt: new Date() };
        await db.linkCheck.upsert({
          where: { appId_url: { appId, url } },
          create: { appId, url, ...data },
          update: data,
        });
      } finally {
        running.delete(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return linkStatuses(appId);
}

/** After a save: checks new and stale links without holding up the answer. */
export function refreshLinksInBackground(appId: string, draft: ListingDraft) {
  if (env().LINK_CHECKS === "off") return;
  void refreshLinks(appId, draft).catch((error: unknown) =>
    log().error({ err: error, app: appId }, "Link check failed"),
  );
}

/** "Check links now" in the editor: every link, now. */
export async function checkLinksNow(member: Member, appId: string, draft: ListingDraft) {
  authorize(member, "listing.check-links");
  await listedAppInWorkspace(member, appId);
  if (env().LINK_CHECKS === "off") return linkStatuses(appId);
  return refreshLinks(appId, draft, { force: true });
}
