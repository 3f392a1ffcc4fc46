import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { errorResponse, readForm } from "@/lib/http/route";
import { problemsOf } from "@/lib/errors";
import { log } from "@/lib/server/log";
import { readSharedAsset } from "@/lib/media/assets";
import { clientKey, credentialKey, takeRateLimit } from "@/lib/http/rate-limit";
import { lookUpShareLink, type ShareLookup } from "./lookup";
import { addComment, sharedAssetOwner } from "./service";
import { commentProblemPage, SHARE_HEADERS, shareStatusResponse, type ShareResponse } from "./status-page";

/** What a share page's visitor can ask of it besides the page: its images, and leaving a comment. */

export function toResponse(answer: ShareResponse): Response {
  const body =
    typeof answer.body === "string" || answer.body === undefined
      ? answer.body
      : (answer.body as Uint8Array<ArrayBuffer>);
  return new Response(body ?? null, { status: answer.status, headers: answer.headers });
}

function linkProblem(token: string): { link: Extract<ShareLookup, { status: "live" }> } | { response: Response } {
  const link = lookUpShareLink(token);
  return link.status === "live"
    ? { link }
    : { response: toResponse(shareStatusResponse(link.status === "gone" ? 410 : 404)) };
}

/**
 * `GET /p/<token>?asset=<id>[&size=thumb]`: an image the shared listing shows, and no other. The
 * link is checked on every request and browsers revalidate, so a revoked link's images stop at once.
 */
export async function shareAsset(request: Request, token: string): Promise<Response> {
  const checked = linkProblem(token);
  if ("response" in checked) return checked.response;
  const url = new URL(request.url);
  try {
    const assetId = url.searchParams.get("asset") ?? "";
    const appId = await sharedAssetOwner(checked.link.hash, assetId);
    const size = url.searchParams.get("size") === "thumb" ? "thumb" : "full";
    const file = await readSharedAsset(appId, assetId, size);
    const etag = `"${file.sha256}-${size}"`;
    const headers = { ...SHARE_HEADERS, etag, "x-content-type-options": "nosniff", "content-disposition": "inline" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(file.data), { headers: { ...headers, "content-type": file.mime } });
  } catch (error) {
    const response = errorResponse(error);
    for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
    return response;
  }
}

const sent = () => new Response(null, { status: 303, headers: { ...SHARE_HEADERS, location: "?sent=1#comment-sent" } });

/**
 * `POST /p/<token>?comment=1`: a visitor's comment from the page's plain HTML form. The redirect
 * back reveals a confirmation without any script; a problem gets a page that says what went
 * wrong, with the way back.
 */
export async function shareComment(request: Request, token: string): Promise<Response> {
  // Per link and address: one visitor cannot silence a link for others, nor spread over links.
  const allowed = await takeRateLimit("comment", `${credentialKey(token)}:${clientKey(request)}`);
  if (!allowed.ok) {
    return toResponse(
      commentProblemPage(
        429,
        "You have sent several comments in a short time. Please wait a few minutes and try again.",
        { "retry-after": String(allowed.retryAfterSeconds) },
      ),
    );
  }
  const checked = linkProblem(token);
  if ("response" in checked) return checked.response;
  let form: FormData | null;
  try {
    form = await readForm(request, 16_000);
  } catch {
    return toResponse(commentProblemPage(413, "The comment is too long."));
  }
  if (!form)
    return toResponse(commentProblemPage(400, "The comment form could not be read. Please go back and try again."));
  // A field people never see: only robots fill it in.
  if (form.get("website")) return sent();
  try {
    await addComment(checked.link.hash, {
      name: form.get("name"),
      body: form.get("body"),
      section: form.get("section"),
    });
  } catch (error) {
    if (error instanceof ZodError)
      return toResponse(commentProblemPage(422, Object.values(problemsOf(error))[0] ?? "Please check your comment."));
    if (error instanceof AppError) return toResponse(commentProblemPage(error.status, error.message));
    log().error({ err: error }, "Could not store a comment");
    return toResponse(commentProblemPage(500, "Something went wrong on our side. Please try again later."));
  }
  return sent();
}
