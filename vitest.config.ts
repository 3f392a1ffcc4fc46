import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: root("./lib/test/server-only.ts") },
      { find: /^@\//, replacement: root("./") },
    ],
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.ts",
      "components/**/*.test.tsx",
      "emulator/**/*.test.ts",
      "prisma/**/*.test.ts",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
      "e2e/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["lib/test/global-setup.ts"],
    // Tests that check logs capture them (lib/server/log.test.ts); the rest would only be noise.
    // The Marketplace reader's pacing is tested on its own (lib/marketplace/fetch-page.test.ts).
    env: { LOG_LEVEL: "silent", MARKETPLACE_PACE_MS: "0" },
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    // Hooks that seed the demo or start servers get the same budget as a test (a slow machine takes several seconds).
    hookTimeout: 30_000,
  },
});
