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
const DATABASE = {
  group: [
    "@/lib/db",
    "@/lib/db/**",
    "@/lib/generated/**",
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
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const restrict = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

const config = [
  ...next,
  prettier,
  { ignores: ["lib/generated/**", ".next/**", ".share/**", "test-results/**", "playwright-report/**", "data/**"] },
  { files: ["app/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict(DATABASE) },
  { files: ["components/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict(APP, DATABASE) },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: [...TESTS, "lib/db/**", "lib/test/**"],
    rules: restrict(APP, COMPONENTS, DRIVERS),
  },
  { files: ["lib/db/**/*.ts"], ignores: TESTS, rules: restrict(APP, COMPONENTS) },
];
export default config;
