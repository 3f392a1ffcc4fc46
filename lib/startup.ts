import { env, EnvError } from "@/lib/env";

/** A server refuses to start with an invalid environment, and says what is wrong. */
export function assertEnvironment() {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Listing Studio cannot start.\n${error.message}\nSee README.md, "Environment variables".`);
    process.exit(1);
  }
}
