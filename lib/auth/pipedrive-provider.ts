import Pipedrive from "next-auth/providers/pipedrive";
import type { OAuthConfig } from "next-auth/providers";
import { parseUsersMe } from "@/lib/pipedrive/users-me";

export type PipedriveUserFields = {
  pipedriveCompanyId: number;
  pipedriveUserId: number;
  locale: string | null;
  isPipedriveAdmin: boolean;
};

type Options = { clientId: string; clientSecret: string; oauthUrl: string; apiUrl: string };

/**
 * Pipedrive returns the company's own API host as `api_domain` with the tokens. Use it only
 * when it is a Pipedrive host (or the configured API host), never an arbitrary URL.
 */
export function usersMeUrl(apiDomain: unknown, apiUrl: string): string {
  let base = apiUrl;
  if (typeof apiDomain === "string" && URL.canParse(apiDomain)) {
    const domain = new URL(apiDomain);
    const trusted =
      (domain.protocol === "https:" &&
        (domain.hostname === "pipedrive.com" || domain.hostname.endsWith(".pipedrive.com"))) ||
      domain.origin === new URL(apiUrl).origin;
    if (trusted) base = domain.origin;
  }
  return `${base}/api/v1/users/me`;
}

export function pipedriveProvider(o: Options): OAuthConfig<Record<string, unknown>> {
  const provider = Pipedrive({ clientId: o.clientId, clientSecret: o.clientSecret }) as OAuthConfig<
    Record<string, unknown>
  >;
  return {
    ...provider,
    authorization: { url: `${o.oauthUrl}/oauth/authorize`, params: { scope: "" } },
    token: `${o.oauthUrl}/oauth/token`,
    userinfo: {
      url: `${o.apiUrl}/api/v1/users/me`,
      async request({ tokens }: { tokens: { access_token?: string; api_domain?: unknown } }) {
        const res = await fetch(usersMeUrl(tokens.api_domain, o.apiUrl), {
          headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" },
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`Pipedrive /users/me answered ${res.status}`);
        return (await res.json()) as Record<string, unknown>;
      },
    },
    checks: ["pkce", "state"],
    profile(raw) {
      const identity = parseUsersMe(raw);
      const user: PipedriveUserFields & { id: string; name: string; email: string | null; image: string | null } = {
        id: identity.accountId,
        name: identity.name,
        email: identity.email,
        image: identity.image,
        pipedriveCompanyId: identity.companyId,
        pipedriveUserId: identity.userId,
        locale: identity.locale,
        isPipedriveAdmin: identity.isAdmin,
      };
      return user;
    },
  };
}
