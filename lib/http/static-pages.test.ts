import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prerenderedPageCsp } from "@/lib/http/csp";
import { inlineScriptHashes, prerenderedScriptHashes } from "@/lib/http/static-pages";
import { writePrerenderedPolicies } from "@/lib/http/prerendered-policy";

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

describe("writePrerenderedPolicies", () => {
  const pipedrive = { oauthOrigin: "https://oauth.pipedrive.com", apiOrigin: "https://api.pipedrive.com" };

  it("puts the landing page's policy, of every inline script it was built with, beside its HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), "built-policy-"));
    writeFileSync(join(dir, "index.html"), "<script>one()</script><p>Hi</p><script>two()</script>");
    writeFileSync(join(dir, "index.meta"), JSON.stringify({ headers: { "x-nextjs-stale-time": "300" }, other: 1 }));
    expect(writePrerenderedPolicies(pipedrive, dir)).toEqual(["/"]);
    const meta = JSON.parse(readFileSync(join(dir, "index.meta"), "utf8")) as {
      headers: Record<string, string>;
      other: number;
    };
    expect(meta.headers["content-security-policy"]).toBe(prerenderedPageCsp([sha("one()"), sha("two()")], pipedrive));
    // Next.js's own entries stay.
    expect(meta.headers["x-nextjs-stale-time"]).toBe("300");
    expect(meta.other).toBe(1);
    // Written once: a server started with the build's origins changes nothing.
    expect(writePrerenderedPolicies(pipedrive, dir)).toEqual([]);
    // Another OAuth origin (a server started against the emulator) rewrites it.
    const local = { oauthOrigin: "http://localhost:4100", apiOrigin: "http://localhost:4100" };
    expect(writePrerenderedPolicies(local, dir)).toEqual(["/"]);
    expect(readFileSync(join(dir, "index.meta"), "utf8")).toContain("form-action 'self' http://localhost:4100");
  });

  it("leaves a build without the page alone (development)", () => {
    expect(writePrerenderedPolicies(pipedrive, join(tmpdir(), "no-such-build-dir"))).toEqual([]);
  });
});
