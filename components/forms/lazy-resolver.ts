"use client";

import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver that validates with the form's shared zod schema, loaded in its own
 * chunk: the page's first load does not carry zod, the schema arrives while the browser is idle
 * (or at the first validation), and the checks are exactly the server's.
 */
export function lazyZodResolver<T extends FieldValues, TOut extends FieldValues = T>(
  loadSchema: () => Promise<Parameters<typeof import("@hookform/resolvers/zod").zodResolver>[0]>,
): Resolver<T, unknown, TOut> {
  let ready: Promise<Resolver<T, unknown, TOut>> | undefined;
  const load = () =>
    (ready ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as unknown as Resolver<T, unknown, TOut>,
    ));
  if (typeof window !== "undefined") {
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void load().catch(() => (ready = undefined)));
  }
  return async (values, context, options) => (await load())(values, context, options);
}
