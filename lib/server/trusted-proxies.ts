import ipaddr from "ipaddr.js";

/**
 * `TRUSTED_PROXIES`, read once with the rest of the environment: empty (the app faces the
 * internet: the socket is the client), a number of hops (e.g. `1` behind one load balancer), or a
 * comma-separated list of addresses and CIDR ranges of the proxies (e.g. `10.0.0.0/8, 2001:db8::/32`).
 * lib/http/client-address.ts works out who sent a request from it.
 */
export type TrustedProxies = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (!text) return { hops: 0 };
  if (/^\d{1,2}$/.test(text)) return { hops: Number(text) };
  const ranges = text.split(",").map((part) => {
    const item = part.trim();
    try {
      if (item.includes("/")) return ipaddr.parseCIDR(item);
      const address = ipaddr.parse(item);
      return [address, address.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    } catch {
      throw new Error(
        `"${item}" is not an address or a CIDR range (TRUSTED_PROXIES takes a number of hops or a list of ranges)`,
      );
    }
  });
  return { ranges };
}
