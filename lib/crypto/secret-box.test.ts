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

describe("key ids", () => {
  it("are derived from the key, and a value says which key sealed it", async () => {
    const { keyIdOf, sealedKeyId } = await import("./secret-box");
    const raw = randomBytes(32).toString("base64");
    const k = parseKey(raw, keyIdOf(raw));
    expect(k.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(sealedKeyId(seal("x", k))).toBe(k.id);
    expect(sealedKeyId("plain")).toBeNull();
  });

  it("a value sealed before ids were derived (k1) opens with whichever configured key sealed it", () => {
    const legacy = parseKey(randomBytes(32).toString("base64"));
    const other = parseKey(randomBytes(32).toString("base64"), "other123");
    const sealed = seal("old secret", legacy, "ctx");
    expect(open(sealed, [other, { ...legacy, id: "newid123" }], "ctx")).toBe("old secret");
    expect(() => open(sealed, [other], "ctx")).toThrow(SecretBoxError);
  });
});
