import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Equal strings, in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string) {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Headers of a delivery to a partner's backend: `X-Listing-Studio-Signature: t=<unix s>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, "<t>.<body>"). The receiver recomputes it and rejects old timestamps.
 */
export function signDelivery(body: string, secret: string, now = Date.now()) {
  const t = Math.floor(now / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return { "x-listing-studio-signature": `t=${t},v1=${v1}` };
}
