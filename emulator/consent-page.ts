import scopes from "../lib/pipedrive/scopes.json" with { type: "json" };
import type { EmulatorClient, EmulatorUser } from "./data";
import { escapeHtml as e } from "./html";

const scopeLabel = (id: string) => scopes.scopes.find((s) => s.id === id)?.label ?? id;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f5f7;color:#192435}
.bar{background:#fff;border-bottom:1px solid #e3e6ea;padding:14px 24px;font-weight:700;font-size:18px;letter-spacing:-.01em}
.bar span{color:#017737}
main{max-width:560px;margin:40px auto;background:#fff;border:1px solid #e3e6ea;border-radius:12px;padding:32px}
.app{display:flex;gap:16px;align-items:center;margin-bottom:24px}
.icon{width:56px;height:56px;border-radius:12px;background:#26292c;color:#fff;display:grid;place-items:center;font-weight:700;font-size:20px}
h1{font-size:20px;margin:0}.muted{color:#6a7178;font-size:14px;margin:4px 0 0}
h2{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#6a7178;margin:24px 0 8px}
ul.scopes{margin:0;padding-left:20px;line-height:1.7}
fieldset{border:0;padding:0;margin:0}
label.user{display:flex;gap:10px;align-items:center;padding:10px 12px;border:1px solid #e3e6ea;border-radius:8px;margin-bottom:8px;cursor:pointer}
label.user:has(input:checked){border-color:#017737;background:#f1faf4}
.actions{display:flex;gap:12px;justify-content:flex-end;margin-top:28px}
button{font:inherit;font-weight:600;border-radius:8px;padding:10px 18px;cursor:pointer;border:1px solid #c7ccd1;background:#fff}
button.primary{background:#017737;border-color:#017737;color:#fff}
button:focus-visible,input:focus-visible{outline:3px solid #5b9cf5;outline-offset:2px}
.note{font-size:13px;color:#6a7178;margin-top:20px}`;

export type ConsentParams = Record<
  "client_id" | "redirect_uri" | "state" | "code_challenge" | "code_challenge_method",
  string
>;

export function consentPage(client: EmulatorClient, users: EmulatorUser[], params: ConsentParams): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${e(v)}">`)
    .join("");
  const userOptions = users
    .map(
      (u, i) => `<label class="user"><input type="radio" name="user_id" value="${u.id}"${i === 0 ? " checked" : ""}>
<span><strong>${e(u.name)}</strong>${u.isAdmin ? " (admin)" : ""}<br><span class="muted">${e(u.email)} · ${e(u.companyName)}</span></span></label>`,
    )
    .join("");
  const scopeItems = client.scopes.map((s) => `<li>${e(scopeLabel(s))}</li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Install ${e(client.name)} – Pipedrive</title><style>${STYLE}</style></head><body>
<div class="bar">pipedrive <span>emulator</span></div>
<main>
<div class="app"><div class="icon" aria-hidden="true">${e(initials(client.name))}</div>
<div><h1>${e(client.name)}</h1><p class="muted">Built by ${e(client.builtBy)}</p></div></div>
<p>${e(client.name)} is requesting access to your Pipedrive account.</p>
<form method="post" action="/oauth/authorize">${hidden}
<h2>Sign in as</h2><fieldset><legend class="muted" style="margin-bottom:8px">Pick a Pipedrive user of the emulator</legend>${userOptions}</fieldset>
<h2>This app will be able to</h2><ul class="scopes">${scopeItems}</ul>
<div class="actions"><button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="allow" class="primary">Allow and install</button></div>
</form>
<p class="note">By installing, you agree to share the data above with ${e(client.builtBy)}.</p>
</main></body></html>`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><div class="bar">pipedrive <span>emulator</span></div><main><h1>${e(title)}</h1><p>${e(message)}</p></main></body></html>`;
}
