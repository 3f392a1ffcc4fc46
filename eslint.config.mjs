import next from "eslint-config-next";
import prettier from "eslint-config-prettier";

/**
 * The layers, enforced: arrows only point down, `app/` → `components/` → `lib/` → the database.
 * Pages, routes and components reach data through `lib/` use cases; components get server actions as
 * props or from `lib/actions/<domain>.ts`. (lib/layers.test.ts checks that no two `lib/` domains
 * import each other.) Tests may reach across layers to check them.
 */
const up = (folder) => [
  `@/${folder}`,
  `@/${folder}/**`,
  ...[1, 2, 3, 4, 5].map((n) => `${"../".repeat(n)}${folder}/**`),
];
const APP = {
  group: up("app"),
  message:
    "app/ is the top layer: nothing imports a route. Move shared code to components/ or lib/ (server actions: lib/actions/<domain>.ts).",
};
const COMPONENTS = {
  group: up("components"),
  message: "lib/ is below components/: pass what a component needs as data, or move the code into lib/.",
};
/** Relative paths from any depth to a top-level folder: `../lib/db`, `../../lib/db/x`… */
const relative = (folder) =>
  [1, 2, 3, 4, 5].flatMap((n) => [`${"../".repeat(n)}${folder}`, `${"../".repeat(n)}${folder}/**`]);
const DATABASE = {
  group: [
    "@/lib/db",
    "@/lib/db/**",
    "@/lib/generated/**",
    ...relative("lib/db"),
    ...relative("lib/generated"),
    "@prisma/client",
    "@prisma/client/**",
    "better-sqlite3",
    "libsql",
    "@libsql/client",
  ],
  message: "Pages, routes and components read and write through lib/ use cases (lib/<domain>), never the database.",
};
const DRIVERS = {
  group: ["@/lib/db/prisma", "better-sqlite3", "libsql", "@libsql/client", "@prisma/adapter-*"],
  message:
    "Two doors to the database, both in lib/db: `db` (Prisma, from @/lib/db) and `sqlConnection()` (raw SQL, from @/lib/db/sql).",
  allowTypeImports: true,
};
const ROUTES = {
  group: ["@/app", "@/app/**", "../*", "../**"],
  message:
    "A route imports nothing from another route: what two routes share lives in components/ or lib/ (files beside the route, ./x, are its own).",
};
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
/**
 * `import x from "…"` is checked by no-restricted-imports; `await import("…")` by the same groups here,
 * so a dynamic import is no way around a layer.
 */
const DYNAMIC = {
  app: { pattern: "^(@/app|(\\.\\./)+app)(/|$)", message: APP.message },
  routes: { pattern: "^(@/app(/|$)|\\.\\./)", message: ROUTES.message },
  components: { pattern: "^(@/components|(\\.\\./)+components)(/|$)", message: COMPONENTS.message },
  database: {
    pattern:
      "^(@/lib/(db|generated)|(\\.\\./)+lib/(db|generated)|@prisma/client|better-sqlite3|libsql|@libsql/client)(/|$)",
    message: DATABASE.message,
  },
};
const restrict = (...patterns) => {
  const dynamic = patterns.flatMap((p) => (p.dynamic ? [DYNAMIC[p.dynamic]] : []));
  return {
    "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns.map(({ dynamic: _, ...p }) => p) }],
    ...(dynamic.length && {
      "no-restricted-syntax": [
        "error",
        ...dynamic.map((d) => ({
          selector: `ImportExpression[source.value=/${d.pattern.replaceAll("/", "\\/")}/]`,
          message: d.message,
        })),
      ],
    }),
  };
};
APP.dynamic = "app";
ROUTES.dynamic = "routes";
COMPONENTS.dynamic = "components";
DATABASE.dynamic = "database";

const config = [
  ...next,
  prettier,
  { ignores: ["lib/generated/**", ".next/**", ".share/**", "test-results/**", "playwright-report/**", "data/**"] },
  { files: ["app/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict(ROUTES, DATABASE) },
  { files: ["components/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict(APP, DATABASE) },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: [...TESTS, "lib/db/**", "lib/test/**"],
    rules: restrict(APP, COMPONENTS, DRIVERS),
  },
  { files: ["lib/db/**/*.ts"], ignores: TESTS, rules: restrict(APP, COMPONENTS) },
  // The composition roots beside app/ (Auth.js, the proxy, server start) are held like lib/.
  { files: ["auth.ts", "proxy.ts", "instrumentation.ts"], rules: restrict(APP, COMPONENTS, DRIVERS) },
  // Operational scripts may open a database of their own (the demo, the bench), never a route or a component.
  { files: ["scripts/**/*.ts"], ignores: TESTS, rules: restrict(APP, COMPONENTS) },
];
export default config;
