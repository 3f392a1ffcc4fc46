/**
 * `npm run marketplace:capture -- <url> [--out <folder>] [--demo]`: saves what the Marketplace serves at
 * an address (status, headers without cookies, body) as a folder `npm run marketplace:replay` reads —
 * through the sync's own client: its User-Agent, pacing, robots.txt and outbound guard. `--demo`: the
 * running demo's emulator is the Marketplace.
 */
import { CliError, runCli, useDemoWhenAsked } from "./cli";

const USAGE = "Give the address to capture: npm run marketplace:capture -- <url> [--out <folder>]";

await runCli("npm run marketplace:capture", async () => {
  const args = process.argv.slice(2);
  useDemoWhenAsked(args);
  let out = "captures";
  let url: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--out") {
      out = args[++i] ?? "";
      if (!out || out.startsWith("--")) throw new CliError(`--out needs a folder. ${USAGE}`);
    } else if (arg.startsWith("--")) {
      if (arg !== "--demo") throw new CliError(`Unknown option ${arg}. ${USAGE}`);
    } else if (url) throw new CliError(`One address at a time. ${USAGE}`);
    else url = arg;
  }
  if (!url) throw new CliError(USAGE);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new CliError(`${url} is not an http(s) address. ${USAGE}`);
  const { captureUrl } = await import("@/lib/marketplace/capture-url");
  const { writeCapture } = await import("@/lib/marketplace/capture-files");
  const { replayCapture } = await import("@/lib/marketplace/replay");
  const { outboundPolicy } = await import("@/lib/net/policy");
  const capture = await captureUrl(url, { policy: outboundPolicy() });
  const folder = writeCapture(out, capture);
  console.log(
    `Saved ${folder}: HTTP ${capture.meta.status}, ${Buffer.byteLength(capture.body)} bytes${capture.meta.reason ? ` (${capture.meta.reason})` : ""}`,
  );
  for (const line of replayCapture(capture).lines) console.log(`  ${line}`);
});
