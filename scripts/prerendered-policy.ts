/**
 * The last step of a build: the Content-Security-Policy of the pages served without the proxy,
 * from the HTML `next build` wrote (lib/http/prerendered-policy.ts).
 */
import { writePrerenderedPolicies } from "../lib/http/prerendered-policy";
import { pageOrigins } from "../lib/server/env";

export function writeBuildPolicies(environment: Record<string, string | undefined> = process.env) {
  return writePrerenderedPolicies(pageOrigins(environment));
}

if (import.meta.url === `file://${process.argv[1]}`) writeBuildPolicies();
