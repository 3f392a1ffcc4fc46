import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseKey, seal, SecretBoxError } from "./secret-box";

const key = parseKey(randomBytes(32).toString("base64"));

describe("secret box", () => {
  it("round-trips a secret and never stores it in clear", () => {
    const sealed = seal("client-secret-123", key, "app:1");
    expect(sealed).not.toContain("client-secret-123");
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(open(sealed, [key], "app:1")).toBe("client-secret-123");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });

  it("refuses a wrong key, a wrong context and a tampered value", () => {
    const sealed = seal("s", key, "app:1");
    const other = parseKey(randomBytes(32).toString("base64"));
    expect(() => open(sealed, [other], "app:1")).toThrow(SecretBoxError);
    expect(() => open(sealed, [key], "app:2")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => open(parts.join("."), [key], "app:1")).toThrow(SecretBoxError);
    expect(() => open("garbage", [key])).toThrow(/Not a sealed secret/);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => parseKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
