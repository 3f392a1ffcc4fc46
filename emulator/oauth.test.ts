import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CODE_TTL_MS, REFRESH_TTL_MS } from "./store";
import { basic, CLIENT, REDIRECT, startTestEmulator } from "./test-client";

const { emu, clock, authorize, token, exchange } = await startTestEmulator();

describe("GET /oauth/authorize", () => {
  it("shows the consent page with the app, its scopes and the seeded users, the first preselected", async () => {
    const q = new URLSearchParams({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      state: "x",
      response_type: "code",
    });
    const res = await fetch(`${emu.url}/oauth/authorize?${q}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Test App");
    expect(html).toContain("Deals: Read only");
    expect(html).toContain("Allow and install");
    expect(html).toContain("Cancel");
    expect(html).toMatch(/value="101" checked/);
    expect(html).toContain("Carla Mendes");
  });

  it("refuses an unknown client_id without redirecting", async () => {
    const res = await fetch(`${emu.url}/oauth/authorize?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}`, {
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Invalid client");
  });

  it("refuses a redirect_uri that is not exactly the registered one", async () => {
    for (const uri of [`${REDIRECT}/`, `${REDIRECT}?x=1`, "http://evil.test/callback"]) {
      const res = await fetch(
        `${emu.url}/oauth/authorize?client_id=${CLIENT.clientId}&redirect_uri=${encodeURIComponent(uri)}`,
        { redirect: "manual" },
      );
      expect(res.status).toBe(400);
    }
  });
});

describe("consent decision", () => {
  it("redirects with a code and the state on allow", async () => {
    const loc = await authorize();
    expect(loc.origin + loc.pathname).toBe(REDIRECT);
    expect(loc.searchParams.get("code")).toBeTruthy();
    expect(loc.searchParams.get("state")).toBe("st-1");
  });

  it("redirects with error=user_denied on cancel", async () => {
    const loc = await authorize({}, "cancel");
    expect(loc.searchParams.get("error")).toBe("user_denied");
    expect(loc.searchParams.get("state")).toBe("st-1");
    expect(loc.searchParams.get("code")).toBeNull();
  });
});

describe("POST /oauth/token", () => {
  it("exchanges a code for Pipedrive's token set, and /users/me answers for it", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    const { status, body } = await exchange(code);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "bearer",
      expires_in: 3600,
      scope: "base,deals:read",
      api_domain: emu.url,
    });
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.refresh_token).toEqual(expect.any(String));

    for (const path of ["/api/v1/users/me", "/v1/users/me"]) {
      const me = await fetch(`${emu.url}${path}`, { headers: { authorization: `Bearer ${body.access_token}` } });
      const json = (await me.json()) as { data: Record<string, unknown> };
      expect(me.status).toBe(200);
      expect(json.data).toMatchObject({ id: 101, company_id: 7001, company_name: "Acme Sales Tools", is_admin: 1 });
    }
  });

  it("requires HTTP Basic client authentication", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    const res = await fetch(`${emu.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_client" });
  });

  it("answers HTTP 400 invalid_client for a wrong secret or an unknown client id, as Pipedrive does", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    const { status, body } = await token(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT },
      basic(CLIENT.clientId, "wrong"),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_client", error_description: expect.any(String) });
    const unknown = await token(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT },
      basic("no-such-client", CLIENT.clientSecret),
    );
    expect(unknown).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    // The code was not spent by the failed attempts: the right secret still gets the tokens.
    expect((await exchange(code)).status).toBe(200);
  });

  it("accepts a code only once", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: "invalid_grant", error_description: "Authorization code already used" });
  });

  it("rejects a code older than 5 minutes", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    clock.now += CODE_TTL_MS + 1;
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_grant", error_description: "Authorization code expired" });
  });

  it("rejects a redirect_uri that differs from the authorization request", async () => {
    const code = (await authorize()).searchParams.get("code")!;
    const res = await exchange(code, { redirect_uri: "http://localhost:3999/other" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_grant" });
  });

  it("verifies PKCE when the authorization request sent a challenge", async () => {
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };

    const missing = await exchange((await authorize(pkce)).searchParams.get("code")!);
    expect(missing).toMatchObject({ status: 400, body: { error: "invalid_request" } });

    const wrong = await exchange((await authorize(pkce)).searchParams.get("code")!, { code_verifier: "w".repeat(50) });
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: "PKCE verification failed" },
    });

    const right = await exchange((await authorize(pkce)).searchParams.get("code")!, { code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it("keeps the refresh token on refresh and extends its life by 60 days, as Pipedrive does", async () => {
    const first = await exchange((await authorize()).searchParams.get("code")!);
    const refresh = String(first.body.refresh_token);
    const renewed = await token({ grant_type: "refresh_token", refresh_token: refresh });
    expect(renewed.status).toBe(200);
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    expect(renewed.body.refresh_token).toBe(refresh);
    // The new access token works.
    const me = await fetch(`${emu.url}/v1/users/me`, {
      headers: { authorization: `Bearer ${String(renewed.body.access_token)}` },
    });
    expect(me.status).toBe(200);
    // 50 days later the token still works, and its use moves the expiry 60 days on: 50 more days are fine.
    clock.now += 50 * 86_400_000;
    expect((await token({ grant_type: "refresh_token", refresh_token: refresh })).body.refresh_token).toBe(refresh);
    clock.now += 50 * 86_400_000;
    expect((await token({ grant_type: "refresh_token", refresh_token: refresh })).status).toBe(200);
    // Unused for more than 60 days, it expires.
    clock.now += REFRESH_TTL_MS + 1;
    expect(await token({ grant_type: "refresh_token", refresh_token: refresh })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });

  it("answers HTTP 400 for an unknown refresh token or grant type", async () => {
    expect(await token({ grant_type: "refresh_token", refresh_token: "nope" })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    expect(await token({ grant_type: "password" })).toMatchObject({
      status: 400,
      body: { error: "unsupported_grant_type" },
    });
  });
});

describe("POST /oauth/revoke and /users/me", () => {
  it("revoking the refresh token ends the access token", async () => {
    const { body } = await exchange((await authorize()).searchParams.get("code")!);
    const revoke = await fetch(`${emu.url}/oauth/revoke`, {
      method: "POST",
      headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) },
      body: new URLSearchParams({ token: String(body.refresh_token) }),
    });
    expect(revoke.status).toBe(200);
    const me = await fetch(`${emu.url}/v1/users/me`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status).toBe(401);
  });

  it("revoke requires client authentication", async () => {
    const res = await fetch(`${emu.url}/oauth/revoke`, { method: "POST", body: new URLSearchParams({ token: "x" }) });
    expect(res.status).toBe(401);
  });

  it("answers 401 for a missing or unknown bearer token", async () => {
    expect((await fetch(`${emu.url}/v1/users/me`)).status).toBe(401);
    expect((await fetch(`${emu.url}/v1/users/me`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });
});
