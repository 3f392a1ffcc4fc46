import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "./server";
import { CODE_TTL_MS, REFRESH_TTL_MS } from "./store";

const CLIENT = {
  clientId: "client-1",
  clientSecret: "s3cret:with+chars",
  redirectUris: ["http://localhost:3999/callback"],
  name: "Test App",
  builtBy: "Tester",
  scopes: ["base", "deals:read"],
};
const REDIRECT = CLIENT.redirectUris[0]!;

let emu: Emulator;
let clock = Date.now();

beforeAll(async () => {
  emu = await startEmulator({ clients: [CLIENT], now: () => clock });
});
afterAll(() => emu.close());

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

async function authorize(extra: Record<string, string> = {}, decision = "allow", userId = "101") {
  const body = new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    state: "st-1",
    code_challenge: "",
    code_challenge_method: "",
    decision,
    user_id: userId,
    ...extra,
  });
  const res = await fetch(`${emu.url}/oauth/authorize`, { method: "POST", body, redirect: "manual" });
  return new URL(res.headers.get("location")!);
}

async function token(params: Record<string, string>, auth = basic(CLIENT.clientId, CLIENT.clientSecret)) {
  const res = await fetch(`${emu.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const exchange = (code: string, extra: Record<string, string> = {}) =>
  token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, ...extra });

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
    clock += CODE_TTL_MS + 1;
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
    clock += 50 * 86_400_000;
    expect((await token({ grant_type: "refresh_token", refresh_token: refresh })).body.refresh_token).toBe(refresh);
    clock += 50 * 86_400_000;
    expect((await token({ grant_type: "refresh_token", refresh_token: refresh })).status).toBe(200);
    // Unused for more than 60 days, it expires.
    clock += REFRESH_TTL_MS + 1;
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

describe("test seeding", () => {
  it("creates a company with users that can sign in", async () => {
    const res = await fetch(`${emu.url}/__emulator/companies`, {
      method: "POST",
      body: JSON.stringify({
        name: "Spec Co",
        users: [{ name: "Spec Owner", isAdmin: true }, { name: "Spec Member" }],
      }),
    });
    const { users } = (await res.json()) as { users: { id: number; companyId: number }[] };
    expect(res.status).toBe(201);
    expect(users).toHaveLength(2);
    expect(users[0]!.companyId).toBe(users[1]!.companyId);
    const profile = async (userId: number) => {
      const { body } = await exchange((await authorize({}, "allow", String(userId))).searchParams.get("code")!);
      const me = await fetch(`${emu.url}/v1/users/me`, { headers: { authorization: `Bearer ${body.access_token}` } });
      return ((await me.json()) as { data: Record<string, unknown> }).data;
    };
    const [owner, member] = [await profile(users[0]!.id), await profile(users[1]!.id)];
    expect(member.company_name).toBe("Spec Co");
    // These users answer as current API versions do: admin rights in access[], no is_admin.
    expect(owner).not.toHaveProperty("is_admin");
    expect(owner.access).toEqual([{ app: "sales", admin: true, permission_set_id: "1" }]);
    expect(member.access).toEqual([{ app: "sales", admin: false, permission_set_id: "1" }]);
  });

  it("rejects a malformed company", async () => {
    const res = await fetch(`${emu.url}/__emulator/companies`, { method: "POST", body: JSON.stringify({ name: "" }) });
    expect(res.status).toBe(400);
  });
});

describe("test controls", () => {
  it("fails the next token and /users/me calls of a client when told to, then works again", async () => {
    await fetch(`${emu.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ clientId: CLIENT.clientId, token: [500], usersMe: [503] }),
    });
    const code = new URL(await authorize()).searchParams.get("code")!;
    expect((await exchange(code)).status).toBe(500);
    const again = await exchange(new URL(await authorize()).searchParams.get("code")!);
    expect(again.status).toBe(200);
    const me = (auth: string) => fetch(`${emu.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${auth}` } });
    expect((await me(String(again.body.access_token))).status).toBe(503);
    expect((await me(String(again.body.access_token))).status).toBe(200);
  });

  it("sends an uninstall call to the client's callback with Basic auth, as Pipedrive does", async () => {
    const received: { auth?: string; body: string; method?: string }[] = [];
    const { createServer } = await import("node:http");
    const server = createServer((req, res) => {
      let body = "";
      req
        .on("data", (c) => (body += c))
        .on("end", () => {
          received.push({ auth: req.headers.authorization, body, method: req.method });
          res.writeHead(200).end();
        });
    });
    await new Promise<void>((r) => server.listen(3999, "127.0.0.1", r));
    try {
      const res = await fetch(`${emu.url}/__emulator/uninstall`, {
        method: "POST",
        body: JSON.stringify({ clientId: CLIENT.clientId, userId: 101, timestamp: "2026-11-28 10:00:00" }),
      });
      expect(await res.json()).toEqual({ status: 200 });
      expect(received).toEqual([
        {
          method: "DELETE",
          auth: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
          body: JSON.stringify({
            client_id: CLIENT.clientId,
            company_id: 7001,
            user_id: "101",
            timestamp: "2026-11-28 10:00:00",
          }),
        },
      ]);
    } finally {
      server.close();
    }
  });
});

describe("Marketplace listing pages", () => {
  it("live at /<lang>/marketplace/app/<Pipedrive's slug>/<client id>; another slug is a 404", async () => {
    const res = await fetch(`${emu.url}/__emulator/listings`, {
      method: "POST",
      body: JSON.stringify({ clientId: "page-1", name: "RingCentral App Connect", reviews: [] }),
    });
    expect(await res.json()).toEqual({ url: `${emu.url}/en/marketplace/app/ring-central-app-connect/page-1` });
    for (const lang of ["en", "de", "pt"])
      expect((await fetch(`${emu.url}/${lang}/marketplace/app/ring-central-app-connect/page-1`)).status).toBe(200);
    expect((await fetch(`${emu.url}/en/marketplace/app/ringcentral-app-connect/page-1`)).status).toBe(404);
    expect((await fetch(`${emu.url}/en/marketplace/app/ring-central-app-connect/no-such-client`)).status).toBe(404);
  });

  it("serve the shape chosen per listing, and a bot check as Cloudflare does (403)", async () => {
    const put = (shape: string) =>
      fetch(`${emu.url}/__emulator/listings`, {
        method: "POST",
        body: JSON.stringify({
          clientId: "page-2",
          name: "Shapely",
          reviews: [{ id: "r", author: "A", stars: 4, date: "2026-11-01T00:00:00Z", text: "Fine" }],
          shape,
        }),
      });
    const page = () => fetch(`${emu.url}/en/marketplace/app/shapely/page-2`);
    const markers: Record<string, string> = {
      "json-ld": "application/ld+json",
      "next-data": "__NEXT_DATA__",
      flight: "self.__next_f.push",
      microdata: 'itemtype="https://schema.org/Review"',
      dom: 'aria-label="4 out of 5 stars"',
      "no-reviews": "No reviews yet",
    };
    for (const [shape, marker] of Object.entries(markers)) {
      await put(shape);
      expect(await (await page()).text(), shape).toContain(marker);
    }
    await put("challenge");
    const challenge = await page();
    expect(challenge.status).toBe(403);
    expect(await challenge.text()).toContain("<title>Just a moment...</title>");
    expect((await put("carousel")).status).toBe(400);
  });
});
