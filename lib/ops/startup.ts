import { databaseProblem } from "@/lib/db/check";
import { env, EnvError } from "@/lib/server/env";

/** A server refuses to start with an invalid environment, and says what is wrong. */
export function assertEnvironment() {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Listing Studio cannot start.\n${error.message}\nSee docs/operations.md, "Environment variables".`);
    process.exit(1);
  }
}

/** Nor does it start on a database that is missing or behind the code's migrations: it says which and what to do. */
export function assertDatabase() {
  const problem = databaseProblem(env().DATABASE_URL);
  if (!problem) return;
  console.error(
    `Listing Studio cannot start.\n${problem} Apply the migrations with \`npx prisma migrate deploy\` (same DATABASE_URL), or point DATABASE_URL at the right database.`,
  );
  process.exit(1);
}
