import type { ShareResponse } from "./status-page";

/** A framework-neutral answer as a Web `Response` (for App Router routes). */
export function toResponse(answer: ShareResponse): Response {
  const body = typeof answer.body === "string" || answer.body === undefined ? answer.body : (answer.body as Uint8Array<ArrayBuffer>);
  return new Response(body ?? null, { status: answer.status, headers: answer.headers });
}
