import scopeCatalog from "@/lib/pipedrive/scopes.json";

/**
 * What Pipedrive refuses in a listing's scopes (errors, where lib/listing/scope-checks.ts only
 * advises): the read-only and full access of one object together — full access includes reading —
 * and a full-access or admin scope without a justification. No server-only import: the editor's
 * scope picker uses `otherLevel` to switch between the two levels instead of ticking both.
 */
const SCOPES = new Map(scopeCatalog.scopes.map((s) => [s.id, s]));

/** The other access level of the same object (`deals:read` ↔ `deals:full`), or null. */
export function otherLevel(id: string): string | null {
  const [object, level] = id.split(":");
  if (level !== "read" && level !== "full") return null;
  const other = `${object}:${level === "read" ? "full" : "read"}`;
  return SCOPES.has(other) ? other : null;
}

const needsJustification = (id: string) => id === "admin" || SCOPES.get(id)?.access === "full";
const label = (id: string) => SCOPES.get(id)?.label ?? id;

export type ScopeProblem = { path: string; message: string };

export function scopeRuleProblems(scopes: { id: string; justification: string }[]): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  const ids = scopes.map((s) => s.id);
  scopes.forEach((scope, i) => {
    const other = otherLevel(scope.id);
    if (scope.id.endsWith(":full") && other && ids.includes(other))
      problems.push({
        path: `scopes.${i}.id`,
        message: `${label(other)} and ${label(scope.id)} are both requested: full access includes reading, keep one`,
      });
    if (needsJustification(scope.id) && !scope.justification.trim())
      problems.push({
        path: `scopes.${i}.justification`,
        message: `Say why the app needs ${label(scope.id)}: Pipedrive refuses full access without a reason`,
      });
  });
  return problems;
}
