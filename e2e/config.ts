/** Ports and secrets of the browser-test run (kept apart from the demo's 3000/4100). */
const appPort = Number(process.env.E2E_APP_PORT ?? 3210);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4210);
const appUrl = `http://localhost:${appPort}`;
const emulatorUrl = `http://localhost:${emulatorPort}`;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 4225);
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? 4226);
const clientId = "listing-studio-e2e";
const clientSecret = "e2e-client-secret";

export const E2E = {
  appPort,
  /** Everything the app server prints during the run; e2e/log-check.ts greps it for secrets afterwards. */
  serverLog: process.env.E2E_SERVER_LOG ?? "data/e2e-server.log",
  appUrl,
  emulatorUrl,
  /** What the app emailed (e2e/mailbox.ts). */
  mailboxUrl: `http://127.0.0.1:${mailboxPort}`,
  mailboxEnv: { E2E_SMTP_PORT: String(smtpPort), E2E_MAILBOX_PORT: String(mailboxPort) },
  emulatorEnv: {
    EMULATOR_PORT: String(emulatorPort),
    EMULATOR_CLIENT_ID: clientId,
    EMULATOR_CLIENT_SECRET: clientSecret,
    EMULATOR_REDIRECT_URI: `${appUrl}/api/auth/callback/pipedrive`,
    EMULATOR_CRM_CLIENT_ID: "listing-studio-crm-e2e",
    EMULATOR_CRM_CLIENT_SECRET: "e2e-crm-client-secret",
    EMULATOR_CRM_REDIRECT_URI: `${appUrl}/api/crm/callback`,
  },
  appEnv: {
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/e2e.db",
    STORAGE_DIR: process.env.STORAGE_DIR ?? "data/e2e-uploads",
    AUTH_URL: appUrl,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    AUTH_PIPEDRIVE_ID: clientId,
    AUTH_PIPEDRIVE_SECRET: clientSecret,
    PIPEDRIVE_CRM_CLIENT_ID: "listing-studio-crm-e2e",
    PIPEDRIVE_CRM_CLIENT_SECRET: "e2e-crm-client-secret",
    ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
    PIPEDRIVE_OAUTH_URL: emulatorUrl,
    PIPEDRIVE_API_URL: emulatorUrl,
    MARKETPLACE_URL: emulatorUrl,
    MARKETPLACE_API_URL: emulatorUrl,
    MARKETPLACE_PACE_MS: "0",
    CRON_SECRET: "e2e-cron-secret-0123456789abcdef",
    // Review requests and surveys are planned and sent every second in the run (a minute by default).
    OUTREACH_INTERVAL_MS: "1000",
    // Notification emails go to the run's own mail server (e2e/mailbox.ts).
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The listings of browser tests use made-up domains and this machine may have no internet:
    // link reachability is covered by unit tests against a local server instead.
    LINK_CHECKS: "off",
    // Webhooks and hand-offs in the specs go to servers the tests start on this machine; the guard's
    // refusals are tested without it (lib/net/outbound.test.ts, lib/security/outbound.test.ts).
    OUTBOUND_ALLOW_LOCAL: "true",
    // Every spec signs in and installs from this one address; the limits themselves are tested
    // route by route (lib/security/rate-limits.test.ts).
    RATE_LIMITS: "signin=5000/60,gateway=5000/60,comment=500/600,events=5000/60",
  },
};
