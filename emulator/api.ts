import type { ServerResponse } from "node:http";
import type { EmulatorUser } from "./data";
import { escapeHtml } from "./html";
import { sendJson, type Req } from "./http";
import type { EmulatorStore } from "./store";

/** Pipedrive's shape of GET /v1/users/me. */
export function usersMeBody(user: EmulatorUser, origin: string) {
  return {
    success: true,
    data: {
      id: user.id,
      name: user.name,
      default_currency: "EUR",
      locale: user.locale,
      lang: 1,
      email: user.email,
      phone: null,
      activated: true,
      last_login: "2026-11-01 09:00:00",
      created: "2024-01-15 10:00:00",
      modified: "2026-11-01 09:00:00",
      has_created_company: user.isAdmin,
      access: [{ app: "sales", admin: user.isAdmin, permission_set_id: "1" }],
      active_flag: true,
      timezone_name: "Europe/Tallinn",
      timezone_offset: "+02:00",
      role_id: 1,
      icon_url: `${origin}/avatars/${user.id}.svg`,
      is_you: true,
      ...(user.accessOnly ? {} : { is_admin: user.isAdmin ? 1 : 0 }),
      company_id: user.companyId,
      company_name: user.companyName,
      company_domain: user.companyDomain,
      company_country: "EE",
      company_industry: "Software",
      language: { language_code: user.locale.slice(0, 2), country_code: user.locale.slice(3) },
    },
  };
}

export function usersMe(store: EmulatorStore, req: Req, res: ServerResponse, origin: string) {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  const fault = match ? store.takeFault(store.clientOfAccessToken(match[1]!), "usersMe") : undefined;
  if (fault) return sendJson(res, fault, { success: false, error: "The emulator was told to fail this call" });
  const user = match ? store.userForAccessToken(match[1]!) : null;
  if (!user) {
    return sendJson(res, 401, {
      success: false,
      error: "unauthorized access",
      errorCode: 401,
      error_info: "Please check developers.pipedrive.com",
    });
  }
  sendJson(res, 200, usersMeBody(user, origin));
}

const PALETTE = ["#017737", "#3b5bdb", "#c2255c", "#e8590c", "#0c8599", "#6741d9"];

export function avatar(store: EmulatorStore, res: ServerResponse, id: number) {
  const user = store.users.get(id);
  if (!user) {
    res.writeHead(404).end();
    return;
  }
  const letters = user.name
    .split(/\s+/)
    .map((p) => p[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const color = PALETTE[id % PALETTE.length];
  res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" });
  res.end(
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="${color}"/>` +
      `<text x="32" y="40" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${escapeHtml(letters)}</text></svg>`,
  );
}
