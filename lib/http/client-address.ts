import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import type { TrustedProxies } from "@/lib/server/trusted-proxies";
import { LRUCache } from "lru-cache";

/**
 * Who sent a request, for rate limits and logs: the address of the socket, unless the operator
 * says which proxies stand in front (`TRUSTED_PROXIES`), in which case it is the right-most
 * address of `X-Forwarded-For` that is not one of them. A header the client writes itself is
 * never believed on its own (`TRUSTED_PROXIES`: lib/server/trusted-proxies.ts). No server-only
 * import: the share page's Pages Router route uses it.
 */

/** The header the server stamps on each request with the client address it worked out (clients' copies are dropped). */
export const CLIENT_HEADER = "x-listing-studio-client";

/**
 * The canonical form of an address, or null. Parsing an address costs more than the rest of a
 * share page's request, and the same few addresses come back on every request of a connection:
 * results are remembered (the NORMALISED_MAX most recently used; "" for an address that is not one).
 */
const NORMALISED_MAX = 10_000;
const normalised = new LRUCache<string, string>({ max: NORMALISED_MAX });
const normalise = (address: string) => {
  const known = normalised.get(address);
  if (known !== undefined) return known || null;
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const result = ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : null;
  normalised.set(address, result ?? "");
  return result;
};

/**
 * The group a client address is counted in by rate limits and the install funnel: an IPv4 address
 * alone, an IPv6 address by its /64 — one subscriber's network, in which a client can take a new
 * address for every request at no cost. Anything else is its own group.
 */
export function addressGroup(address: string): string {
  if (!address.includes(":") || !ipaddr.IPv6.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts;
  return `${parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":")}::/64`;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  if (!("ranges" in trusted)) return false;
  const parsed = ipaddr.process(address);
  return trusted.ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/** The client of a request that came in on `socketAddress` carrying `forwardedFor`. */
export function clientFrom(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const socket = socketAddress ? normalise(socketAddress) : null;
  if (!socket) return "unknown";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // Nearest hop last: what each proxy appended, then the socket.
  const chain = [
    ...header
      .split(",")
      .map((a) => normalise(a))
      .filter((a): a is string => a !== null),
    socket,
  ];
  if ("hops" in trusted) return chain[Math.max(0, chain.length - 1 - trusted.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrusted(chain[i]!, trusted)) return chain[i]!;
  return chain[0]!;
}

/** Works out the request's client from its socket and stamps it, replacing any copy the client sent. */
export function stampClient(request: IncomingMessage, trusted: TrustedProxies) {
  request.headers[CLIENT_HEADER] = clientFrom(
    request.socket?.remoteAddress,
    request.headers["x-forwarded-for"],
    trusted,
  );
}

/** An answer given before the framework sees a request (and reads its body). */
export type EarlyAnswer = { status: number; body: unknown };

const REASONS: Record<number, string> = { 411: "Length Required", 413: "Payload Too Large" };
/** How long a refused request's client gets to read the answer while what it still sends is dropped. */
const LINGER_MS = 2_000;
/** What is dropped at most before the connection is cut (a client that does not stop when answered). */
const LINGER_BYTES = 8_000_000;

/**
 * The answer, then a lingering close: the connection is half-closed and what the client still sends is dropped
 * unread for a moment. Closing at once with its body still arriving would reset the connection, and a reset makes
 * the client lose the answer it had not read yet.
 */
function answerEarly(request: IncomingMessage, answer: EarlyAnswer) {
  const body = JSON.stringify(answer.body);
  const socket = request.socket;
  socket.end(
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ""}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  let dropped = 0;
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) socket.destroy();
  });
  request.on("error", () => socket.destroy());
  request.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * Stamps every request a Node HTTP server of this process receives, before any handler sees it
 * (the framework gives route handlers no socket), and answers at once the ones `refuse` refuses —
 * with `Connection: close`; their bodies are never held (what still arrives is dropped, see `answerEarly`).
 * Installed once, at server start.
 */
export function stampClientsOfThisProcess(
  trusted: TrustedProxies,
  servers: { prototype: { emit: (...args: never[]) => boolean } }[],
  refuse: (request: IncomingMessage) => EarlyAnswer | null = () => null,
) {
  for (const server of servers) {
    const proto = server.prototype as {
      emit: (this: unknown, event: string, ...args: unknown[]) => boolean;
      __stamped?: boolean;
    };
    if (Object.prototype.hasOwnProperty.call(proto, "__stamped")) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        stampClient(request, trusted);
        const answer = refuse(request);
        if (answer) {
          answerEarly(request, answer);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    proto.__stamped = true;
  }
}
