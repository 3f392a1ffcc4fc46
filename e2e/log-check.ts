import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { E2E } from "./config";

/**
 * After the browser tests: the app server's whole output must hold no secret. It is searched for
 * the run's own secrets and for anything shaped like a credential the tests handled (API tokens,
 * share and invitation tokens, OAuth tokens and codes — all 256-bit base64url strings — and
 * Authorization values).
 */
export function findSecrets(text: string, secrets: string[]): string[] {
  const problems: string[] = [];
  for (const secret of secrets)
    if (text.includes(secret)) problems.push(`a configured secret (${secret.slice(0, 4)}…)`);
  const patterns: [string, RegExp][] = [
    ["a 256-bit token", /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g],
    ["an API token", /lst_[A-Za-z0-9_-]{20,}/g],
    ["an Authorization value", /\b(?:Bearer|Basic) (?!\[redacted\])[A-Za-z0-9._~+/=-]{6,}/g],
  ];
  for (const [what, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const line = text
        .slice(text.lastIndexOf("\n", match.index) + 1, text.indexOf("\n", match.index) >>> 0)
        .slice(0, 200);
      problems.push(`${what} in: ${line.replace(match[0], `${match[0].slice(0, 4)}…`)}`);
    }
  }
  return problems;
}

export default function logCheck() {
  if (!existsSync(E2E.serverLog)) throw new Error(`The app server's log ${E2E.serverLog} is missing`);
  // The main server's output and that of the other instances some specs start (e2e/instances.ts).
  const extra = readdirSync(dirname(E2E.serverLog))
    .filter((f) => /^e2e-instance-\d+\.log$/.test(f))
    .map((f) => join(dirname(E2E.serverLog), f));
  const secrets = [
    E2E.appEnv.AUTH_SECRET,
    E2E.appEnv.AUTH_PIPEDRIVE_SECRET,
    E2E.appEnv.ENCRYPTION_KEY,
    E2E.appEnv.CRON_SECRET,
  ];
  let lines = 0;
  for (const file of [E2E.serverLog, ...extra]) {
    const text = readFileSync(file, "utf8");
    lines += text.split("\n").length;
    const problems = findSecrets(text, secrets);
    if (problems.length > 0)
      throw new Error(`Secrets reached the server log (${file}):\n${[...new Set(problems)].slice(0, 20).join("\n")}`);
  }
  console.log(`Server logs checked: ${1 + extra.length} files, ${lines} lines, no secret.`);
}
