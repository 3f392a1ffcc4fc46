import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs, tried on probe files that are never written to disk: each
 * way round a layer seen so far (relative paths, dynamic imports, the root files, scripts, one route
 * reaching into another) is refused, and ordinary imports pass.
 */
const eslint = new ESLint();
/** The route a probe reaches for, spelled in parts so this file itself imports nothing from app/. */
const ROUTE = ["app", "api", "health", "route"].join("/");

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => /restricted/.test(m.ruleId ?? "")).map((m) => m.ruleId);
}

describe("the layer rules", () => {
  it.each([
    ["components/probe.tsx", 'import { db } from "../lib/db";\nexport const x = db;'],
    ["components/apps/probe.tsx", 'import { db } from "../../lib/db/index";\nexport const x = db;'],
    ["components/probe.tsx", 'export const load = () => import("@/lib/db");'],
    ["components/probe.tsx", 'export const load = () => import("../lib/generated/prisma/client");'],
    ["app/(dashboard)/probe/page.tsx", 'export const load = () => import("@/lib/db");'],
    ["app/(dashboard)/probe/page.tsx", 'import { GET } from "../../api/health/route";\nexport const x = GET;'],
    ["app/(dashboard)/probe/page.tsx", `import { GET } from "@/${ROUTE}";\nexport const x = GET;`],
    ["app/(dashboard)/probe/page.tsx", 'export const load = () => import("../other/page");'],
    ["lib/probe/probe.ts", 'export const load = () => import("@/components/ui/button");'],
    ["lib/probe/probe.ts", `export const load = () => import("@/${ROUTE}");`],
    ["proxy.ts", 'import { Button } from "@/components/ui/button";\nexport const x = Button;'],
    ["auth.ts", 'import Database from "better-sqlite3";\nexport const x = Database;'],
    ["instrumentation.ts", `export const load = () => import("@/${ROUTE}");`],
    ["scripts/probe.ts", `import { GET } from "../${ROUTE}";\nexport const x = GET;`],
    ["scripts/probe.ts", 'import { Button } from "@/components/ui/button";\nexport const x = Button;'],
  ])("refuses %s: %s", async (file, code) => {
    expect(await problems(file, code)).not.toEqual([]);
  });

  it.each([
    ["components/probe.tsx", 'import { plural } from "@/lib/text/words";\nexport const x = plural;'],
    ["app/(dashboard)/probe/page.tsx", 'import { x } from "./beside";\nexport const y = x;'],
    ["app/(dashboard)/probe/page.tsx", 'import { listApps } from "@/lib/apps/service";\nexport const x = listApps;'],
    ["lib/probe/probe.ts", 'export const load = () => import("@/lib/db");'],
    ["scripts/probe.ts", 'import Database from "better-sqlite3";\nexport const x = Database;'],
    ["auth.ts", 'import { db } from "@/lib/db";\nexport const x = db;'],
  ])("lets %s import: %s", async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
