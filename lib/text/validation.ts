import { z } from "zod";

/** Zod fragments that several domains' schemas share. */

/** A calendar date as forms and URLs send it: "2026-11-28", and a real one. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));
