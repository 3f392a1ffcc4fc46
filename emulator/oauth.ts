import type { ServerResponse } from "node:http";
import { consentPage, errorPage, type ConsentParams } from "./consent-page";
import { basicCredentials, oauthError, readForm, redirect, sendHtml, sendJson, type Req } from "./http";
import { ACCESS_TTL_S, verifyPkce, type EmulatorStore } from "./store";

const withParams = (base: string, params: Record<string, string>) => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return url.toString();
};

/** Checks client_id and the exact redirect_uri; a bad one is shown, never redirected to (RFC 6749 §4.1.2.1). */
function checkClient(store: EmulatorStore, res: ServerResponse, params: URLSearchParams) {
  const client = store.clients.get(params.get("client_id") ?? "");
  if (!client) {
    sendHtml(res, 400, errorPage("Invalid client", "The client_id is not registered with this Pipedrive app."));
    return null;
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri)) {
    sendHtml(res, 400, errorPage("Invalid redirect_uri", "The redirect_uri does not match the app's callback URL."));
    return null;
  }
  return { client, redirectUri };
}

export function authorizeGet(store: EmulatorStore, req: Req, res: ServerResponse, url: URL) {
  const checked = checkClient(store, res, url.searchParams);
  if (!checked) return;
  const state = url.searchParams.get("state") ?? "";
  const responseType = url.searchParams.get("response_type");
  if (responseType && responseType !== "code") {
    return redirect(res, withParams(checked.redirectUri, { error: "unsupported_response_type", state }));
  }
  const method = url.searchParams.get("code_challenge_method") ?? "";
  if (method && method !== "S256" && method !== "plain") {
    return redirect(res, withParams(checked.redirectUri, { error: "invalid_request", state }));
  }
  const params: ConsentParams = {
    client_id: checked.client.clientId,
    redirect_uri: checked.redirectUri,
    state,
    code_challenge: url.searchParams.get("code_challenge") ?? "",
    code_challenge_method: method,
  };
  sendHtml(res, 200, consentPage(checked.client, [...store.users.values()], params));
}

export async function authorizePost(store: EmulatorStore, req: Req, res: ServerResponse) {
  const form = await readForm(req);
  const checked = checkClient(store, res, form);
  if (!checked) return;
  const state = form.get("state") ?? "";
  if (form.get("decision") !== "allow") {
    return redirect(res, withParams(checked.redirectUri, { error: "user_denied", state }));
  }
  const user = store.users.get(Number(form.get("user_id")));
  if (!user) return sendHtml(res, 400, errorPage("Pick a user", "Choose the Pipedrive user to sign in as."));
  const code = store.issueCode({
    clientId: checked.client.clientId,
    redirectUri: checked.redirectUri,
    userId: user.id,
    codeChallenge: form.get("code_challenge") || null,
    codeChallengeMethod: form.get("code_challenge_method") || null,
  });
  redirect(res, withParams(checked.redirectUri, { code, state }));
}

export async function tokenPost(store: EmulatorStore, req: Req, res: ServerResponse, origin: string) {
  // Pipedrive answers every token error with HTTP 400 and an OAuth error code, invalid_client included.
  const creds = basicCredentials(req);
  if (!creds) return oauthError(res, 400, "invalid_client", "Client authentication with HTTP Basic is required");
  const client = store.clients.get(creds.id);
  if (!client || client.clientSecret !== creds.secret) {
    return oauthError(res, 400, "invalid_client", "Unknown client or wrong client secret");
  }
  const fault = store.takeFault(client.clientId, "token");
  if (fault)
    return sendJson(res, fault, {
      error: "server_error",
      error_description: "The emulator was told to fail this call",
    });
  const form = await readForm(req);
  const grantType = form.get("grant_type");
  let userId: number;
  let scope: string;
  let keptRefresh: string | null = null;

  if (grantType === "authorization_code") {
    const result = store.consumeCode(form.get("code") ?? "");
    if (result === "unknown") return oauthError(res, 400, "invalid_grant", "Unknown authorization code");
    if (result === "used") return oauthError(res, 400, "invalid_grant", "Authorization code already used");
    if (result === "expired") return oauthError(res, 400, "invalid_grant", "Authorization code expired");
    if (result.clientId !== client.clientId)
      return oauthError(res, 400, "invalid_grant", "Code was issued to another client");
    if (form.get("redirect_uri") !== result.redirectUri) {
      return oauthError(res, 400, "invalid_grant", "redirect_uri does not match the authorization request");
    }
    if (result.codeChallenge) {
      const verifier = form.get("code_verifier");
      if (!verifier) return oauthError(res, 400, "invalid_request", "code_verifier is required");
      if (!verifyPkce(verifier, result.codeChallenge, result.codeChallengeMethod)) {
        return oauthError(res, 400, "invalid_grant", "PKCE verification failed");
      }
    }
    userId = result.userId;
    scope = client.scopes.join(",");
  } else if (grantType === "refresh_token") {
    const grant = store.useRefreshToken(form.get("refresh_token") ?? "", client.clientId);
    if (!grant) return oauthError(res, 400, "invalid_grant", "Invalid or expired refresh token");
    userId = grant.userId;
    scope = grant.scope;
    keptRefresh = form.get("refresh_token");
  } else {
    return oauthError(res, 400, "unsupported_grant_type", `Unsupported grant_type: ${grantType ?? "(none)"}`);
  }

  // A refresh answers a new access token and the same refresh token (its life extended), as Pipedrive does.
  const { access, refresh } = keptRefresh
    ? { access: store.issueAccessToken(client.clientId, userId, scope), refresh: keptRefresh }
    : store.issueTokens(client.clientId, userId, scope);
  sendJson(res, 200, {
    access_token: access,
    token_type: "bearer",
    refresh_token: refresh,
    scope,
    expires_in: ACCESS_TTL_S,
    api_domain: origin,
  });
}

export async function revokePost(store: EmulatorStore, req: Req, res: ServerResponse) {
  const creds = basicCredentials(req);
  const client = creds && store.clients.get(creds.id);
  if (!client || client.clientSecret !== creds.secret) {
    return oauthError(res, 401, "invalid_client", "Unknown client or wrong client secret");
  }
  const form = await readForm(req);
  const value = form.get("token");
  if (!value) return oauthError(res, 400, "invalid_request", "token is required");
  store.revoke(value, client.clientId);
  // RFC 7009: an unknown token is not an error.
  sendJson(res, 200, { success: true });
}
