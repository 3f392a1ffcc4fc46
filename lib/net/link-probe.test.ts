import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLink } from "./link-probe";

let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === "/ok") return res.writeHead(200).end("ok");
    if (req.url === "/missing") return res.writeHead(404).end();
    if (req.url === "/no-head") return req.method === "HEAD" ? res.writeHead(405).end() : res.writeHead(200).end("ok");
    if (req.url === "/moved") return res.writeHead(301, { location: "/ok" }).end();
    if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/to-metadata")
      return res.writeHead(302, { location: "https://169.254.169.254/latest/meta-data/" }).end();
    if (req.url === "/slow") return setTimeout(() => res.writeHead(200).end(), 2_000);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const local = { policy: { allowLocal: true }, timeoutMs: 1_000 };

describe("checkLink", () => {
  it("is ok for a 2xx answer, with HEAD", async () => {
    expect(await checkLink(`${base}/ok`, local)).toEqual({ ok: true, status: 200, error: null });
    expect(seen).toContain("HEAD /ok");
  });

  it("reports the status of a 4xx or 5xx answer", async () => {
    expect(await checkLink(`${base}/missing`, local)).toEqual({ ok: false, status: 404, error: null });
    expect(await checkLink(`${base}/broken`, local)).toEqual({ ok: false, status: 500, error: null });
  });

  it("falls back to GET when HEAD is refused, and follows redirects", async () => {
    expect(await checkLink(`${base}/no-head`, local)).toMatchObject({ ok: true, status: 200 });
    expect(await checkLink(`${base}/moved`, local)).toMatchObject({ ok: true, status: 200 });
    expect(await checkLink(`${base}/loop`, local)).toEqual({ ok: false, status: null, error: "too many redirects" });
  });

  it("gives up after the timeout", async () => {
    expect(await checkLink(`${base}/slow`, { policy: { allowLocal: true }, timeoutMs: 200 })).toEqual({
      ok: false,
      status: null,
      error: "no answer within 200 ms",
    });
  });

  it("never fetches this machine's address unless allowed, nor follows a redirect to a private one", async () => {
    const before = seen.length;
    expect(await checkLink(`${base}/ok`)).toEqual({
      ok: false,
      status: null,
      error: "only https:// addresses are allowed",
    });
    expect(await checkLink(base.replace("http:", "https:") + "/ok")).toEqual({
      ok: false,
      status: null,
      error: "address not allowed",
    });
    expect(seen.length).toBe(before);
    expect(await checkLink(`${base}/to-metadata`, local)).toEqual({
      ok: false,
      status: null,
      error: "address not allowed",
    });
    expect(seen.slice(before)).toEqual(["HEAD /to-metadata"]);
  });

  it("says when a domain does not resolve", async () => {
    expect(await checkLink("https://listing-studio-check.invalid/", { timeoutMs: 3_000 })).toEqual({
      ok: false,
      status: null,
      error: "the domain does not resolve",
    });
  });
});
