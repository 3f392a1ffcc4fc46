import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./config";
import { createAppInUi, createCompany, hydrated, signIn, writeCompleteListing } from "./fixtures";

const PATHS = [
  "/",
  "/signin",
  "/apps",
  "/api/health",
  "/p/not-a-real-token",
  "/api/apps/x/listing",
  "/install/unknown",
];

test("every response carries the security headers; the health check answers", async ({ request }) => {
  for (const path of PATHS) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    // Share pages are stricter: their URL holds the token, so it is never sent as a referrer.
    expect(h["referrer-policy"], path).toBe(path.startsWith("/p/") ? "no-referrer" : "strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).not.toContain("unsafe-inline' 'nonce");
    expect(h["content-security-policy"]?.split("; ").find((d) => d.startsWith("script-src")) ?? "", path).not.toContain(
      "'unsafe-inline'",
    );
    expect(h["x-frame-options"], path).toBe("DENY");
    // Production: browsers keep to HTTPS.
    expect(h["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, journalMode: "wal" } });
  // Browsers and crawlers ask every site for /favicon.ico, whatever the page links.
  for (const icon of ["/favicon.ico", "/icon.svg"]) {
    const res = await request.get(icon);
    expect(res.status(), icon).toBe(200);
    expect(res.headers()["content-type"], icon).toMatch(/^image\//);
  }
});

// The injections below are meant to be blocked; any other violation is a page the policy breaks.
const isOurInjection = (message: string) => message.startsWith("Executing inline event handler violates");
const scriptSrc = (csp: string | undefined) => csp?.split("; ").find((d) => d.startsWith("script-src")) ?? "";

/** Injects markup the way an XSS would (an inline event handler, a parser-inserted script) and reports whether any of it ran. */
async function injectedScriptRuns(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as { __injected?: boolean };
    document.body.insertAdjacentHTML("beforeend", `<img src="data:," alt="" onerror="window.__injected = true">`);
    const img = document.body.lastElementChild as HTMLImageElement;
    // The inline handler, when a policy lets it run, runs before this listener (it was added first).
    await new Promise<void>((resolve) =>
      img.complete ? resolve() : img.addEventListener("error", () => resolve(), { once: true }),
    );
    return !!w.__injected;
  });
}

test("pages run only their own scripts: prerendered pages by hash, a fresh nonce per request elsewhere, share pages only their own script file, none elsewhere", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on(
    "console",
    (m) =>
      m.type() === "error" &&
      /Content Security Policy/i.test(m.text()) &&
      !isOurInjection(m.text()) &&
      errors.push(m.text()),
  );

  // The landing and sign-in pages are built ahead of time: the same bytes and the same policy for
  // everyone, which allows their inline scripts by hash (no nonce, no 'unsafe-inline') and the site's script files.
  for (const path of ["/", "/signin?error=denied"]) {
    const first = await page.goto(path);
    await hydrated(page);
    const policy = scriptSrc(first!.headers()["content-security-policy"]);
    expect(policy, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
    const html = await first!.text();
    const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1]!)
      .filter(Boolean);
    expect(inline.length, path).toBeGreaterThan(0);
    for (const script of inline)
      expect(policy, path).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    const again = await request.get(path);
    expect(await again.text(), path).toBe(html);
    expect(scriptSrc(again.headers()["content-security-policy"]), path).toBe(policy);
    expect(await injectedScriptRuns(page), path).toBe(false);
    // The landing page costs no work of ours per request: the proxy never sees it (it stamps a request
    // id on everything it answers), and its policy is the one the build wrote beside it, naming this
    // server's OAuth origin for the sign-in form. The sign-in page still goes through the proxy.
    expect(first!.headers()["x-request-id"], path).toEqual(path === "/" ? undefined : expect.any(String));
    expect(first!.headers()["content-security-policy"], path).toContain(
      `form-action 'self' ${new URL(E2E.emulatorUrl).origin}`,
    );
    expect(first!.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
  }
  // The sign-in page reads its address once it runs: the reason of the failed sign-in shows.
  await expect(page.getByText("You cancelled on Pipedrive's consent screen")).toBeVisible();

  // An unknown address renders per request, with its own nonce, and its scripts run.
  const missing = await page.goto("/no-such-page-here");
  expect(missing!.status()).toBe(404);
  await hydrated(page);
  expect(scriptSrc(missing!.headers()["content-security-policy"])).toMatch(
    /^script-src 'nonce-[^']+' 'strict-dynamic'$/,
  );

  // A page rendered per request: its scripts carry the nonce of its own policy, which changes each time.
  const [owner] = await createCompany("Spec CSP", [{ name: "Cecile Csp", isAdmin: true }]);
  await signIn(page, owner!);
  const apps = await page.goto("/apps");
  await hydrated(page);
  const policy = apps!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc(policy))?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...(await apps!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const next = await page.request.get("/apps");
  expect(scriptSrc(next.headers()["content-security-policy"])).toMatch(/'nonce-[^']+'/);
  expect(scriptSrc(next.headers()["content-security-policy"])).not.toBe(scriptSrc(policy));
  expect(await injectedScriptRuns(page)).toBe(false);

  // The dashboard hydrates and works under the policy.
  const appId = await createAppInUi(page, "Policied");
  await writeCompleteListing(page, appId, "Policied", { videoUrl: "https://youtu.be/dQw4w9WgXcQ" });
  await page.goto(`/apps/${appId}/preview`);
  await hydrated(page);
  expect(await injectedScriptRuns(page)).toBe(false);

  // A share page is plain HTML served from memory to everyone: no framework script, only its own file.
  await page.getByLabel("Label").fill("CSP");
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await page.getByRole("textbox", { name: "New share link" }).inputValue();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.route(/youtube-nocookie\.com/, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<p>video</p>" }),
  );
  visitor.on(
    "console",
    (m) =>
      m.type() === "error" &&
      /Content Security Policy/i.test(m.text()) &&
      !isOurInjection(m.text()) &&
      errors.push(m.text()),
  );
  const scriptsLoaded: string[] = [];
  visitor.on("request", (r) => r.resourceType() === "script" && scriptsLoaded.push(new URL(r.url()).pathname));
  const shared = await visitor.goto(new URL(shareUrl).pathname);
  await hydrated(visitor);
  const sharePolicy = shared!.headers()["content-security-policy"]!;
  expect(scriptSrc(sharePolicy)).toBe("script-src 'self'");
  expect(sharePolicy).toContain("frame-ancestors 'none'");
  expect(scriptsLoaded).toEqual(["/share-page.js"]);
  expect(await shared!.text()).not.toMatch(/<script(?![^>]*src="\/share-page\.js\?v=[\w-]+")/);
  expect(await injectedScriptRuns(visitor)).toBe(false);
  // The page's own script: screenshots open in a lightbox (arrows move, Escape closes), the video plays on click.
  await visitor.getByRole("button", { name: "Screen 1" }).click();
  const lightbox = visitor.getByRole("dialog");
  await expect(lightbox.getByRole("img", { name: "Screen 1" })).toBeVisible();
  await visitor.keyboard.press("ArrowRight");
  await expect(lightbox.getByRole("img", { name: "Screen 2" })).toBeVisible();
  await lightbox.getByRole("button", { name: "Previous screenshot" }).click();
  await expect(lightbox.getByRole("img", { name: "Screen 1" })).toBeVisible();
  await visitor.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await visitor.getByRole("button", { name: /Play video/ }).click();
  await expect(visitor.locator("iframe[src^='https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']")).toHaveCount(1);

  // Everything else allows no script.
  for (const path of ["/api/health", "/install/unknown", "/p/not-a-real-token"]) {
    expect(
      scriptSrc(
        (await request.get(path, { maxRedirects: 0 })).headers()["content-security-policy"] ?? "default-src 'none'",
      ),
      path,
    ).toBe("");
    expect((await request.get(path, { maxRedirects: 0 })).headers()["content-security-policy"], path).toContain(
      "default-src 'none'",
    );
  }
  expect(errors).toEqual([]);
});
