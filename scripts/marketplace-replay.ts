/**
 * `npm run marketplace:replay -- <folder or zip> [--json]`: runs every Marketplace reader over captured
 * answers (a capture's folder, a folder of them, or the zip Sync history downloads) and prints what
 * each reader made of them; `--json` prints the figures, the form lib/marketplace/captures/ keeps as
 * `expected.json`. Reads files only: nothing is fetched.
 */
import { CliError, runCli } from "./cli";

await runCli("npm run marketplace:replay", async () => {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith("--"));
  if (!path) throw new CliError("Give a captured folder or zip: npm run marketplace:replay -- <folder> [--json]");
  const { readCaptures } = await import("@/lib/marketplace/capture-files");
  const { replayCapture } = await import("@/lib/marketplace/replay");
  const captures = readCaptures(path);
  if (!captures.length)
    throw new CliError(
      `${path} holds no capture (a folder with response.json and body.html or body.json, or a zip of them)`,
    );
  for (const { name, capture } of captures) {
    const { readings, lines } = replayCapture(capture);
    console.log(name);
    if (args.includes("--json")) console.log(JSON.stringify(readings, null, 2));
    else for (const line of lines) console.log(`  ${line}`);
  }
});
