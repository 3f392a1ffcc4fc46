import { describe, expect, it } from "vitest";
import { NO_SCRIPT_CSP, newCspNonce, pageCsp, SHARE_PAGE_CSP } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("policies", () => {
  it("pages: only the nonce (and what it loads), eval only in development, sign-in may post to Pipedrive", () => {
    const csp = pageCsp("abc", {
      dev: false,
      oauthOrigin: "https://oauth.pipedrive.com",
      apiOrigin: "https://api.pipedrive.com",
    });
    expect(directive(csp, "script-src")).toBe("script-src 'nonce-abc' 'strict-dynamic'");
    expect(directive(csp, "form-action")).toBe("form-action 'self' https://oauth.pipedrive.com");
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob: https:");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    const dev = pageCsp("abc", { dev: true, oauthOrigin: "http://localhost:4100", apiOrigin: "http://localhost:4100" });
    expect(directive(dev, "script-src")).toBe("script-src 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(dev, "img-src")).toBe("img-src 'self' data: blob: https: http://localhost:4100");
  });

  it("share pages: the site's own script files, nothing inline", () => {
    expect(directive(SHARE_PAGE_CSP, "script-src")).toBe("script-src 'self'");
    expect(directive(SHARE_PAGE_CSP, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("everything else: no script", () => {
    expect(NO_SCRIPT_CSP).toContain("default-src 'none'");
    expect(NO_SCRIPT_CSP).not.toContain("script-src");
  });

  it("nonces are 128 random bits, never repeated", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newCspNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
