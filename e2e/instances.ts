import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
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

/**
 * The process that listens on `port` on this machine, found the way `ss -p` finds it: the listening
 * socket's inode in /proc/net/tcp{,6}, then the process holding it; `rss()` reads its resident
 * memory (bytes) at the moment.
 */
export function serverProcess(port: number): { pid: number; rss: () => number } {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address, state 0A (LISTEN), inode
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode))
        return {
          pid: Number(pid),
          rss: () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024,
        };
    }
  }
  throw new Error(`No process listens on port ${port}`);
}
