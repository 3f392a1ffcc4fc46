import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { readBody, route } from "@/lib/http/route";
import { MAX_IMPORT_BYTES } from "@/lib/reviews/import-template";
import { importReviews } from "@/lib/reviews/import-reviews";
import { assertSameOrigin } from "@/lib/security/origin";

/**
 * POST /api/reviews/import?appId=…[&dryRun=1] with the file as the body: `text/csv` or
 * `application/json`, at most 2 MB. Answers what was (or would be) added, what was already
 * there, and every bad row with its line.
 */
export const POST = route(async (request: Request) => {
  assertSameOrigin(request, { accepts: ["text/csv", "application/json"] });
  const member = await requireMember("review.import");
  const url = new URL(request.url);
  await getApp(member, url.searchParams.get("appId")); // another workspace's app: 404 before the body is read
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = type === "text/csv" ? "csv" : type === "application/json" ? "json" : null;
  if (!format) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as text/csv or application/json");
  const text = (
    await readBody(
      request,
      MAX_IMPORT_BYTES,
      () => new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 2 MB; split it"),
    )
  ).toString("utf8");
  const report = await importReviews(
    member,
    url.searchParams.get("appId"),
    text,
    format,
    url.searchParams.get("dryRun") === "1",
  );
  return Response.json(report, { status: report.dryRun ? 200 : 201 });
});
