/**
 * Bot checks answer in place of the page — with HTTP 200, 202, 403, 405, 429 or 503 — and are a
 * reason to say "try later", never a page to read. They are told apart from pages by what a check
 * page *is*, not by a script a normal page also carries: Cloudflare adds its `/cdn-cgi/challenge-platform/`
 * script to every page it serves, and a page may have a form with a captcha; both are read as pages.
 * A check is:
 * - a check page's title (Cloudflare's "Just a moment…", "Attention Required!", Vercel's "Security
 *   Checkpoint", "Access denied", "Verify you are human"…), or
 * - the markup only a check page has (Cloudflare's `_cf_chl_opt` / challenge form, AWS WAF's challenge
 *   script and `gokuProps`, Vercel's checkpoint, DataDome's and PerimeterX's captcha pages), on a page
 *   that holds nothing else to read: no listing data and little text.
 */
const CHALLENGE_TITLE =
  /^(just a moment|attention required|access denied|verify(ing)? (that )?you are (a )?human|are you a robot|security check(point)?|vercel security checkpoint|checking your browser|ddos protection|human verification|please wait|one more step|captcha|pardon our interruption|request blocked)/i;
const CHECK_PAGE_MARKUP = [
  /window\._cf_chl_opt|id=["']challenge-(?:form|running|stage|body-text)["']|cf-browser-verification|__cf_chl_(?:f|rt|tk)_?/i,
  /awsWafCookieDomainList|gokuProps|AwsWafIntegration|\.awswaf\.com\/[^"']*challenge\.js|captcha\.awswaf\.com/i,
  /vercel[- ]security[- ]checkpoint|\/\.well-known\/vercel\/security\/|_vercel\/challenge/i,
  /captcha-delivery\.com|geo\.captcha-delivery|id=["']px-captcha["']|perimeterx\.net\/[^"']*captcha/i,
];
/** What a real page carries and a check page does not. */
const PAGE_DATA = /application\/ld\+json|__NEXT_DATA__|self\.__next_f\.push|itemtype=["']https?:\/\/schema\.org/i;

function visibleTextLength(html: string): number {
  return html
    .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim().length;
}

/** The check's title (or "a bot check") when the HTML is a bot check rather than a page; null otherwise. */
export function challengeTitle(html: string): string | null {
  const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(html)?.[1]?.trim() ?? "";
  if (title && CHALLENGE_TITLE.test(title)) return title;
  if (CHECK_PAGE_MARKUP.some((re) => re.test(html)) && !PAGE_DATA.test(html) && visibleTextLength(html) < 1_500)
    return title || "a bot check";
  return null;
}

export const challengeMessage = (title: string) =>
  `Pipedrive answered with a bot check${title && title !== "a bot check" ? ` ("${title.slice(0, 80)}")` : ""} instead of the page. Nothing was stored; the next sync tries again. If it keeps happening, import the reviews from a file.`;
