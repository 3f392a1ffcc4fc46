import type { MarketplaceResponse } from "./fetch-page";

/**
 * A captured answer of the Marketplace, as files: `response.json` (the address asked and the one it
 * ended at, the status, the headers without cookies, when it was fetched, what it was read as) and
 * the body (`body.html` or `body.json`). The same folder comes from `npm run marketplace:capture`,
 * from a failed sync's download in Sync history, and is what `npm run marketplace:replay` and the
 * readers' tests read back.
 */
export type CaptureKind = "LISTING" | "API" | "COLLECTION";

export type CaptureMeta = {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  kind: CaptureKind;
  /** The app's client id, when the capture is a listing's (the readers need it to pick the app). */
  clientId: string | null;
  /** Why it was kept (a failed or partial read), when it was. */
  reason: string | null;
  /** The body was longer than what was kept. */
  truncated: boolean;
};

export type Capture = { meta: CaptureMeta; body: string };

const isJson = (meta: CaptureMeta) =>
  meta.kind === "API" || /json/i.test(meta.headers["content-type"] ?? "") ? "json" : "html";

/** The files of a capture, by name. */
export function captureFiles({ meta, body }: Capture): Record<string, string> {
  return { "response.json": `${JSON.stringify(meta, null, 2)}\n`, [`body.${isJson(meta)}`]: body };
}

export function captureOf(response: MarketplaceResponse, kind: CaptureKind, extra: Partial<CaptureMeta> = {}): Capture {
  return {
    meta: {
      url: response.url,
      finalUrl: response.finalUrl,
      status: response.status,
      headers: response.headers,
      fetchedAt: response.fetchedAt.toISOString(),
      kind,
      clientId: null,
      reason: null,
      truncated: false,
      ...extra,
    },
    body: response.body,
  };
}

/** Reads a capture back from its files (null when they are not one). */
export function captureFromFiles(files: Record<string, string>): Capture | null {
  const raw = files["response.json"];
  if (!raw) return null;
  let meta: CaptureMeta;
  try {
    meta = JSON.parse(raw) as CaptureMeta;
  } catch {
    return null;
  }
  if (typeof meta.url !== "string" || typeof meta.status !== "number") return null;
  const body = files["body.html"] ?? files["body.json"];
  return body === undefined ? null : { meta: { ...meta, kind: meta.kind ?? "LISTING" }, body };
}

/** A folder name for a capture: where it came from, readable, unique by time. */
export function captureName(meta: CaptureMeta): string {
  const u = URL.canParse(meta.finalUrl) ? new URL(meta.finalUrl) : null;
  const path = (u ? `${u.host}${u.pathname}` : "page").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "");
  return `${meta.fetchedAt.replace(/[:.]/g, "-")}-${path}`.slice(0, 160);
}
