import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { CLIENT_HEADER } from "@/lib/client-address";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

/** The install funnel counts people, not requests: through the real routes, as the server hands them on. */
setupTestDatabase();
process.env.RATE_LIMITS = "gateway=10000/60";
const { db } = await import("@/lib/db");
const apps = await import("@/lib/apps/service");
const { ensureGateway } = await import("@/lib/gateway/service");
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

describe("the install funnel", () => {
  it("counts install_started once per browser and window, however often it is opened", async () => {
    const first = await install.GET(request(`/install/${appKey}`, "203.0.113.1"), params);
    expect(first.status).toBe(302);
    const jar = cookiesOf(first);
    for (let i = 0; i < 50; i++) await install.GET(request(`/install/${appKey}`, "203.0.113.1", jar), params);
    // A script without cookies, from one address: once too.
    for (let i = 0; i < 50; i++) await install.GET(request(`/install/${appKey}`, "203.0.113.1"), params);
    expect(await count("INSTALL_STARTED")).toBe(1);
    await install.GET(request(`/install/${appKey}`, "203.0.113.2"), params);
    expect(await count("INSTALL_STARTED")).toBe(2);
  });

  it("counts consent_denied only for a start it can match, or once per visitor without a state", async () => {
    for (let i = 0; i < 100; i++)
      await callback.GET(request(`/callback/${appKey}?error=user_denied`, "203.0.113.9"), params);
    expect(await count("CONSENT_DENIED")).toBe(1);
    for (let i = 0; i < 20; i++)
      await callback.GET(request(`/callback/${appKey}?error=user_denied&state=forged.${i}`, "203.0.113.10"), params);
    expect(await count("CONSENT_DENIED")).toBe(1);
    // A real start, then its cancel (twice: the browser's back button): once.
    const started = await install.GET(request(`/install/${appKey}`, "203.0.113.11"), params);
    const state = new URL(started.headers.get("location")!).searchParams.get("state")!;
    for (let i = 0; i < 2; i++)
      await callback.GET(
        request(
          `/callback/${appKey}?error=user_denied&state=${encodeURIComponent(state)}`,
          "203.0.113.11",
          cookiesOf(started),
        ),
        params,
      );
    expect(await count("CONSENT_DENIED")).toBe(2);
  });
});
