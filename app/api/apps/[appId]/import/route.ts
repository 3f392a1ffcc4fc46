import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { assertDeclaredLength, FORM_OVERHEAD_BYTES, IMPORT_PACE, readBody, readForm, route } from "@/lib/http/route";
import { importListing } from "@/lib/listing/transfer";
import { boundedImport, MAX_BYTES } from "@/lib/media/process";
import { assertSameOrigin } from "@/lib/security/origin";

type Params = { params: Promise<{ appId: string }> };

const MAX_UPLOAD = 6 * MAX_BYTES;

/**
 * Body: an exported zip or listing.json, raw or as multipart field `file`. With `?dryRun=1`,
 * answers what the import would change and changes nothing; otherwise answers the new draft and
 * the number of the version that keeps the draft as it was before.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  assertSameOrigin(request, {
    accepts: ["multipart/form-data", "application/json", "application/zip", "application/octet-stream"],
  });
  const member = await requireMember("listing.import");
  await getApp(member, (await params).appId); // another workspace's app: 404 before the body is read
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", "The file is larger than an exported listing can be (60 MB)");
  const appId = (await params).appId;
  const dryRun = new URL(request.url).searchParams.get("dryRun");
  if (dryRun !== null && dryRun !== "1" && dryRun !== "0")
    throw new AppError("VALIDATION", "dryRun must be 1 or 0", { dryRun: "dryRun must be 1 or 0" });
  // Refused at once when declared too long; read in the workspace's turn, at an upload's pace.
  assertDeclaredLength(request, MAX_UPLOAD + FORM_OVERHEAD_BYTES, tooLarge);
  return boundedImport(
    member.workspace.id,
    async () => {
      if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
        return readBody(request, MAX_UPLOAD, tooLarge, IMPORT_PACE);
      const file = (await readForm(request, MAX_UPLOAD + FORM_OVERHEAD_BYTES, tooLarge, IMPORT_PACE))?.get("file");
      if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "Send the exported file in a field named file");
      return Buffer.from(await file.arrayBuffer());
    },
    async (body) => {
      if (body.length === 0) throw new AppError("BAD_REQUEST", "The file is empty");
      if (dryRun === "1") return Response.json(await importListing(member, appId, body, { dryRun: true }));
      return Response.json(await importListing(member, appId, body));
    },
  );
});
