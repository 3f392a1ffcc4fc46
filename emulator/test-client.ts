import { afterAll } from "vitest";
import { startEmulator } from "./server";

/** The app the emulator's tests register, with a secret that needs escaping in HTTP Basic. */
export const CLIENT = {
  clientId: "client-1",
  clientSecret: "s3cret:with+chars",
  redirectUris: ["http://localhost:3999/callback"],
  name: "Test App",
  builtBy: "Tester",
  scopes: ["base", "deals:read"],
};
export const REDIRECT = CLIENT.redirectUris[0]!;

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/**
 * An emulator for the calling test file, with CLIENT registered and a clock the tests move
 * (`clock.now`), and the OAuth calls CLIENT makes to it.
 */
export async function startTestEmulator() {
  const clock = { now: Date.now() };
  const emu = await startEmulator({ clients: [CLIENT], now: () => clock.now });
  afterAll(() => emu.close());

  async function authorize(extra: Record<string, string> = {}, decision = "allow", userId = "101") {
    const body = new URLSearchParams({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      state: "st-1",
      code_challenge: "",
      code_challenge_method: "",
      decision,
      user_id: userId,
      ...extra,
    });
    const res = await fetch(`${emu.url}/oauth/authorize`, { method: "POST", body, redirect: "manual" });
    return new URL(res.headers.get("location")!);
  }

  async function token(params: Record<string, string>, auth = basic(CLIENT.clientId, CLIENT.clientSecret)) {
    const res = await fetch(`${emu.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const exchange = (code: string, extra: Record<string, string> = {}) =>
    token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, ...extra });

  return { emu, clock, authorize, token, exchange };
}
