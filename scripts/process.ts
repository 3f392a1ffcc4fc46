import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { statSync, readdirSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { writeBuildPolicies } from "./prerendered-policy";

const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);

/** Runs a project binary to completion; rejects with its output when it fails. */
export function run(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { quiet?: boolean } = {},
): Promise<void> {
  return runCommand(bin(name), args, env, options);
}

/** Runs any command (`git`, `npm`) to completion, in `cwd`; rejects with its output when it fails. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { quiet?: boolean; cwd?: string } = {},
): Promise<void> {
  const name = basename(command);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd: options.cwd,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} ${args.join(" ")} failed (exit ${code})\n${output}`)),
    );
  });
}

export function start(name: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(bin(name), args, options);
}

export async function waitForUrl(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** Newest modification time of the files under the given paths (for "is the build stale?"). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules" && entry !== "generated") visit(join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Builds the app unless `.next` is newer than every source file. */
const SHARE_FILES = ["public/share.css", ".share/render.cjs"];

/** The share pages' stylesheet and renderer (scripts/share-build.ts), which `next dev` needs too. */
export function buildShareAssets(env: NodeJS.ProcessEnv) {
  return run("tsx", ["scripts/share-build.ts"], env, { quiet: true });
}

export async function ensureBuild(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<void> {
  const buildId = ".next/BUILD_ID";
  const sources = ["app", "components", "lib", "auth.ts", "proxy.ts", "next.config.ts", "package.json"];
  if (
    existsSync(buildId) &&
    SHARE_FILES.every((f) => existsSync(f)) &&
    statSync(buildId).mtimeMs >= newestMtime(sources)
  )
    return;
  log("Building the app (first run takes a minute)…");
  await buildShareAssets(env);
  // The build type-checks the whole project: it gets the machine's default heap, not the small one a
  // server may be given to run in (`npm start`, the bench).
  // `npm test` type-checks the project before it builds: a build for the demo or the bench does not again.
  const { NODE_OPTIONS: _, ...buildEnv } = env;
  await run("next", ["build"], { ...buildEnv, BUILD_SKIP_TYPECHECK: "1" }, { quiet: true });
  writeBuildPolicies(env);
}
