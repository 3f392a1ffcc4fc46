import type { NextConfig } from "next";
import { NO_SCRIPT_CSP } from "./lib/csp";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/request-meta";

/**
 * Headers on every response. The Content-Security-Policy of pages (with a nonce per request) is
 * set by proxy.ts; share pages set their own (lib/share); other responses get one that allows
 * no script at all.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    const noScript = [{ key: "Content-Security-Policy", value: NO_SCRIPT_CSP }];
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      ...["/api/:path*", "/install/:path*", "/callback/:path*"].map((source) => ({ source, headers: noScript })),
    ];
  },
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  reactStrictMode: true,
  /**
   * Share links: `/p/<token>` is the page, `?asset=<id>` its images and `?comment` its comment
   * form, each served by its own route. The page is a Pages Router API route: it answers from
   * memory with the least framework work per request (measured by `npm run bench`).
   */
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/p/:token", has: [{ type: "query", key: "asset" }], destination: "/api/p/:token/asset" },
        { source: "/p/:token", has: [{ type: "query", key: "comment" }], destination: "/api/p/:token/comment" },
        { source: "/p/:token", destination: "/api/share/:token" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "libsql", "@libsql/client", "@prisma/adapter-libsql", "pino"],
};

export default nextConfig;
