import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { readForm } from "@/lib/http";
import { problemsOf } from "@/lib/listing/schema";
import { clientKey, credentialKey, takeRateLimit } from "@/lib/rate-limit";
import { gateToken } from "@/lib/share/handler";
import { toResponse } from "@/lib/share/response";
import { addComment } from "@/lib/share/service";
import { commentProblemPage, SHARE_HEADERS } from "@/lib/share/status-page";
import { log } from "@/lib/log";

type Params = { params: Promise<{ token: string }> };

const sent = () => new Response(null, { status: 303, headers: { ...SHARE_HEADERS, location: "?sent=1#comment-sent" } });

/**
 * `POST /p/<token>?comment`: a visitor's comment from the share page's plain HTML form. The
 * redirect back reveals a confirmation without any script; a problem gets a page that says what
 * went wrong, with the way back.
 */
export async function POST(request: NextRequest, { params }: Params) {
  const token = (await params).token;
  // Per link and address: one visitor cannot silence a link for others, nor spread over links.
  const allowed = await takeRateLimit("comment", `${credentialKey(token)}:${clientKey(request)}`);
  if (!allowed.ok) {
    return toResponse(
      commentProblemPage(429, "You have sent several comments in a short time. Please wait a few minutes and try again.", {
        "retry-after": String(allowed.retryAfterSeconds),
      }),
    );
  }
  const gated = await gateToken(token);
  if ("response" in gated) return toResponse(gated.response);
  let form: FormData | null;
  try {
    form = await readForm(request, 16_000);
  } catch {
    return toResponse(commentProblemPage(413, "The comment is too long."));
  }
  if (!form) return toResponse(commentProblemPage(400, "The comment form could not be read. Please go back and try again."));
  // A field people never see: only robots fill it in.
  if (form.get("website")) return sent();
  try {
    await addComment(gated.hash, { name: form.get("name"), body: form.get("body"), section: form.get("section") });
  } catch (error) {
    if (error instanceof ZodError) return toResponse(commentProblemPage(422, Object.values(problemsOf(error))[0] ?? "Please check your comment."));
    if (error instanceof AppError) return toResponse(commentProblemPage(error.status, error.message));
    log().error({ err: error }, "Could not store a comment");
    return toResponse(commentProblemPage(500, "Something went wrong on our side. Please try again later."));
  }
  return sent();
}

export function GET() {
  return new Response(null, { status: 303, headers: { ...SHARE_HEADERS, location: "?" } });
}
