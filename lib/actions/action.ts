import "server-only";
import { ZodError } from "zod";
import { AppError, problemsOf } from "@/lib/errors";
import { requestLog } from "@/lib/server/log";
import { REQUEST_ID_HEADER } from "@/lib/http/request-meta";
import type { ActionResult } from "./types";

/** Runs a server action's use case: a plain result instead of an error thrown to the client. */
export async function action<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON().error };
    if (error instanceof ZodError) {
      const fields = problemsOf(error);
      return { ok: false, error: { code: "VALIDATION", message: Object.values(fields)[0] ?? "Invalid input", fields } };
    }
    // Next.js signals redirects and not-found by throwing: let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    requestLog(await currentRequestId()).error({ err: error }, "Unhandled action error");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side" } };
  }
}

/** The id the proxy gave the request of this server action, when there is one. */
async function currentRequestId(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}
