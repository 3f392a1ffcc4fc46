import { describe, expect, it } from "vitest";
import { pipedriveProvider, usersMeUrl } from "./pipedrive-provider";

const API = "https://api.pipedrive.com";

describe("usersMeUrl", () => {
  it("uses the company's Pipedrive api_domain", () => {
    expect(usersMeUrl("https://acme.pipedrive.com", API)).toBe("https://acme.pipedrive.com/api/v1/users/me");
  });
  it("uses the configured API host (the emulator) when it is the api_domain", () => {
    expect(usersMeUrl("http://localhost:4100", "http://localhost:4100")).toBe("http://localhost:4100/api/v1/users/me");
  });
  it.each([
    "https://evil.test",
    "http://acme.pipedrive.com",
    "https://pipedrive.com.evil.test",
    "not a url",
    undefined,
    42,
  ])("falls back to the configured host for an untrusted api_domain %s", (domain) => {
    expect(usersMeUrl(domain, API)).toBe("https://api.pipedrive.com/api/v1/users/me");
  });
});

describe("pipedriveProvider", () => {
  const provider = pipedriveProvider({
    clientId: "id",
    clientSecret: "secret",
    oauthUrl: "http://localhost:4100",
    apiUrl: API,
  });

  it("points authorize and token at the configured OAuth host, with state and PKCE", () => {
    expect(provider.authorization).toMatchObject({ url: "http://localhost:4100/oauth/authorize" });
    expect(provider.token).toBe("http://localhost:4100/oauth/token");
    expect(provider.checks).toEqual(["pkce", "state"]);
  });

  it("keys the account on company_id and user_id", async () => {
    const user = await provider.profile!(
      { data: { id: 7, company_id: 3, name: "N", email: "n@x.test", company_name: "C", is_admin: 1 } },
      {},
    );
    expect(user).toMatchObject({
      id: "3:7",
      pipedriveCompanyId: 3,
      pipedriveUserId: 7,
      isPipedriveAdmin: true,
      email: "n@x.test",
    });
  });
});
