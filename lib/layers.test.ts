import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The import graph of lib/, one node per domain folder (`team/`) or top-level file (`authz`): it
 * must have no cycle, so every shared helper sits below the domains that share it. Type-only
 * imports count too (a type that two domains need lives below both). ESLint checks the layers
 * above (app/ → components/ → lib/); this checks the order inside lib/.
 */
const LIB = resolve("lib");
const SKIP = new Set(["generated", "test"]);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) sources(path, out);
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const nodeOf = (file: string) => {
  const [first, ...rest] = relative(LIB, file).split("/");
  return rest.length > 0 ? `${first}/` : first!.replace(/\.tsx?$/, "");
};

function libGraph(files = sources(LIB)): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = nodeOf(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(
      /(?:from|import)\s*\(?\s*"(@\/lib\/[^"]+|\.\.?\/[^"]+)"/g,
    )) {
      const target = spec!.startsWith("@/") ? resolve(spec!.slice(2)) : resolve(dirname(file), spec!);
      if (relative(LIB, target).startsWith("..") || target.includes(`${LIB}/generated`)) continue;
      const to = nodeOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${relative(".", file)} imports ${spec}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan), each with the imports that close it. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) {
        const members = new Set(component);
        found.push(
          component
            .flatMap((a) => [...(graph.get(a) ?? [])].filter(([b]) => members.has(b)).map(([, why]) => why))
            .sort(),
        );
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("lib/ is layered", () => {
  it("no two domains (or top-level modules) import each other, directly or round a loop", () => {
    expect(cycles(libGraph())).toEqual([]);
  });

  it("the check sees a loop when there is one", () => {
    const graph = new Map([
      ["share/", new Map([["team/", "lib/share/service.ts imports @/lib/team/roles"]])],
      ["team/", new Map([["share/", "lib/team/invitations.ts imports @/lib/share/token"]])],
      ["errors", new Map()],
    ]);
    expect(cycles(graph)).toEqual([
      ["lib/share/service.ts imports @/lib/team/roles", "lib/team/invitations.ts imports @/lib/share/token"],
    ]);
  });
});

/** Every components/ file and the `@/lib/...` modules it imports (type-only imports included). */
function componentImports(): { file: string; module: string }[] {
  const files = sources(resolve("components"));
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^import [^;]*? from "@\/(lib\/[^"]+)";/gms)].map((m) => ({
      file: relative(resolve("."), file),
      module: m[1]!,
    })),
  );
}

const serverOnly = (module: string) => {
  const file = [`${module}.ts`, `${module}.tsx`, `${module}/index.ts`].find((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
  return file !== undefined && /^import "server-only";/m.test(readFileSync(file, "utf8"));
};

describe("components/", () => {
  it("take what they need from types.ts files and shared modules, never from a server-only service (server actions aside)", () => {
    const found = componentImports().filter((i) => !i.module.startsWith("lib/actions/") && serverOnly(i.module));
    expect(found.map((i) => `${i.file} imports @/${i.module}`)).toEqual([]);
  });
});
