import { describe, expect, it } from "vitest";
import { CLIENT, startTestEmulator } from "./test-client";

const { emu, authorize, exchange } = await startTestEmulator();

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

describe("latency", () => {
  it("adds the given milliseconds before every answer, control endpoints included", async () => {
    const { startEmulator } = await import("./server");
    const slow = await startEmulator({ latencyMs: 150 });
    try {
      for (const path of ["/__emulator/health", "/robots.txt", "/en/marketplace/app/none/none"]) {
        const started = performance.now();
        const res = await fetch(`${slow.url}${path}`);
        await res.arrayBuffer();
        // Timers fire on the millisecond they are due at the earliest; a millisecond of rounding is allowed.
        expect(performance.now() - started, path).toBeGreaterThanOrEqual(149);
      }
    } finally {
      await slow.close();
    }
  });

  it("refuses a latency on the command line that is not a whole number of milliseconds", async () => {
    const { spawnSync } = await import("node:child_process");
    const cli = spawnSync("node_modules/.bin/tsx", ["emulator/cli.ts", "--latency", "soon"], {
      env: { ...process.env, EMULATOR_PORT: "0" },
      encoding: "utf8",
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("a whole number of milliseconds from 0 to 60000");
  });
});
