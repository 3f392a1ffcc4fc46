import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

const file = setupTestDatabase();
const { db } = await import("@/lib/db");
const { listingStudioAdapter, hashSessionToken } = await import("./adapter");
const adapter = listingStudioAdapter(db);

const profile = (companyId: number, userId: number, email = "same@person.test") => ({
  id: crypto.randomUUID(),
  name: `User ${userId}`,
  email,
  emailVerified: null,
  image: null,
  pipedriveCompanyId: companyId,
  pipedriveUserId: userId,
  locale: "en_US",
  isPipedriveAdmin: false,
});

let userId: string;

beforeAll(async () => {
  const user = await adapter.createUser!(profile(1, 10));
  userId = user.id;
});

describe("listingStudioAdapter", () => {
  it("stores only the hash of a session token, and finds the session by the token", async () => {
    const token = "raw-session-token-value";
    await adapter.createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + 60_000) });

    const raw = new Database(file, { readonly: true });
    const stored = raw.prepare("SELECT sessionToken FROM Session").all() as { sessionToken: string }[];
    raw.close();
    expect(stored.map((r) => r.sessionToken)).toEqual([hashSessionToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const found = await adapter.getSessionAndUser!(token);
    expect(found?.session.sessionToken).toBe(token);
    expect(found?.user.id).toBe(userId);
    expect(await adapter.getSessionAndUser!(hashSessionToken(token))).toBeNull();
  });

  it("deletes a session by its token, and tolerates deleting it twice", async () => {
    const token = "to-be-deleted";
    await adapter.createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + 60_000) });
    await adapter.deleteSession!(token);
    await adapter.deleteSession!(token);
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("never links accounts by email: the same email in two companies is two users", async () => {
    expect(await adapter.getUserByEmail!("same@person.test")).toBeNull();
    const other = await adapter.createUser!(profile(2, 10));
    expect(other.id).not.toBe(userId);
  });

  it("drops Pipedrive access and refresh tokens when linking an account", async () => {
    await adapter.linkAccount!({
      userId,
      type: "oauth",
      provider: "pipedrive",
      providerAccountId: "1:10",
      access_token: "secret-access",
      refresh_token: "secret-refresh",
      scope: "base",
      token_type: "bearer",
    });
    const raw = new Database(file, { readonly: true });
    const dump = JSON.stringify(raw.prepare("SELECT * FROM Account").all());
    raw.close();
    expect(dump).not.toContain("secret-access");
    expect(dump).not.toContain("secret-refresh");
    expect((await adapter.getUserByAccount!({ provider: "pipedrive", providerAccountId: "1:10" }))?.id).toBe(userId);
  });

  it("refuses to create a user without a Pipedrive identity", async () => {
    await expect(
      adapter.createUser!({ id: "x", email: "a@b.test", emailVerified: null, name: "No Pipedrive" }),
    ).rejects.toThrow(/Pipedrive profile/);
  });
});
