/**
 * A company's own Pipedrive API, served on the emulator's origin (it stands for the company's `api_domain`):
 * `/api/v2/…` for organizations, persons, deals, pipelines and stages (crm-v2.ts); `/v1/…` and `/api/v1/…` for
 * leads, lead labels and notes (crm-v1.ts); HTTP 410 for the v1 endpoints that v2 replaced, counted per company.
 *
 * The caller is the user of the bearer access token, and the data is that user's company's. As Pipedrive does:
 * - 401 `{ success: false, error: "unauthorized access", errorCode: 401, error_info }` without a valid token;
 * - burst limits per token in a rolling 2-second window ("Rate limiting": 80 for OAuth apps on the entry plan,
 *   10 for search endpoints whatever the plan), with `x-ratelimit-limit`, `x-ratelimit-remaining` and
 *   `x-ratelimit-reset` on every authenticated answer, and beyond it 429 with `Retry-After` (seconds) and
 *   `{ success: false, error: "Request over limit", errorCode: 429, error_info }`;
 * - other errors in the documented shape `{ success: false, error, error_info, data: null, additional_data: null }`
 *   ("Responses" in the core API concepts), v2 schema errors with `code: "ERR_SCHEMA_VALIDATION_FAILED"`.
 * The 410 body is not documented (HTTP status codes: "410 Gone: old resource permanently unavailable"); it takes the
 * general error shape and names the v2 call to use.
 */
import { STATUS_CODES, type ServerResponse } from "node:http";
import { z } from "zod";
import { CrmError, type CrmStore, type Ctx, type RateState } from "./crm-store";
import { handleV1, replacedBy, V1_RESOURCES } from "./crm-v1";
import { handleV2 } from "./crm-v2";
import { readBody, sendJson, type Req } from "./http";

export { CrmStore } from "./crm-store";

const INFO = "Please check developers.pipedrive.com for more information about Pipedrive API.";
const envelope = (error: string, code?: string) => ({
  success: false,
  error,
  ...(code ? { code } : {}),
  error_info: INFO,
  data: null,
  additional_data: null,
});
/** The gateway's own answers (authentication, rate limits) carry `errorCode` and a shorter `error_info`. */
const gateway = (status: number, error: string) => ({
  success: false,
  error,
  errorCode: status,
  error_info: "Please check developers.pipedrive.com",
});
const rateHeaders = (r: Pick<RateState, "limit" | "remaining" | "reset">) => ({
  "x-ratelimit-limit": String(r.limit),
  "x-ratelimit-remaining": String(r.remaining),
  "x-ratelimit-reset": String(r.reset),
});

/** `POST /__emulator/crm/faults`: the next calls of a company answer these statuses, in order. */
export const crmFaultSchema = z.object({
  companyId: z.number().int(),
  statuses: z.array(z.number().int().min(400).max(599)),
  retryAfter: z.number().int().min(0).max(3600).default(1),
});

export type CrmRoute = { version: 1 | 2; segs: string[] };

/** The API version and the path segments after its prefix, or null when the path is not the CRM API's. */
export function crmRoute(pathname: string): CrmRoute | null {
  const path = pathname.replace(/\/+$/, "");
  const v2 = /^\/api\/v2\/(.+)$/.exec(path);
  const v1 = /^\/(?:api\/)?v1\/(.+)$/.exec(path);
  const rest = v2?.[1] ?? v1?.[1];
  if (rest === undefined) return null;
  let segs: string[];
  try {
    segs = rest.split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
  if (v2) return { version: 2, segs };
  return V1_RESOURCES.has(segs[0]!) ? { version: 1, segs } : null;
}

function jsonBody(text: string, version: 1 | 2): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new CrmError(
      400,
      "Invalid JSON in the request body",
      version === 2 ? "ERR_SCHEMA_VALIDATION_FAILED" : undefined,
    );
  }
}

/** Answers one call of the CRM API (`route` from `crmRoute`). */
export async function crmHandle(
  crm: CrmStore,
  req: Req,
  res: ServerResponse,
  url: URL,
  route: CrmRoute,
  origin: string,
) {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const user = token ? crm.store.userForAccessToken(token) : null;
  if (!token || !user) return sendJson(res, 401, gateway(401, "unauthorized access"));
  const company = crm.company(user.companyId);
  const method = req.method ?? "GET";
  company.requests++;
  const replacement = route.version === 1 ? replacedBy(method, route.segs) : null;
  if (replacement) company.deprecatedCalls++;

  const fault = crm.faults.get(company.id);
  const status = fault?.statuses.shift();
  const overLimit = (wait: number, limit: number) =>
    sendJson(res, 429, gateway(429, "Request over limit"), {
      "retry-after": String(wait),
      ...rateHeaders({ limit, remaining: 0, reset: wait }),
    });
  if (status === 429) return overLimit(fault!.retryAfter, crm.limits.burst);
  const burst = crm.take(token, crm.limits.burst);
  if (!burst.ok) return overLimit(burst.retryAfter, burst.limit);
  const isSearch = route.version === 2 && route.segs[1] === "search";
  const state = isSearch ? crm.take(`${token} search`, crm.limits.search) : burst;
  if (!state.ok) return overLimit(state.retryAfter, state.limit);
  const headers = rateHeaders(state);
  if (status !== undefined) return sendJson(res, status, envelope(STATUS_CODES[status] ?? "Error"), headers);
  if (replacement)
    return sendJson(
      res,
      410,
      envelope(`This endpoint is out of support since 2026-08-01: use ${replacement} (API v2) instead.`),
      headers,
    );

  try {
    const text = ["POST", "PATCH", "PUT"].includes(method) ? await readBody(req) : "";
    const ctx: Ctx = {
      company,
      user,
      method,
      segs: route.segs,
      query: url.searchParams,
      body: jsonBody(text, route.version),
      now: crm.store.now(),
      origin,
      userOf: (id) => {
        const found = crm.store.users.get(id);
        return found?.companyId === company.id ? found : undefined;
      },
    };
    const reply = route.version === 2 ? handleV2(ctx) : handleV1(ctx);
    sendJson(res, reply.status, reply.body, headers);
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    sendJson(res, error.status, envelope(error.message, error.code), headers);
  }
}
