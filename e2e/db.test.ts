import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

/**
 * The browser tests reach past the UI with raw SQL (e2e/db.ts). Every statement there is compiled
 * here against the database the migrations build, so a renamed table or column fails this test
 * rather than a browser test half-way through a journey.
 */
const database = new Database(setupTestDatabase());
afterAll(() => database.close());

/** The SQL of every `.prepare(…)` in a file: its line and text, or null where it is built at run time. */
function statements(file: string): { line: number; sql: string | null }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { line: number; sql: string | null }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "prepare"
    ) {
      const arg = node.arguments[0];
      found.push({
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        sql: arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const problemOf = (sql: string | null) => {
  if (sql === null) return "built at run time: write it as one literal with ? parameters";
  try {
    database.prepare(sql);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("e2e/db.ts", () => {
  it("has only statements the current schema compiles", () => {
    const found = statements("e2e/db.ts");
    expect(found.length).toBeGreaterThan(15);
    const problems = found.flatMap(({ line, sql }) => {
      const problem = problemOf(sql);
      return problem ? [`e2e/db.ts:${line}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("would catch a column the schema does not have, or SQL built from pieces", () => {
    expect(problemOf("SELECT tokenHash, secret FROM ShareLink WHERE appId = ?")).toMatch(/no such column: secret/);
    expect(problemOf("UPDATE Apps SET status = 'PUBLISHED'")).toMatch(/no such table: Apps/);
    expect(problemOf(null)).toMatch(/built at run time/);
    expect(problemOf("SELECT id FROM App WHERE id = ?")).toBeNull();
  });
});
