import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { CLIENT_HEADER } from "@/lib/http/client-address";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/** The install funnel counts people, not requests: through the real routes, as the server hands them on. */
setupTestDatabase();
process.env.RATE_LIMITS = "gateway=10000/60";
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { ensureGateway } = await import("@/lib/gateway/keys");
const install = await import("@/app/install/[appKey]/route");
const callback = await import("@/app/callback/[appKey]/route");

const owner = await createOwner(db, 921);
const app = await apps.createApp(owner, {
  name: "Funnel",
  type: "PUBLIC",
  clientId: "funnel",
  callbackUrl: "https://funnel.example.com/cb",
  clientSecret: "s",
});
await ensureGateway(app.id);
const appKey = (await db.app.findUniqueOrThrow({ where: { id: app.id } })).appKey!;
const params = { params: Promise.resolve({ appKey }) };
const request = (path: string, client: string, cookie = "") =>
  new NextRequest(`http://localhost${path}`, { headers: { [CLIENT_HEADER]: client, ...(cookie ? { cookie } : {}) } });
const count = (type: string) => db.installEvent.count({ where: { appId: app.id, type } });
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

/** A browser: keeps the cookies each answer sets, and follows the Installation URL's own redirect. */
async function visit(client: string, jar = "") {
  let res = await install.GET(request(`/install/${appKey}`, client, jar), params);
  if (res.status === 303) {
    jar = cookiesOf(res);
    res = await install.GET(request(res.headers.get("location")!, client, jar), params);
  }
  return { res, jar: [jar, cookiesOf(res)].filter(Boolean).join("; ") };
}

describe("the install funnel", () => {
  it("counts a visit that reaches Pipedrive's consent with its cookie, once per browser and window", async () => {
    const first = await visit("203.0.113.1");
    expect(first.res.status).toBe(302);
    expect(new URL(first.res.headers.get("location")!).pathname).toBe("/oauth/authorize");
    expect(await count("INSTALL_STARTED")).toBe(1);
    for (let i = 0; i < 20; i++) expect((await visit("203.0.113.1", first.jar)).res.status).toBe(302);
    expect(await count("INSTALL_STARTED")).toBe(1);
    await visit("203.0.113.2");
    expect(await count("INSTALL_STARTED")).toBe(2);
  });

  it("counts nothing for requests that keep no cookie, from however many addresses", async () => {
    const before = await count("INSTALL_STARTED");
    for (let i = 0; i < 50; i++) {
      const client = i % 2 ? `198.51.100.${i}` : `2001:db8:${i}::${i}`;
      const res = await install.GET(request(`/install/${appKey}`, client), params);
      expect([res.status, res.headers.get("location")]).toEqual([303, `/install/${appKey}?go=1`]);
      // Straight to the second step, without the cookie: told why, not counted.
      const again = await install.GET(request(`/install/${appKey}?go=1`, client), params);
      expect(again.status).toBe(400);
      expect(await again.text()).toContain("This installation needs cookies");
    }
    expect(await count("INSTALL_STARTED")).toBe(before);
  });

  it("counts nothing for a cookie the server did not write", async () => {
    const before = await count("INSTALL_STARTED");
    const name = `ls_started_${appKey}`;
    for (const forged of [`p.${"a".repeat(24)}`, `p.${"b".repeat(24)}.${"c".repeat(22)}`, "p.x.y"]) {
      const res = await install.GET(request(`/install/${appKey}?go=1`, "203.0.113.60", `${name}=${forged}`), params);
      expect(res.status).toBe(400);
    }
    expect(await count("INSTALL_STARTED")).toBe(before);
  });

  it("counts consent_denied only for a start it can match: state-less and forged cancels count nothing", async () => {
    for (let i = 0; i < 50; i++)
      await callback.GET(request(`/callback/${appKey}?error=user_denied`, `203.0.113.${i}`), params);
    for (let i = 0; i < 20; i++)
      await callback.GET(request(`/callback/${appKey}?error=user_denied&state=forged.${i}`, "203.0.113.10"), params);
    expect(await count("CONSENT_DENIED")).toBe(0);
    // A real start, then its cancel (twice: the browser's back button): once.
    const started = await visit("203.0.113.11");
    const state = new URL(started.res.headers.get("location")!).searchParams.get("state")!;
    for (let i = 0; i < 2; i++)
      await callback.GET(
        request(
          `/callback/${appKey}?error=user_denied&state=${encodeURIComponent(state)}`,
          "203.0.113.11",
          started.jar,
        ),
        params,
      );
    expect(await count("CONSENT_DENIED")).toBe(1);
  });
});
