import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Builds one database from the committed migrations (tests copy it instead of migrating again),
 * and the share page renderer as `npm run build` does (scripts/share-build.ts).
 */
export default async function setup(project: TestProject) {
  const { buildShareRenderer } = await import("../../scripts/share-build");
  await buildShareRenderer();
  const dir = mkdtempSync(join(tmpdir(), "listing-studio-unit-"));
  const file = join(dir, "template.db");
  execFileSync(join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
