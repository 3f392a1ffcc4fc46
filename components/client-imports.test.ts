import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What a page's browser code pulls in at first load. zod (about 30 kB gzip) reaches the browser
 * only through a dynamic import (components/forms/lazy-resolver.ts, components/listing/lazy-modules.ts):
 * a value import of a module that imports it, from any client component, would put it in the
 * page's first load (as `LISTING_ONLY_FIELDS` from lib/listing/schema.ts once did in the editor).
 * Server actions (`"use server"`) reach the browser as references only, so the walk stops there.
 */
const root = process.cwd();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? files(path)
      : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)
        ? [path]
        : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? join(root, spec.slice(2))
    : spec.startsWith(".")
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The chain of static value imports from `file` to a module importing `pkg`, or null. */
function chainTo(pkg: string, file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (/^["']use server["']/.test(source.trimStart())) return null;
  for (const match of source.matchAll(/^import\s+(type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (match[1]) continue;
    // `import { type A, type B } from` imports nothing at run time either.
    const clause = /^import\s+\{([^}]*)\}\s+from/.exec(match[0])?.[1];
    if (clause && clause.split(",").every((name) => name.trim() === "" || name.trim().startsWith("type "))) continue;
    if (match[2] === pkg) return [relative(root, file)];
    const next = resolveImport(file, match[2]!);
    const chain = next ? chainTo(pkg, next, seen) : null;
    if (chain) return [relative(root, file), ...chain];
  }
  return null;
}

const clientComponents = [...files(join(root, "components")), ...files(join(root, "app"))].filter((file) =>
  /^["']use client["']/.test(readFileSync(file, "utf8").trimStart()),
);

describe("client components", () => {
  it("finds the client components", () => {
    expect(clientComponents.length).toBeGreaterThan(30);
  });

  it.each(clientComponents.map((file) => [relative(root, file), file]))(
    "%s does not load zod at first load",
    (_name, file) => {
      expect(chainTo("zod", file)).toBeNull();
    },
  );
});
