import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/config";

/** Debian's Chromium on these machines; Playwright's own browser where one is installed. */
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // A test takes at most 45 s on the slowest machine it was run on, and CI can be twice as slow: the
  // default budget is 90 s; a longer journey says its own budget (`test.setTimeout`) and why. Waits
  // are for what a person would see (web-first assertions and polls), never fixed sleeps.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: E2E.appUrl,
    // Browsers send Origin with every POST, PUT and DELETE; the test API client does not, so it says
    // it here (state-changing routes refuse requests from other origins: e2e/origin.spec.ts).
    extraHTTPHeaders: { origin: E2E.appUrl },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  globalTeardown: "./e2e/log-check.ts",
  webServer: [
    {
      command: "tsx e2e/mailbox.ts",
      url: `${E2E.mailboxUrl}/health`,
      env: E2E.mailboxEnv,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "tsx emulator/cli.ts",
      url: `${E2E.emulatorUrl}/__emulator/health`,
      env: E2E.emulatorEnv,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `next start -p ${E2E.appPort} > "${E2E.serverLog}" 2>&1`,
      url: E2E.appUrl,
      env: E2E.appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
    },
  ],
});
