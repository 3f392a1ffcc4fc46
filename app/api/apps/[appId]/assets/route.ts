import { getApp } from "@/lib/apps/service";
import { requireMember } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { assertDeclaredLength, FORM_OVERHEAD_BYTES, readUploadedFile, route, UPLOAD_PACE } from "@/lib/http/route";
import { assertRoomForImage, parseHeldImages, parseKind, uploadAsset } from "@/lib/media/assets";
import { boundedUpload, MAX_BYTES } from "@/lib/media/process";
import { assertSameOrigin } from "@/lib/security/origin";

type Params = { params: Promise<{ appId: string }> };

/**
 * Multipart upload: `file`, and `kind` (icon | image | onboarding) in the query; for an image,
 * `images` may say how many the editor holds (unsaved ones included). Answers 201 with the asset.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  assertSameOrigin(request, { accepts: ["multipart/form-data"] });
  const member = await requireMember("listing.upload-image");
  const { appId } = await params;
  // Another workspace's app is not found, whatever the upload looks like.
  await getApp(member, appId);
  const query = new URL(request.url).searchParams;
  const kind = parseKind(query.get("kind"));
  const held = parseHeldImages(query.get("images"));
  // A full listing is refused before the file is read.
  if (kind === "image") await assertRoomForImage(appId, held);
  const tooLarge = () => {
    const length = Number(request.headers.get("content-length") ?? 0);
    const message =
      length > 0
        ? `The file is ${(length / 1024 / 1024).toFixed(1)} MB; images may be at most 10 MB.`
        : "The file is larger than 10 MB; images may be at most 10 MB.";
    return new AppError("PAYLOAD_TOO_LARGE", message, { [kind === "image" ? "images" : kind]: message });
  };
  // A declared length over the limit is refused before waiting; the body is read when the
  // workspace's turn comes, and must keep pace (lib/media/process.ts).
  assertDeclaredLength(request, MAX_BYTES + FORM_OVERHEAD_BYTES, tooLarge);
  const asset = await boundedUpload(
    member.workspace.id,
    kind === "image" ? "images" : kind,
    async () => {
      const file = await readUploadedFile(request, "file", MAX_BYTES, tooLarge, UPLOAD_PACE);
      if (!file) throw new AppError("BAD_REQUEST", "Send the image as multipart/form-data in a field named file");
      return file;
    },
    (file) => uploadAsset(member, appId, kind, file, { heldImages: held }),
  );
  return Response.json(asset, { status: 201 });
});
