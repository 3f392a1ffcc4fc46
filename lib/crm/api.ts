import { LRUCache } from "lru-cache";

/**
 * Calls into a company's Pipedrive API, as Pipedrive answers them: the `{ success, data, additional_data }`
 * envelope, cursor pages on v2, `x-ratelimit-*` headers and 429 with `Retry-After`. The base is the company's
 * `api_domain` as Pipedrive's token answer gave it (checked against Pipedrive's domains when it was stored).
 */

export class CrmRateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Pipedrive's rate limit: wait ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = "CrmRateLimited";
  }
}

export class CrmApiError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = "CrmApiError";
  }
}

export type CrmAuth = { apiDomain: string; accessToken: () => Promise<string>; refresh: () => Promise<string> };

const TIMEOUT_MS = 15_000;
/** A burst window that ran out: the next calls to that company wait for its reset (at most a few seconds). */
const pausedUntil = new LRUCache<string, number>({ max: 1000 });
const MAX_PAUSE_MS = 10_000;

/** Seconds in `Retry-After` (or an HTTP date), else the burst window's reset; 2 s when neither says. */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const after = headers.get("retry-after");
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, Math.min(date - now, 3_600_000));
  }
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return Math.min(reset * 1000, 3_600_000);
  return 2_000;
}

export async function crmCall<T>(
  auth: CrmAuth,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<{ data: T; additional: Record<string, unknown> | null }> {
  const wait = (pausedUntil.get(auth.apiDomain) ?? 0) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, MAX_PAUSE_MS)));
  let token = await auth.accessToken();
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${auth.apiDomain}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "manual",
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new CrmApiError(
        null,
        timedOut ? `Pipedrive did not answer within ${TIMEOUT_MS / 1000} s` : "Pipedrive could not be reached",
      );
    }
    if (res.headers.get("x-ratelimit-remaining") === "0") {
      pausedUntil.set(auth.apiDomain, Date.now() + Math.min(retryAfterMs(res.headers), MAX_PAUSE_MS));
    }
    if (res.status === 429) {
      await res.body?.cancel();
      throw new CrmRateLimited(retryAfterMs(res.headers));
    }
    if (res.status === 401 && attempt === 0) {
      // The access token expired early or was revoked: one refresh, then the call again.
      await res.body?.cancel();
      token = await auth.refresh();
      continue;
    }
    const json = (await res.json().catch(() => null)) as {
      success?: boolean;
      data?: T;
      error?: unknown;
      additional_data?: Record<string, unknown> | null;
    } | null;
    if (!res.ok || !json || json.success === false) {
      const reason = typeof json?.error === "string" ? json.error.slice(0, 300) : `HTTP ${res.status}`;
      throw new CrmApiError(
        res.status,
        `Pipedrive answered ${res.status} to ${method} ${path.split("?")[0]}: ${reason}`,
      );
    }
    return { data: json.data as T, additional: json.additional_data ?? null };
  }
}

/** Every item of a v2 list, page by page (`cursor`), up to `max`. */
export async function crmList<T>(auth: CrmAuth, path: string, max = 2000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: { data: T[]; additional: Record<string, unknown> | null } = await crmCall<T[]>(
      auth,
      "GET",
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...(page.data ?? []));
    const next = page.additional?.next_cursor;
    cursor = typeof next === "string" && next ? next : null;
  } while (cursor && items.length < max);
  return items;
}

/** The first exact match of a v2 search (`/api/v2/<kind>/search`), or null. */
export async function crmSearch(
  auth: CrmAuth,
  kind: "organizations" | "persons" | "deals",
  field: string,
  term: string,
) {
  if (term.trim().length < 2) return null;
  const { data } = await crmCall<{ items?: { item?: { id?: number } }[] }>(
    auth,
    "GET",
    `/api/v2/${kind}/search?term=${encodeURIComponent(term)}&fields=${field}&exact_match=true&limit=1`,
  );
  const id = data?.items?.[0]?.item?.id;
  return typeof id === "number" ? id : null;
}
