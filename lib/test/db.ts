import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

/**
 * Points this test file at its own copy of the migrated template database. Call it before
 * importing anything that uses `@/lib/db` (import those modules dynamically).
 */
export function setupTestDatabase(): string {
  const file = join(mkdtempSync(join(tmpdir(), "listing-studio-test-")), "test.db");
  copyFileSync(inject("templateDatabase"), file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
