import { z } from "zod";

/**
 * A Pipedrive id (a company, a user) as partners and Pipedrive send it: a positive whole number,
 * as a number or as digits. "0", fractions, and anything beyond 2^53 (which a database would keep
 * as an inexact REAL) are not ids.
 */
const MESSAGE = "must be a positive whole number";
const positiveId = z.number({ error: MESSAGE }).int(MESSAGE).positive(MESSAGE).max(Number.MAX_SAFE_INTEGER, MESSAGE);

export const pipedriveId = z.union(
  [positiveId, z.string().trim().regex(/^\d+$/, MESSAGE).transform(Number).pipe(positiveId)],
  { error: MESSAGE },
);
