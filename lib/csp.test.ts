import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashedPageCsp, NO_SCRIPT_CSP, newNonce, pageCsp } from "./csp";
import { inlineScriptHashes } from "./share/page-cache";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("policies", () => {
  it("pages: only the nonce (and what it loads), eval only in development, sign-in may post to Pipedrive", () => {
    const csp = pageCsp("abc", { dev: false, oauthOrigin: "https://oauth.pipedrive.com", apiOrigin: "https://api.pipedrive.com" });
    expect(directive(csp, "script-src")).toBe("script-src 'nonce-abc' 'strict-dynamic'");
    expect(directive(csp, "form-action")).toBe("form-action 'self' https://oauth.pipedrive.com");
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob: https:");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    const dev = pageCsp("abc", { dev: true, oauthOrigin: "http://localhost:4100", apiOrigin: "http://localhost:4100" });
    expect(directive(dev, "script-src")).toBe("script-src 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(dev, "img-src")).toBe("img-src 'self' data: blob: https: http://localhost:4100");
  });

  it("cached pages: their script hashes and the site's own files", () => {
    expect(directive(hashedPageCsp(["a=", "b="]), "script-src")).toBe("script-src 'self' 'sha256-a=' 'sha256-b='");
  });

  it("everything else: no script", () => {
    expect(NO_SCRIPT_CSP).toContain("default-src 'none'");
    expect(NO_SCRIPT_CSP).not.toContain("script-src");
  });

  it("nonces are 128 random bits, never repeated", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("inlineScriptHashes", () => {
  const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("base64");

  it("hashes each inline script exactly as written, once, and skips external ones", () => {
    const a = `self.__next_f.push([1,"é \\u003c/script"])`;
    const html = `<html><script src="/_next/a.js" async></script><script nonce="x">${a}</script><SCRIPT>${a}</SCRIPT><script type="application/ld+json">{"a":1}</script><script></script></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(a), sha(`{"a":1}`), sha("")]);
  });
});
