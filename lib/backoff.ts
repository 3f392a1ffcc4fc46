/**
 * Exponential backoff, the one rule every retry here follows (partner deliveries, Marketplace reads,
 * the editor's autosave): `baseMs` for the first retry, doubled for each one after, at most `maxMs`,
 * spread by ±`jitter` (0.2: ±20%) so that many retries do not come back at the same moment.
 */
export function backoffDelay(
  attempt: number,
  {
    baseMs,
    maxMs,
    jitter = 0,
    random = Math.random(),
  }: { baseMs: number; maxMs: number; jitter?: number; random?: number },
): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (1 - jitter + 2 * jitter * random));
}
