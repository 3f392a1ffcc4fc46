/**
 * Whether a review was probably written by someone who was asked for it: the reviewer's name as the page shows
 * it against the asked user's name (whole, or first name and initial: "Ana S." and "Ana Souza"), or the first name
 * with the company where the page shows one beside it ("Ana, Acme GmbH"). Probable, never certain: the page says so.
 */
const norm = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const words = (s: string) => norm(s).split(" ").filter(Boolean);

function sameOrInitial(a: string[], b: string[]) {
  if (a.length < 2 || b.length < 2 || a[0] !== b[0]) return a.length > 1 && a.join(" ") === b.join(" ");
  if (a.join(" ") === b.join(" ")) return true;
  const [x, y] = [a.at(-1)!, b.at(-1)!];
  return a.length === b.length && ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y)));
}

export function probablyBy(author: string, asked: { name: string | null; company: string | null }): boolean {
  if (!asked.name) return false;
  const name = words(asked.name);
  const parts = author.split(/\s*[,(·|@–—]\s*|\s+-\s+|\s+(?:at|from|bei|chez)\s+/i).filter(Boolean);
  const who = words(parts[0] ?? author);
  if (sameOrInitial(who, name) || sameOrInitial(words(author), name)) return true;
  if (!asked.company || parts.length < 2) return false;
  const company = norm(asked.company);
  const shown = norm(parts.slice(1).join(" "));
  return company.length >= 3 && shown === company && who[0] === name[0];
}

/** How long after a request a review still counts as probably from it. */
export const ATTRIBUTION_DAYS = 60;

/**
 * Pairs requests with the reviews that followed them: each review to the earliest-sent matching request before it
 * (within ATTRIBUTION_DAYS), each request at most one review. Both lists in any order.
 */
export function matchReviews<
  R extends { id: string; sentAt: number; name: string | null; company: string | null },
  V extends { id: string; author: string; at: number },
>(requests: R[], reviews: V[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const open = [...requests].sort((a, b) => a.sentAt - b.sentAt);
  for (const review of [...reviews].sort((a, b) => a.at - b.at)) {
    const match = open.find(
      (r) =>
        !pairs.has(r.id) &&
        r.sentAt <= review.at &&
        review.at - r.sentAt <= ATTRIBUTION_DAYS * 86_400_000 &&
        probablyBy(review.author, r),
    );
    if (match) pairs.set(match.id, review.id);
  }
  return pairs;
}
