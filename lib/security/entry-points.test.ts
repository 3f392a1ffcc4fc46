import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PAGES, ROUTES } from "@/e2e/entry-points";

/** Every page, route handler and server action in the tree, named as in e2e/entry-points.ts. */
function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}
const app = files("app").map((f) => relative("app", f));
const pages = app.filter((f) => f.endsWith("page.tsx")).map((f) => f.replace(/\.tsx$/, ""));
const methods = (source: string) =>
  [...source.matchAll(/^export (?:async function|function|const) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
const routes = [
  ...app
    .filter((f) => f.endsWith("route.ts"))
    .flatMap((f) => methods(readFileSync(join("app", f), "utf8")).map((m) => `${m} ${f.replace(/\/route\.ts$/, "")}`)),
];
/** Action modules live in route folders (named from app/) or in lib/actions (named from the root). */
const actionFile = (name: string) =>
  name.startsWith("lib/") ? `${name.split("#")[0]}.ts` : join("app", `${name.split("#")[0]}.ts`);
const actions = [
  ...app.map((f) => ({ file: join("app", f), name: f })),
  ...files("lib/actions").map((f) => ({ file: f, name: f })),
]
  .filter(({ file }) => file.endsWith(".ts") && readFileSync(file, "utf8").startsWith('"use server"'))
  .flatMap(({ file, name }) =>
    [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map(
      (m) => `${name.replace(/\.ts$/, "")}#${m[1]}`,
    ),
  );

describe("the tenant-isolation matrix covers every entry point", () => {
  it("pages", () => expect(Object.keys(PAGES).sort()).toEqual(pages.sort()));
  it("route handlers", () => expect(Object.keys(ROUTES).sort()).toEqual(routes.sort()));
  it("server actions", () => expect(Object.keys(ACTIONS).sort()).toEqual(actions.sort()));

  it("every action is called across workspaces in actions-isolation.test.ts", () => {
    const matrix = readFileSync("lib/security/actions-isolation.test.ts", "utf8");
    const missing = Object.entries(ACTIONS)
      .filter(([, e]) => !("public" in e))
      .map(([name]) => name.split("#")[1]!)
      .filter((action) => !new RegExp(`^  ${action}: `, "m").test(matrix));
    expect(missing).toEqual([]);
  });

  it("each action's use case is exercised in the test named for it", () => {
    for (const [name, entry] of Object.entries(ACTIONS)) {
      if ("public" in entry) continue;
      const source = readFileSync(actionFile(name), "utf8");
      expect(source, `${name} calls ${entry.useCase}`).toContain(entry.useCase);
      expect(readFileSync(entry.test, "utf8"), `${entry.test} exercises ${entry.useCase}`).toContain(entry.useCase);
    }
  });
});

describe("every state-changing route states its origin rule and its rate limit", () => {
  const changing = Object.entries(ROUTES).filter(([name]) => /^(POST|PUT|PATCH|DELETE) /.test(name));

  it("in the matrix", () => {
    const missing = changing.filter(([, check]) => !check.origin || !check.rateLimit).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("and the code does what the matrix says", () => {
    for (const [name, check] of changing) {
      const [, path] = name.split(" ") as [string, string];
      const file = join("app", `${path}/route.ts`);
      const source = readFileSync(file, "utf8");
      if (check.origin === "same-origin") {
        expect(source, `${name} checks its origin`).toContain("assertSameOrigin(request");
        if (check.kind !== "public")
          expect(source, `${name} authenticates with the session cookie`).toMatch(/requireMember\(/);
      } else {
        expect(source, `${name} is exempt and uses no session`).not.toMatch(/requireMember\(|auth\(\)/);
      }
    }
  });
});
