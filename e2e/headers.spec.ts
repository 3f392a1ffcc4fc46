import { expect, test } from "@playwright/test";

const PATHS = ["/", "/signin", "/apps", "/api/health", "/p/not-a-real-token", "/api/apps/x/listing", "/install/unknown"];

test("every response carries the security headers; the health check answers", async ({ request }) => {
  for (const path of PATHS) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    // Share pages are stricter: their URL holds the token, so it is never sent as a referrer.
    expect(h["referrer-policy"], path).toBe(path.startsWith("/p/") ? "no-referrer" : "strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
    // Production: browsers keep to HTTPS.
    expect(h["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, journalMode: "wal" } });
});
