import { statement } from "@/lib/db/sql";
import { sqliteTime } from "@/lib/db/time";
import { matchReviews } from "./attribution";

/**
 * Marks the reviews probably written after a request (lib/outreach/attribution.ts): run after each sync of the
 * app's reviews. Pairs already made stay; new reviews are matched to requests not yet paired.
 */
export async function attributeRequests(appId: string) {
  const requests = statement(
    `SELECT s.id AS id, s.sentAt AS sentAt, s.name AS name, c.companyName AS company
     FROM OutreachSend s LEFT JOIN Customer c ON c.workspaceId = s.workspaceId AND c.companyId = s.companyId
     WHERE s.appId = ? AND s.kind = 'REQUEST' AND s.status = 'SENT' AND s.reviewId IS NULL`,
  ).all(appId) as { id: string; sentAt: string; name: string | null; company: string | null }[];
  if (!requests.length) return 0;
  const earliest = requests.reduce((m, r) => (r.sentAt < m ? r.sentAt : m), requests[0]!.sentAt);
  const taken = new Set(
    (
      statement("SELECT reviewId FROM OutreachSend WHERE appId = ? AND reviewId IS NOT NULL").all(appId) as {
        reviewId: string;
      }[]
    ).map((r) => r.reviewId),
  );
  const reviews = (
    statement(
      `SELECT id, author, COALESCE(reviewedAt, firstSeenAt) AS at FROM Review
       WHERE appId = ? AND removedAt IS NULL AND COALESCE(reviewedAt, firstSeenAt) >= ?`,
    ).all(appId, sqliteTime(Date.parse(earliest))) as { id: string; author: string; at: string }[]
  )
    .filter((r) => !taken.has(r.id))
    .map((r) => ({ id: r.id, author: r.author, at: Date.parse(r.at) }));
  const pairs = matchReviews(
    requests.map((r) => ({ ...r, sentAt: Date.parse(r.sentAt) })),
    reviews,
  );
  const mark = statement("UPDATE OutreachSend SET reviewId = ? WHERE id = ? AND reviewId IS NULL");
  for (const [sendId, reviewId] of pairs) mark.run(reviewId, sendId);
  return pairs.size;
}
