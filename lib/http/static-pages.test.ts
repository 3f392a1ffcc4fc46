import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prerenderedPageCsp } from "@/lib/http/csp";
import { inlineScriptHashes, prerenderedScriptHashes } from "@/lib/http/static-pages";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("inlineScriptHashes", () => {
  it("hashes the text of each inline script exactly as served, once each, and skips script files", () => {
    const a = `self.__next_f.push([1,"a\\u003c/b"])`;
    const b = `(self.__next_f=self.__next_f||[]).push([0])`;
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><script id="_R_">${b}</script></head><body><script>${a}</script><SCRIPT>${a}</SCRIPT><script type="module" src="/x.js"></script><script></script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(b), sha(a)]);
  });

  it("keeps multi-line scripts and non-ASCII text whole", () => {
    const text = "var s = 'Zürich';\nconsole.log(s);\n";
    expect(inlineScriptHashes(`<script>${text}</script>`)).toEqual([sha(text)]);
  });
});

describe("prerenderedScriptHashes", () => {
  it("reads the HTML the build wrote for a prerendered page, and only for those pages", () => {
    const dir = mkdtempSync(join(tmpdir(), "prerendered-"));
    writeFileSync(join(dir, "index.html"), "<script>one()</script>");
    writeFileSync(join(dir, "signin.html"), "<script>two()</script>");
    expect(prerenderedScriptHashes("/", dir)).toEqual([sha("one()")]);
    expect(prerenderedScriptHashes("/signin", dir)).toEqual([sha("two()")]);
    expect(prerenderedScriptHashes("/apps", dir)).toBeNull();
  });

  it("says null where the page was not built (development renders per request)", () => {
    expect(prerenderedScriptHashes("/", join(tmpdir(), "no-such-build-dir"))).toBeNull();
  });
});

describe("prerenderedPageCsp", () => {
  it("allows the site's script files and the listed inline scripts, nothing inline otherwise", () => {
    const policy = prerenderedPageCsp([sha("one()"), sha("two()")], {
      oauthOrigin: "https://oauth.pipedrive.com",
      apiOrigin: "https://api.pipedrive.com",
    });
    const script = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toBe(`script-src 'self' 'sha256-${sha("one()")}' 'sha256-${sha("two()")}'`);
    expect(script).not.toContain("unsafe-inline");
    expect(policy).not.toContain("nonce");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://oauth.pipedrive.com");
  });
});
