import { createHash } from "node:crypto";
import { sqlConnection } from "@/lib/db/sql";
import { hashToken, isToken } from "@/lib/crypto/token";

/**
 * Everything a share page's answer depends on, in one indexed query (by the token's hash): whether
 * the link works now, and the key of what it shows — the link, the listing's revision (or the
 * pinned version), the app's share version (its rating and reviews) and the name it is built by.
 * Every instance asks the database, so an edit or a revocation shows everywhere at once, and a
 * cached page is reused exactly as long as its key holds.
 */
export type ShareLookup =
  | { status: "missing" }
  | { status: "gone" }
  | { status: "live"; hash: string; linkId: string; appId: string; key: string };

type Row = {
  id: string;
  appId: string;
  versionId: string | null;
  expiresAt: string | number | null;
  revokedAt: string | number | null;
  archivedAt: string | number | null;
  shareVersion: number;
  revision: number | null;
  builtBy: string;
};

const SQL = `SELECT l.id, l.appId, l.versionId, l.expiresAt, l.revokedAt, a.archivedAt, a.shareVersion, d.revision, w.name AS builtBy
  FROM ShareLink l JOIN App a ON a.id = l.appId JOIN Workspace w ON w.id = a.workspaceId LEFT JOIN ListingDraft d ON d.appId = l.appId
  WHERE l.tokenHash = ?`;

const time = (value: string | number | null) =>
  value === null ? null : typeof value === "number" ? value : Date.parse(value);

export function lookUpShareLink(token: string, now = Date.now()): ShareLookup {
  if (!isToken(token)) return { status: "missing" };
  const hash = hashToken(token);
  const row = sqlConnection().prepare(SQL).get(hash) as Row | undefined;
  if (!row) return { status: "missing" };
  const expires = time(row.expiresAt);
  if (row.revokedAt !== null || row.archivedAt !== null || (expires !== null && expires <= now))
    return { status: "gone" };
  const shows = row.versionId ? `v:${row.versionId}` : `d:${row.revision ?? 0}`;
  const key = createHash("sha256")
    .update([row.id, shows, row.shareVersion, row.builtBy].join("\u0000"))
    .digest("base64url")
    .slice(0, 32);
  return { status: "live", hash, linkId: row.id, appId: row.appId, key };
}
