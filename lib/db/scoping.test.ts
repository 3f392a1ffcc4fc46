import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every use case (a function given the acting `member`) scopes each query by the workspace in
 * the query's own `where`: `{ id: appId, workspaceId }` or `{ id, app: { workspaceId } }`, never
 * a check first and then a load or a write by the bare id it was handed.
 */
const QUERIES = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
]);

const nameOf = (node: ts.Node | undefined) => (node && ts.isIdentifier(node) ? node.text : null);

type Finding = { file: string; line: number; useCase: string; text: string };

/** The queries in `source` that a use case makes by an id from its own parameters with no workspace in the `where`. */
export function bareIdQueries(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node, useCase: { name: string; params: Set<string> } | null) => {
    if (ts.isFunctionLike(node) && "parameters" in node && node.parameters.length > 0) {
      const first = nameOf(node.parameters[0]?.name);
      if (first === "member") {
        const params = new Set(
          node.parameters
            .slice(1)
            .map((p) => nameOf(p.name))
            .filter((n): n is string => !!n),
        );
        const name =
          ts.isFunctionDeclaration(node) && node.name
            ? node.name.text
            : ts.isVariableDeclaration(node.parent)
              ? (nameOf(node.parent.name) ?? "(anonymous)")
              : "(anonymous)";
        useCase = { name, params };
      }
    }
    if (useCase && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const op = node.expression.name.text;
      const model = node.expression.expression;
      const arg = node.arguments[0];
      if (QUERIES.has(op) && ts.isPropertyAccessExpression(model) && arg && ts.isObjectLiteralExpression(arg)) {
        const where = arg.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameOf(p.name) === "where",
        );
        if (where && ts.isObjectLiteralExpression(where.initializer)) {
          const props = where.initializer.properties;
          const given = (p: ts.ObjectLiteralElementLike) =>
            (ts.isShorthandPropertyAssignment(p) && useCase!.params.has(p.name.text)) ||
            (ts.isPropertyAssignment(p) && useCase!.params.has(nameOf(p.initializer) ?? ""));
          const byGivenId = props.some((p) => /^(id|\w+Id)$/.test(nameOf(p.name) ?? "") && given(p));
          // A spread is a scope helper's answer (notifications' \`mine(member)\` holds the workspace).
          const scoped =
            /\bworkspace(Id)?\b/.test(where.initializer.getText()) || props.some((p) => ts.isSpreadAssignment(p));
          if (byGivenId && !scoped) {
            findings.push({
              file,
              line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
              useCase: useCase.name,
              text: node.getText().split("\n")[0] ?? "",
            });
          }
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, useCase));
  };
  visit(sf, null);
  return findings;
}

describe("queries scoped by workspace", () => {
  it("finds a load or a write by a bare id (the check can fail)", () => {
    const probe = `
      export async function archive(member: Member, appId: string) {
        await getApp(member, appId);
        await db.app.update({ where: { id: appId }, data: {} });
        await db.app.findFirst({ where: { id: appId, workspaceId: member.workspace.id } });
        await db.feedback.findMany({ where: { appId, resolvedAt: null } });
        const found = await db.app.findFirst({ where: { id: appId, workspaceId: member.workspace.id } });
        await db.app.delete({ where: { id: found.id } });
      }
      export const read = async (member: Member, versionId: string) =>
        tx.listingVersion.findUnique({ where: { id: versionId } });`;
    expect(bareIdQueries("probe.ts", probe).map((f) => [f.useCase, f.line])).toEqual([
      ["archive", 4],
      ["archive", 6],
      ["read", 11],
    ]);
  });

  it("holds in every use case under lib/", () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib"], {
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/generated/"));
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) => bareIdQueries(file, readFileSync(file, "utf8")));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.useCase}: ${f.text}`)).toEqual([]);
  });
});
