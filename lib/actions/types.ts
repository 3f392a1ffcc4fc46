/** What every server action answers: its data, or an error as route handlers give it (lib/http/route.ts). */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
