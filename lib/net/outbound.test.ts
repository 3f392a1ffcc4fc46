import { lookup as systemLookup, type LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHost, checkUrl, isPublicAddress, outboundFetch, OutboundRefused } from "./outbound";

/** URLs someone could type that must never be requested (each refused before any connection). */
export const REFUSED: [string, string][] = [
  ["http://example.com/hook", "only https:// addresses are allowed"],
  ["ftp://example.com/", "only https:// addresses are allowed"],
  ["javascript:alert(1)", "only https:// addresses are allowed"],
  ["file:///etc/passwd", "only https:// addresses are allowed"],
  ["https://user:pass@example.com/", "a URL with a user name or password is not allowed"],
  ["not a url", "not a full URL"],
  ["https://localhost/", "address not allowed"],
  ["https://api.localhost/", "address not allowed"],
  ["https://127.0.0.1/", "address not allowed"],
  ["https://127.1/", "address not allowed"],
  ["https://2130706433/", "address not allowed"],
  ["https://0x7f000001/", "address not allowed"],
  ["https://0.0.0.0/", "address not allowed"],
  ["https://10.0.0.8/", "address not allowed"],
  ["https://172.16.5.4/", "address not allowed"],
  ["https://192.168.1.1/", "address not allowed"],
  ["https://169.254.169.254/latest/meta-data/", "address not allowed"],
  ["https://100.64.0.1/", "address not allowed"],
  ["https://224.0.0.1/", "address not allowed"],
  ["https://255.255.255.255/", "address not allowed"],
  ["https://198.18.0.1/", "address not allowed"],
  ["https://192.0.2.10/", "address not allowed"],
  ["https://[::1]/", "address not allowed"],
  ["https://[::]/", "address not allowed"],
  ["https://[::ffff:127.0.0.1]/", "address not allowed"],
  ["https://[::ffff:7f00:1]/", "address not allowed"],
  ["https://[::ffff:169.254.169.254]/", "address not allowed"],
  ["https://[fc00::1]/", "address not allowed"],
  ["https://[fd12:3456::1]/", "address not allowed"],
  ["https://[fe80::1]/", "address not allowed"],
  ["https://[ff02::1]/", "address not allowed"],
  ["https://[64:ff9b::7f00:1]/", "address not allowed"],
  ["https://[2002:7f00:1::]/", "address not allowed"],
  // IPv4-compatible IPv6 (::/96), in hex and dotted forms, whatever IPv4 address it carries.
  ["https://[::7f00:1]/", "address not allowed"],
  ["https://[::127.0.0.1]/", "address not allowed"],
  ["https://[::a9fe:a9fe]/", "address not allowed"],
  ["https://[::169.254.169.254]/", "address not allowed"],
  ["https://[::a00:8]/", "address not allowed"],
  ["https://[0:0:0:0:0:0:808:808]/", "address not allowed"],
  ["https://[::8.8.8.8]/", "address not allowed"],
];

const reason = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof OutboundRefused ? error.reason : String(error);
  }
};

describe("the outbound-URL guard: what a URL may be", () => {
  it.each(REFUSED)("refuses %s", (url, why) => {
    expect(reason(() => checkUrl(url))).toBe(why);
  });

  it("accepts public https addresses and names", () => {
    for (const url of [
      "https://hooks.slack.com/services/T/B/x",
      "https://93.184.216.34/",
      "https://[2606:4700:4700::1111]/dns",
    ])
      expect(reason(() => checkUrl(url))).toBeNull();
  });

  it("lets this machine through only with the development setting, and nothing else private", () => {
    const dev = { allowLocal: true };
    expect(reason(() => checkUrl("http://localhost:3000/hook", dev))).toBeNull();
    expect(reason(() => checkUrl("http://127.0.0.1:3000/hook", dev))).toBeNull();
    expect(reason(() => checkUrl("http://10.0.0.8/hook", dev))).toBe("only https:// addresses are allowed");
    expect(reason(() => checkUrl("https://169.254.169.254/", dev))).toBe("address not allowed");
  });

  it("trusts the origins the operator configured, exactly", () => {
    const policy = { trustedOrigins: ["http://localhost:4100"] };
    expect(reason(() => checkUrl("http://localhost:4100/en/marketplace/app/x/1", policy))).toBeNull();
    expect(reason(() => checkUrl("http://localhost:4101/", policy))).toBe("only https:// addresses are allowed");
  });

  it("judges IPv4-mapped IPv6 addresses as the IPv4 address they carry", () => {
    expect([
      isPublicAddress("::ffff:127.0.0.1"),
      isPublicAddress("::ffff:7f00:1"),
      isPublicAddress("::ffff:93.184.216.34"),
      isPublicAddress("93.184.216.34"),
    ]).toEqual([false, false, true, true]);
  });

  it("refuses IPv4-compatible IPv6 addresses (::/96) as a resolver may write them", () => {
    expect(
      ["::7f00:1", "::127.0.0.1", "[::a9fe:a9fe]", "::a00:8%eth0", "0:0:0:0:0:0:808:808", "::8.8.8.8"].map(
        isPublicAddress,
      ),
    ).toEqual([false, false, false, false, false, false]);
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
  });
});

describe("the outbound-URL guard: what is connected to", () => {
  let listener: Server;
  let trusted: Server;
  let port: number;
  let connections = 0;
  const lookupTo = (answers: Record<string, string>): typeof systemLookup =>
    ((host: string, options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) =>
      host in answers
        ? callback(null, [{ address: answers[host]!, family: answers[host]!.includes(":") ? 6 : 4 }])
        : systemLookup(host, options as object, callback as never)) as unknown as typeof systemLookup;

  beforeAll(async () => {
    listener = createServer((_req, res) => res.end("internal secret")).on("connection", () => connections++);
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as AddressInfo).port;
    trusted = createServer((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/internal` }).end());
    await new Promise<void>((resolve) => trusted.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => {
    listener.close();
    trusted.close();
  });

  it("never connects to a local listener, by address, mapped address or a name that resolves to it", async () => {
    const rebinding = {
      lookup: lookupTo({
        "hooks.example.com": "127.0.0.1",
        "meta.example.com": "::ffff:169.254.169.254",
        "compat.example.com": "::7f00:1",
      }),
    };
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `https://127.0.0.1:${port}/`,
      `https://[::ffff:127.0.0.1]:${port}/`,
      `https://[::1]:${port}/`,
      `https://localhost:${port}/`,
    ]) {
      await expect(outboundFetch(url)).rejects.toBeInstanceOf(OutboundRefused);
    }
    // Resolved at connect time: what the check saw is what is connected to.
    await expect(outboundFetch(`https://hooks.example.com:${port}/hook`, {}, rebinding)).rejects.toMatchObject({
      reason: "address not allowed",
    });
    await expect(outboundFetch(`https://compat.example.com:${port}/`, {}, rebinding)).rejects.toMatchObject({
      reason: "address not allowed",
    });
    await expect(outboundFetch(`https://meta.example.com:${port}/`, {}, rebinding)).rejects.toMatchObject({
      reason: "address not allowed",
    });
    await expect(checkHost(`https://hooks.example.com:${port}/hook`, rebinding)).rejects.toMatchObject({
      reason: "address not allowed",
    });
    expect(connections).toBe(0);
  });

  it("checks every redirect the same way", async () => {
    const from = `http://127.0.0.1:${(trusted.address() as AddressInfo).port}`;
    await expect(outboundFetch(`${from}/start`, { maxRedirects: 3 }, { trustedOrigins: [from] })).rejects.toMatchObject(
      { reason: "only https:// addresses are allowed" },
    );
    expect(connections).toBe(0);
    // Not following: the redirect is the answer.
    expect((await outboundFetch(`${from}/start`, {}, { trustedOrigins: [from] })).status).toBe(302);
  });

  it("connects where the development setting allows, and reads the answer", async () => {
    const res = await outboundFetch(`http://127.0.0.1:${port}/`, {}, { allowLocal: true });
    expect(await res.text()).toBe("internal secret");
    expect(connections).toBe(1);
  });

  it("lets a name that does not resolve yet be saved (each request checks where it connects)", async () => {
    await expect(checkHost("https://listing-studio-check.invalid/hook")).resolves.toBeInstanceOf(URL);
  });
});
