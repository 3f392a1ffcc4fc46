import type { NextConfig } from "next";
import { NO_SCRIPT_CSP } from "./lib/http/csp";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/request-meta";

/**
 * Headers on every response. The Content-Security-Policy of pages (with a nonce per request) is
 * set by proxy.ts; share pages set their own (lib/share/page.ts); other responses get one that
 * allows no script at all.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next.js hashes the whole HTML of a prerendered page in JavaScript on every request for its ETag:
  // the largest cost of serving the landing and sign-in pages. They change only with a release.
  generateEtags: false,
  async headers() {
    const noScript = [{ key: "Content-Security-Policy", value: NO_SCRIPT_CSP }];
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // A share page's visitors leave no trace of its secret URL anywhere (lib/share/status-page.ts).
      { source: "/p/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ...["/api/:path*", "/install/:path*", "/callback/:path*", "/unsubscribe/:path*"].map((source) => ({
        source,
        headers: noScript,
      })),
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // A request with a body that passes proxy.ts is copied in memory for it, up to this size (10 MB by
    // default). Twice the action limit: a longer body is cut short there and still over the action
    // limit, and proxy.ts counts a streamed one before Next.js reads it (e2e/size-limits.spec.ts).
    proxyClientMaxBodySize: 2 * ACTION_BODY_LIMIT_BYTES,
  },
  // Addresses that moved keep working: bookmarks and notifications written before the move.
  async redirects() {
    return [{ source: "/apps/:appId/review", destination: "/apps/:appId/submission", permanent: true }];
  },
  reactStrictMode: true,
  // `npm test` type-checks before it builds, and the demo's and the bench's builds follow a checkout
  // that CI checked: they skip the build's own pass (`BUILD_SKIP_TYPECHECK=1`). `npm run build` keeps it.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === "1" },
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "libsql",
    "@libsql/client",
    "@prisma/adapter-libsql",
    "pino",
  ],
};

export default nextConfig;
