import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const prodSecrets = {
  AUTH_SECRET: "x".repeat(32),
  AUTH_PIPEDRIVE_ID: "client-id",
  AUTH_PIPEDRIVE_SECRET: "client-secret",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("parseEnv", () => {
  it("defaults to Pipedrive's real hosts and a local SQLite file", () => {
    const env = parseEnv({});
    expect(env.PIPEDRIVE_OAUTH_URL).toBe("https://oauth.pipedrive.com");
    expect(env.PIPEDRIVE_API_URL).toBe("https://api.pipedrive.com");
    expect(env.DATABASE_URL).toBe("file:./data/dev.db");
    expect(env.isProduction).toBe(false);
  });

  it("falls back to development credentials outside production", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.AUTH_PIPEDRIVE_ID).toBe("listing-studio-dev");
  });

  it("names every missing secret in production", () => {
    try {
      parseEnv({ NODE_ENV: "production", AUTH_PIPEDRIVE_ID: "id" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      expect((e as EnvError).problems).toEqual([
        "missing required variables: AUTH_SECRET, AUTH_PIPEDRIVE_SECRET, ENCRYPTION_KEY",
      ]);
    }
  });

  it("treats blank values as missing", () => {
    expect(() => parseEnv({ NODE_ENV: "production", ...prodSecrets, AUTH_PIPEDRIVE_SECRET: "  " })).toThrow(
      /AUTH_PIPEDRIVE_SECRET/,
    );
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_URL: "https://studio.example.com/", ...prodSecrets });
    expect(env.isProduction).toBe(true);
    expect(env.AUTH_URL).toBe("https://studio.example.com");
    expect(env.secureCookies).toBe(true);
  });

  it("requires https for a public production URL, allows http on localhost", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_URL: "http://studio.example.com", ...prodSecrets })).toThrow(
      /AUTH_URL must use https/,
    );
    const local = parseEnv({ NODE_ENV: "production", AUTH_URL: "http://localhost:3000", ...prodSecrets });
    expect(local.secureCookies).toBe(false);
  });

  it("rejects a short secret and malformed URLs with the variable's name", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ PIPEDRIVE_API_URL: "not a url" })).toThrow(/PIPEDRIVE_API_URL/);
    expect(() => parseEnv({ PIPEDRIVE_OAUTH_URL: "ftp://x.example" })).toThrow(/PIPEDRIVE_OAUTH_URL/);
  });

  it("requires a 32-byte encryption key", () => {
    expect(() => parseEnv({ ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(
      /ENCRYPTION_KEY must be 32 bytes/,
    );
    expect(Buffer.from(parseEnv({}).ENCRYPTION_KEY, "base64")).toHaveLength(32);
  });

  it("strips trailing slashes from base URLs", () => {
    expect(parseEnv({ PIPEDRIVE_API_URL: "http://localhost:4100/" }).PIPEDRIVE_API_URL).toBe("http://localhost:4100");
  });

  it("refuses rate-limit overrides it cannot apply, naming what is wrong", () => {
    expect(parseEnv({ RATE_LIMITS: "share=1200/60, events=10/0.5" }).RATE_LIMITS).toBe("share=1200/60, events=10/0.5");
    expect(() => parseEnv({ RATE_LIMITS: "shares=1200/60" })).toThrow(
      /RATE_LIMITS: "shares=1200\/60" is not name=points\/seconds with a name among signin, share/,
    );
    expect(() => parseEnv({ RATE_LIMITS: "share=0/60" })).toThrow(/needs at least 1 point/);
  });
});
