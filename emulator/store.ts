import { createHash, randomBytes } from "node:crypto";
import type { EmulatorClient, EmulatorUser } from "./data";

export const CODE_TTL_MS = 5 * 60 * 1000;
export const ACCESS_TTL_S = 3600;
/** A refresh token expires after 60 days unused. */
export const REFRESH_TTL_MS = 60 * 24 * 3600 * 1000;

type Code = {
  clientId: string;
  redirectUri: string;
  userId: number;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
  used: boolean;
};

type Grant = { clientId: string; userId: number; scope: string; expiresAt: number };

export const token = (bytes = 24) => randomBytes(bytes).toString("base64url");

/** In-memory state of the emulator: users, registered clients, codes and tokens. */
export class EmulatorStore {
  readonly users = new Map<number, EmulatorUser>();
  readonly clients = new Map<string, EmulatorClient>();
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  private nextUserId = 1000;
  private nextCompanyId = 90_000;

  constructor(
    users: EmulatorUser[],
    clients: EmulatorClient[],
    readonly now: () => number = Date.now,
  ) {
    for (const u of users) this.users.set(u.id, u);
    for (const c of clients) this.clients.set(c.clientId, c);
  }

  addCompany(name: string, people: { name: string; isAdmin?: boolean }[]): EmulatorUser[] {
    const companyId = this.nextCompanyId++;
    const domain =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || `company-${companyId}`;
    return people.map((p) => {
      const user: EmulatorUser = {
        id: this.nextUserId++,
        name: p.name,
        email: `${p.name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@${domain}.test`,
        companyId,
        companyName: name,
        companyDomain: domain,
        isAdmin: p.isAdmin ?? false,
        locale: "en_US",
        // Companies added by tests answer /users/me as current API versions do.
        accessOnly: true,
      };
      this.users.set(user.id, user);
      return user;
    });
  }

  registerClient(client: EmulatorClient) {
    this.clients.set(client.clientId, client);
  }

  issueCode(c: Omit<Code, "expiresAt" | "used">): string {
    const code = token();
    this.codes.set(code, { ...c, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Returns the code once; a second use (or an expired code) answers why it failed. */
  consumeCode(code: string): Code | "unknown" | "used" | "expired" {
    const found = this.codes.get(code);
    if (!found) return "unknown";
    if (found.used) return "used";
    found.used = true;
    if (found.expiresAt <= this.now()) return "expired";
    return found;
  }

  issueAccessToken(clientId: string, userId: number, scope: string) {
    const access = token(32);
    this.accessTokens.set(access, { clientId, userId, scope, expiresAt: this.now() + ACCESS_TTL_S * 1000 });
    return access;
  }

  issueTokens(clientId: string, userId: number, scope: string) {
    const access = this.issueAccessToken(clientId, userId, scope);
    const refresh = token(32);
    this.refreshTokens.set(refresh, { clientId, userId, scope, expiresAt: this.now() + REFRESH_TTL_MS });
    return { access, refresh };
  }

  /** Statuses to answer instead of the real thing, per client, for tests of failure paths. */
  readonly faults = new Map<string, { token: number[]; usersMe: number[] }>();

  takeFault(clientId: string | undefined, kind: "token" | "usersMe"): number | undefined {
    return clientId ? this.faults.get(clientId)?.[kind].shift() : undefined;
  }

  clientOfAccessToken(access: string): string | undefined {
    return this.accessTokens.get(access)?.clientId;
  }

  userForAccessToken(access: string): EmulatorUser | null {
    const grant = this.accessTokens.get(access);
    if (!grant || grant.expiresAt <= this.now()) return null;
    return this.users.get(grant.userId) ?? null;
  }

  /** Pipedrive does not rotate refresh tokens: a use keeps the token and gives it 60 more days. */
  useRefreshToken(refresh: string, clientId: string): Grant | null {
    const grant = this.refreshTokens.get(refresh);
    if (!grant || grant.clientId !== clientId || grant.expiresAt <= this.now()) return null;
    grant.expiresAt = this.now() + REFRESH_TTL_MS;
    return grant;
  }

  /** Revoking a refresh token uninstalls the app for that user: all its tokens stop working. */
  revoke(tokenValue: string, clientId: string): boolean {
    const grant = this.refreshTokens.get(tokenValue) ?? this.accessTokens.get(tokenValue);
    if (!grant || grant.clientId !== clientId) return false;
    for (const map of [this.accessTokens, this.refreshTokens]) {
      for (const [k, g] of map) if (g.clientId === clientId && g.userId === grant.userId) map.delete(k);
    }
    return true;
  }
}

export function verifyPkce(verifier: string, challenge: string, method: string | null): boolean {
  if ((method ?? "plain") === "plain") return verifier === challenge;
  if (method !== "S256") return false;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}
