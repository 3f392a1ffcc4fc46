import type { NextConfig } from "next";

/**
 * Headers on every response. The full Content-Security-Policy with script nonces is still to
 * come; until then the policy forbids framing and plugins, and leaves scripts to the defaults.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  { key: "X-Frame-Options", value: "DENY" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
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
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

export default nextConfig;
