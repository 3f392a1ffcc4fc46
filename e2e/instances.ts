import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../lib/test/redis";
import { E2E } from "./config";

export type Instance = { url: string; logFile: string; log: () => string; stop: () => Promise<void> };

/**
 * Another `next start` of the same build on the run's database and upload folder — a second
 * instance behind the same load balancer — on a free port, resolved once it answers. Its output
 * goes to `data/e2e-instance-<port>.log` (checked for secrets with the main server's log).
 */
export async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const logFile = join("data", `e2e-instance-${port}.log`);
  const out = openSync(logFile, "w");
  const child: ChildProcess = spawn(join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...E2E.appEnv, AUTH_URL: url, ...env },
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The instance on ${port} exited: ${readFileSync(logFile, "utf8")}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The instance on ${port} did not answer within 60 s: ${readFileSync(logFile, "utf8")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    logFile,
    log: () => readFileSync(logFile, "utf8"),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
