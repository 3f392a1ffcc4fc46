import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import {
  Agent,
  fetch as undiciFetch,
  type RequestInit as UndiciRequestInit,
  type Response as UndiciResponse,
} from "undici";

/**
 * The one way the server requests a URL someone typed (alert webhooks, gateway hand-offs, link
 * checks, Marketplace pages): https only, and every address it connects to — after DNS, at connect
 * time, on every redirect — must be a public unicast address. Loopback, private, link-local (cloud
 * metadata included), CGNAT, multicast, unique-local, reserved ranges and their IPv4-mapped IPv6
 * forms are refused, and a refusal says only "address not allowed", never what answered there.
 *
 * Origins the operator configured (the Marketplace, Pipedrive) are trusted as they are; a
 * development setting (`OUTBOUND_ALLOW_LOCAL`) lets this machine's own addresses through (a partner
 * developing against a backend on localhost), over plain http too.
 */
export const NOT_ALLOWED = "address not allowed";

export class OutboundRefused extends Error {
  constructor(readonly reason: string = NOT_ALLOWED) {
    super(reason);
    this.name = "OutboundRefused";
  }
}

export type OutboundPolicy = {
  /** This machine's own addresses (loopback) are allowed, over http too (local development and tests only). */
  allowLocal?: boolean;
  /** Origins the operator configured: trusted whatever they resolve to. */
  trustedOrigins?: string[];
  /** How host names are resolved (the system's resolver; tests pass one that answers what they need). */
  lookup?: typeof dnsLookup;
};

/** `::/96`: IPv4-compatible IPv6 (deprecated, RFC 4291), with the unspecified and loopback addresses. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * An address as written by a person or a resolver, in one canonical form: brackets and zone removed,
 * IPv6 written as the URL standard writes it (an embedded dotted quad becomes hex: `::127.0.0.1` is
 * `::7f00:1`, which ipaddr.js would otherwise read as the IPv4-mapped `::ffff:7f00:1`).
 */
function canonicalAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  return isIP(bare) === 6 ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare;
}

/**
 * Whether an address may be connected to: public unicast only. An IPv4-mapped IPv6 address is
 * judged as the IPv4 address it carries; an IPv4-compatible one (`::/96`) is refused outright.
 */
export function isPublicAddress(address: string): boolean {
  const bare = canonicalAddress(address);
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)) return false;
  return ipaddr.process(bare).range() === "unicast";
}

/** A loopback address of this machine (IPv4-mapped forms included). */
export function isLoopbackAddress(address: string): boolean {
  const bare = canonicalAddress(address);
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === "loopback";
}

const isLocalName = (host: string) => host === "localhost" || host.endsWith(".localhost");
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
/** The host is this machine, by name or by address. */
const isLocalHost = (host: string) => isLocalName(host) || (isIP(host) !== 0 && isLoopbackAddress(host));
/** Where a connection may go under this policy. */
const allowedAddress = (policy: OutboundPolicy) => (address: string) =>
  isPublicAddress(address) || (Boolean(policy.allowLocal) && isLoopbackAddress(address));

/** Checks what can be checked without the network: scheme, credentials, a literal address or a local name. */
export function checkUrl(raw: string | URL, policy: OutboundPolicy = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("not a full URL");
  }
  if (policy.trustedOrigins?.includes(url.origin)) return url;
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new OutboundRefused("only https:// addresses are allowed");
  if (url.username || url.password) throw new OutboundRefused("a URL with a user name or password is not allowed");
  const host = hostOf(url);
  const local = isLocalHost(host);
  if (url.protocol === "http:" && !(policy.allowLocal && local))
    throw new OutboundRefused("only https:// addresses are allowed");
  if (local) {
    if (!policy.allowLocal) throw new OutboundRefused();
  } else if (isIP(host) && !isPublicAddress(host)) throw new OutboundRefused();
  return url;
}

/**
 * Resolves a host the way a connection would, and refuses it when any address is not allowed
 * (the check when a URL is saved). A name that does not resolve now is not refused: it may later,
 * and each request checks the address it connects to.
 */
export async function checkHost(raw: string | URL, policy: OutboundPolicy = {}): Promise<URL> {
  const url = checkUrl(raw, policy);
  const host = hostOf(url);
  if (policy.trustedOrigins?.includes(url.origin) || isIP(host) || isLocalName(host)) return url;
  const resolve = policy.lookup ?? dnsLookup;
  const addresses = await new Promise<LookupAddress[]>((ok) =>
    resolve(host, { all: true }, (error, found) => ok(error ? [] : found)),
  );
  if (!addresses.every((a) => allowedAddress(policy)(a.address))) throw new OutboundRefused();
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A connection pool whose DNS lookups refuse any address the policy does not allow, so the address
 * actually connected to is the one checked (no gap for DNS rebinding between check and connect).
 */
function guardedAgent(allowed: (address: string) => boolean, resolve: typeof dnsLookup = dnsLookup) {
  return new Agent({
    connect: {
      lookup(hostname: string, options: { all?: boolean }, callback: LookupCallback) {
        resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
          if (error) return callback(error, "", 0);
          if (addresses.length === 0 || !addresses.every((a) => allowed(a.address)))
            return callback(new OutboundRefused(), "", 0);
          if (options.all) return callback(null, addresses);
          callback(null, addresses[0]!.address, addresses[0]!.family);
        });
      },
    } as object,
  });
}
const publicOnly = guardedAgent(isPublicAddress);
const publicOrLoopback = guardedAgent((address) => isPublicAddress(address) || isLoopbackAddress(address));
const trustedAgent = new Agent();

export type OutboundInit = Omit<UndiciRequestInit, "redirect" | "dispatcher"> & {
  /** Redirects to follow, each checked like the first URL (0: a redirect is an answer). */
  maxRedirects?: number;
};

/** Whether an error (or its cause) is the guard's refusal. */
export function refusalOf(error: unknown): OutboundRefused | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof OutboundRefused) return e;
  }
  return null;
}

/**
 * Fetches a URL under the guard. Redirects are followed by hand (`maxRedirects`, default none),
 * each hop checked; a refusal throws `OutboundRefused` before anything is sent to that address.
 */
export async function outboundFetch(
  raw: string | URL,
  init: OutboundInit = {},
  policy: OutboundPolicy = {},
): Promise<UndiciResponse> {
  const { maxRedirects = 0, ...rest } = init;
  let url = checkUrl(raw, policy);
  for (let hop = 0; ; hop++) {
    const dispatcher = policy.trustedOrigins?.includes(url.origin)
      ? trustedAgent
      : policy.lookup
        ? guardedAgent(allowedAddress(policy), policy.lookup)
        : policy.allowLocal
          ? publicOrLoopback
          : publicOnly;
    // A literal address is connected to without a lookup: it was judged by checkUrl.
    let res: UndiciResponse;
    try {
      res = await undiciFetch(url, { ...rest, redirect: "manual", dispatcher });
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) throw refused;
      throw error;
    }
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location || hop >= maxRedirects) return res;
    await res.body?.cancel();
    url = checkUrl(new URL(location, url), policy);
  }
}
