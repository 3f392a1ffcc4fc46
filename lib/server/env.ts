import { z } from "zod";
import { parseTrustedProxies } from "@/lib/server/trusted-proxies";
import { parseRateLimitOverrides } from "@/lib/server/rate-limits-config";

/**
 * The environment, validated once. Nothing else in the project reads `process.env`
 * (Next.js, Auth.js and Prisma read their own variables).
 */

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const url = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      message: `${name} must be an absolute http(s) URL`,
    })
    .transform((v) => v.replace(/\/+$/, ""));

const optional = (schema: z.ZodType<string | undefined>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/dev.db"),
  /** `libsql` opens even a `file:` URL through libSQL (its local file mode); remote URLs always use it. */
  DATABASE_DRIVER: z.enum(["better-sqlite3", "libsql"]).optional(),
  /** Token of a libSQL server (Turso: `turso db tokens create <db>`). */
  DATABASE_AUTH_TOKEN: optional(z.string().trim().min(1).optional()),
  STORAGE_DIR: z.string().trim().min(1).default("data/uploads"),
  /** Uploaded files go to this S3-compatible bucket instead of STORAGE_DIR (needed with several instances). */
  S3_BUCKET: optional(z.string().trim().min(3).max(63).optional()),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ENDPOINT: optional(url("S3_ENDPOINT").optional()),
  S3_ACCESS_KEY_ID: optional(z.string().trim().min(1).optional()),
  S3_SECRET_ACCESS_KEY: optional(z.string().trim().min(1).optional()),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  S3_PREFIX: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9/_.-]*\/$/, "S3_PREFIX must end with / (e.g. listing-studio/)")
      .optional(),
  ),
  AUTH_URL: optional(url("AUTH_URL").optional()).default("http://localhost:3000"),
  /** Set by `next start`/`next dev`: the port this server listens on (for requests to itself). */
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  AUTH_PIPEDRIVE_ID: optional(z.string().trim().min(1).optional()),
  AUTH_PIPEDRIVE_SECRET: optional(z.string().trim().min(1).optional()),
  ENCRYPTION_KEY: optional(
    z
      .string()
      .trim()
      .refine((v) => Buffer.from(v, "base64").length === 32, {
        message: "ENCRYPTION_KEY must be 32 bytes, base64-encoded",
      })
      .optional(),
  ),
  /** Keys that sealed secrets before the last rotation (comma-separated, base64): they still open, never seal. */
  ENCRYPTION_KEYS_PREVIOUS: optional(
    z
      .string()
      .trim()
      .refine((v) => v.split(",").every((k) => Buffer.from(k.trim(), "base64").length === 32), {
        message: "ENCRYPTION_KEYS_PREVIOUS must be 32-byte base64 keys separated by commas",
      })
      .optional(),
  ),
  /** Background reachability checks of listing links: off where the machine has no internet (browser tests). */
  LINK_CHECKS: z.enum(["on", "off"]).default("on"),
  /** Requests to URLs people chose may reach this machine's own addresses, over http too (local development and tests). */
  OUTBOUND_ALLOW_LOCAL: z.enum(["true", "false"]).default("false"),
  PIPEDRIVE_OAUTH_URL: optional(url("PIPEDRIVE_OAUTH_URL").optional()).default("https://oauth.pipedrive.com"),
  PIPEDRIVE_API_URL: optional(url("PIPEDRIVE_API_URL").optional()).default("https://api.pipedrive.com"),
  /**
   * The Pipedrive app (Developer Hub, private) an owner connects the workspace's own Pipedrive with, to receive its
   * customers: separate from sign-in, with the scopes the push needs. Without both, Settings says how to set it up.
   */
  PIPEDRIVE_CRM_CLIENT_ID: optional(z.string().trim().min(1).optional()),
  PIPEDRIVE_CRM_CLIENT_SECRET: optional(z.string().trim().min(1).optional()),
  /** Where public Marketplace listing pages live: <MARKETPLACE_URL>/en/marketplace/app/<slug>/<client_id>. */
  MARKETPLACE_URL: optional(url("MARKETPLACE_URL").optional()).default("https://www.pipedrive.com"),
  /**
   * The Marketplace's own JSON API (undocumented: used when it answers in a shape Listing Studio knows,
   * the pages otherwise): <MARKETPLACE_API_URL>/api/v1/marketplace/apps/<client_id>. `off` reads pages only.
   */
  MARKETPLACE_API_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => v === "off" || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
        message: "MARKETPLACE_API_URL must be an absolute http(s) URL, or off",
      })
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
  ).default("https://marketplace.pipedrive.com"),
  /**
   * Who the Marketplace reader says it is: an address where the site's operators can reach whoever runs
   * this deployment (an email address or a URL), put in its User-Agent. Defaults to AUTH_URL.
   */
  MARKETPLACE_CONTACT: optional(z.string().trim().max(200).optional()),
  /** The least time between two requests of the Marketplace reader to one host (milliseconds). */
  MARKETPLACE_PACE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /**
   * A running sync run whose process showed no sign of life for this long (milliseconds) died with it: the
   * server's worker, the next cron call or the next "Sync now" continues it where it stopped.
   */
  SYNC_DEAD_AFTER_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Bearer secret of POST /api/cron/sync; the endpoint answers 503 while it is unset. */
  CRON_SECRET: optional(z.string().trim().min(24, "CRON_SECRET must be at least 24 characters").optional()),
  /** How much the server logs (JSON lines on stdout). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The proxies in front of the app: a number of hops, or their addresses and CIDR ranges (see lib/http/client-address.ts). */
  TRUSTED_PROXIES: optional(
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
  ),
  /**
   * A Redis server shared by the instances (redis://…): rate limits are then counted across them and
   * rendered share pages are shared. Unset: everything stays in the process (one instance, the demo).
   */
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), "REDIS_URL must be a redis:// or rediss:// URL")
      .optional(),
  ),
  /**
   * The SMTP server notifications are emailed through (smtp:// or smtps://, credentials in the URL). Unset:
   * no email is sent and the notification settings say so.
   */
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** How often the outreach worker plans and sends review requests and uninstall surveys (ms). */
  OUTREACH_INTERVAL_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** The sender of notification emails. */
  EMAIL_FROM: z.string().trim().min(3).default("Listing Studio <notifications@listing-studio.local>"),
  /** Overrides of the rate limits, `name=points/seconds` separated by commas (see lib/http/rate-limit.ts). */
  RATE_LIMITS: optional(
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        try {
          parseRateLimitOverrides(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
  ),
});

/** Needed for a production start; development and tests fall back to values that only work locally. */
export const REQUIRED_IN_PRODUCTION = [
  "AUTH_SECRET",
  "AUTH_PIPEDRIVE_ID",
  "AUTH_PIPEDRIVE_SECRET",
  "ENCRYPTION_KEY",
] as const;

const DEVELOPMENT_FALLBACKS = {
  AUTH_SECRET: "development-only-secret-never-use-in-production-0000",
  AUTH_PIPEDRIVE_ID: "listing-studio-dev",
  AUTH_PIPEDRIVE_SECRET: "listing-studio-dev-secret",
  ENCRYPTION_KEY: Buffer.from("development-only-key-0123456789!").toString("base64"),
} as const;

export type Env = Omit<z.infer<typeof schema>, (typeof REQUIRED_IN_PRODUCTION)[number]> & {
  [K in (typeof REQUIRED_IN_PRODUCTION)[number]]: string;
} & {
  isProduction: boolean;
  /** Cookies carry `Secure` whenever the app is served over HTTPS, which production requires. */
  secureCookies: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const parsed = result.data;
  const isProduction = parsed.NODE_ENV === "production";
  const problems: string[] = [];

  if (isProduction) {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !parsed[name]);
    if (missing.length > 0) problems.push(`missing required variables: ${missing.join(", ")}`);
    const authUrl = new URL(parsed.AUTH_URL);
    if (authUrl.protocol !== "https:" && !LOCAL_HOSTS.has(authUrl.hostname)) {
      problems.push(`AUTH_URL must use https in production (got ${parsed.AUTH_URL})`);
    }
    if (parsed.OUTBOUND_ALLOW_LOCAL === "true" && !LOCAL_HOSTS.has(authUrl.hostname)) {
      problems.push(
        "OUTBOUND_ALLOW_LOCAL=true is for local development: a deployment must not reach its own network for URLs people choose",
      );
    }
  }
  if (problems.length > 0) throw new EnvError(problems);

  return {
    ...parsed,
    AUTH_SECRET: parsed.AUTH_SECRET ?? DEVELOPMENT_FALLBACKS.AUTH_SECRET,
    AUTH_PIPEDRIVE_ID: parsed.AUTH_PIPEDRIVE_ID ?? DEVELOPMENT_FALLBACKS.AUTH_PIPEDRIVE_ID,
    AUTH_PIPEDRIVE_SECRET: parsed.AUTH_PIPEDRIVE_SECRET ?? DEVELOPMENT_FALLBACKS.AUTH_PIPEDRIVE_SECRET,
    ENCRYPTION_KEY: parsed.ENCRYPTION_KEY ?? DEVELOPMENT_FALLBACKS.ENCRYPTION_KEY,
    isProduction,
    secureCookies: new URL(parsed.AUTH_URL).protocol === "https:",
  };
}

/**
 * The Pipedrive origins a page's policy names (sign-in redirects, avatars), from these variables
 * alone: the build writes the policy of the pages it prerenders (lib/http/prerendered-policy.ts)
 * without the server's secrets.
 */
export function pageOrigins(raw: Record<string, string | undefined> = process.env) {
  const parsed = schema.pick({ PIPEDRIVE_OAUTH_URL: true, PIPEDRIVE_API_URL: true }).parse(raw);
  return {
    oauthOrigin: new URL(parsed.PIPEDRIVE_OAUTH_URL).origin,
    apiOrigin: new URL(parsed.PIPEDRIVE_API_URL).origin,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (validated on first use, then memoised). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
