import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLink, isPrivateAddress } from "./link-check";

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
    if (req.url === "/slow") return setTimeout(() => res.writeHead(200).end(), 2_000);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const local = { allowPrivate: true, timeoutMs: 1_000 };

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
    expect(await checkLink(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 })).toEqual({ ok: false, status: null, error: "no answer within 200 ms" });
  });

  it("never fetches a private address unless allowed", async () => {
    const before = seen.length;
    expect(await checkLink(`${base}/ok`)).toEqual({ ok: false, status: null, error: "points to a private address" });
    expect(seen.length).toBe(before);
  });

  it("says when a domain does not resolve", async () => {
    expect(await checkLink("https://listing-studio-check.invalid/", { timeoutMs: 3_000 })).toEqual({ ok: false, status: null, error: "the domain does not resolve" });
  });
});

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["93.184.216.34", false],
    ["2606:2800:220:1::", false],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
