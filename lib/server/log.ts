import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/server/env";

/**
 * Structured logs (pino, one JSON line per event) with the request id when there is one. No
 * secret reaches a log: fields that hold credentials are replaced by "[redacted]", and strings
 * (messages, error messages and stacks) are scrubbed of anything shaped like a token or a
 * secret. No server-only import: the share page's Pages Router route logs too.
 */

const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "apiToken",
];

const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_]\w*$/.test(key) ? key : `["${key}"]`;
  const at = (prefix: string) => (k.startsWith("[") ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, at("*"), at("headers"), at("req.headers"), at("*.headers")];
});

/** Replaces credentials inside free text (and the given secret values); what is left says what kind of thing was there. */
export function scrub(text: string, secrets: readonly string[] = configuredSecrets()): string {
  for (const secret of secrets) if (text.includes(secret)) text = text.split(secret).join("[redacted]");
  return (
    text
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, "$1 [redacted]")
      .replace(/\blst_[A-Za-z0-9_-]{20,}/g, "lst_[redacted]")
      .replace(/\/p\/[A-Za-z0-9_-]{43}\b/g, "/p/[redacted]")
      .replace(/\/invite\/[A-Za-z0-9_-]{20,}/g, "/invite/[redacted]")
      .replace(
        /(["']?(?:access_token|refresh_token|client_secret|clientSecret|password|secret|token|api_key|apikey)["']?\s*[:=]\s*["']?)[^"'&\s,}]{4,}/gi,
        "$1[redacted]",
      )
      // OAuth codes and states in URLs.
      .replace(/([?&](?:code|state)=)[^&\s"']+/g, "$1[redacted]")
      .replace(/v1\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+/g, "[sealed]")
      .replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, "$1[redacted]@")
  );
}

/** The deployment's own secrets, in case one ends up inside a message. */
function configuredSecrets(): string[] {
  try {
    const e = env();
    return [e.AUTH_SECRET, e.AUTH_PIPEDRIVE_SECRET, e.ENCRYPTION_KEY, e.CRON_SECRET].filter(
      (v): v is string => !!v && v.length >= 8,
    );
  } catch {
    return [];
  }
}

const serializeError = (error: unknown) => {
  if (!(error instanceof Error)) return typeof error === "string" ? scrub(error) : error;
  const base = pino.stdSerializers.err(error);
  return { ...base, message: scrub(base.message), stack: base.stack ? scrub(base.stack) : undefined };
};

let destination: DestinationStream | undefined;
let root: Logger | undefined;

let levelOverride: string | undefined;

function create(): Logger {
  return pino(
    {
      level: levelOverride ?? env().LOG_LEVEL,
      base: { service: "listing-studio" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger. */
export const log = (): Logger => (root ??= create());

/** A logger whose every line carries the request id. */
export const requestLog = (requestId: string | null | undefined): Logger =>
  requestId ? log().child({ reqId: requestId }) : log();

/** Sends the logs elsewhere, at another level (tests capture them). */
export function setLogDestination(next: DestinationStream | undefined, level?: string) {
  destination = next;
  levelOverride = level;
  root = undefined;
}
