import "server-only";
import { getApp, touchSharePages } from "@/lib/apps/service";
import { requireFeature } from "@/lib/app-types";
import type { Member } from "@/lib/authz";
import { auditBy } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ImportFormatError } from "@/lib/imports/records";
import { parseReviewImport } from "./import";
import { authorize } from "@/lib/team/permissions";

/** A CSV/JSON import of reviews; a dry run reports what would happen and changes nothing. */
export async function importReviews(
  member: Member,
  appId: unknown,
  text: string,
  format: "csv" | "json",
  dryRun: boolean,
) {
  authorize(member, "review.import");
  const app = await getApp(member, appId);
  requireFeature(app, "marketplace");
  let parsed: ReturnType<typeof parseReviewImport>;
  try {
    parsed = parseReviewImport(text, format);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new AppError("VALIDATION", error.message);
    throw error;
  }
  const keys = new Set(
    (
      await db.review.findMany({
        where: { appId: app.id, externalKey: { in: parsed.rows.map((r) => r.key) } },
        select: { externalKey: true },
      })
    ).map((r) => r.externalKey),
  );
  const fresh = parsed.rows.filter((r) => !keys.has(r.key));
  if (!dryRun && fresh.length) {
    const now = new Date();
    await db.review.createMany({
      data: fresh.map((r) => ({
        appId: app.id,
        externalKey: r.key,
        source: "IMPORT",
        author: r.author,
        stars: r.stars,
        reviewedAt: r.date,
        text: r.text,
        upvotes: r.upvotes,
        publicReply: r.reply,
        status: r.reply ? "REPLIED" : "NEW",
        repliedAt: r.reply ? now : null,
        firstSeenAt: now,
      })),
    });
  }
  if (!dryRun) {
    await auditBy(
      member,
      "review.import",
      { type: "app", id: app.id, name: app.name },
      { added: fresh.length, existing: parsed.rows.length - fresh.length, errors: parsed.problems.length },
    );
    await touchSharePages(app.id);
  }
  return {
    dryRun,
    total: parsed.total,
    added: fresh.length,
    existing: parsed.rows.length - fresh.length,
    problems: parsed.problems.slice(0, 200),
    problemCount: parsed.problems.length,
    preview: parsed.rows.slice(0, 5).map((r) => ({
      line: r.line,
      author: r.author,
      stars: r.stars,
      date: r.date.toISOString(),
      text: r.text,
      isNew: !keys.has(r.key),
    })),
  };
}
