/**
 * Bot checks (Cloudflare, reCAPTCHA, hCaptcha, PerimeterX, DataDome…) answer in place of the page,
 * with HTTP 200, 403 or 503: recognised by their title or their markup, they are a reason to say
 * "try later", never a page to read.
 */
const CHALLENGE_TITLE =
  /just a moment|attention required|access denied|verify you are (a )?human|are you a robot|security check|checking your browser|ddos protection|captcha/i;
const CHALLENGE_MARKUP =
  /challenge-platform|cf-browser-verification|cf_chl_|__cf_chl|g-recaptcha|h-captcha|hcaptcha|px-captcha|captcha-delivery\.com|perimeterx|datadome/i;

export function challengeTitle(html: string): string | null {
  const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(html)?.[1]?.trim() ?? "";
  if (CHALLENGE_TITLE.test(title) || CHALLENGE_MARKUP.test(html)) return title || "a bot check";
  return null;
}

export const challengeMessage = (title: string) =>
  `Pipedrive answered with a bot check${title && title !== "a bot check" ? ` ("${title.slice(0, 80)}")` : ""} instead of the listing page. Nothing was stored; the next sync tries again. If it keeps happening, import the reviews from a file.`;
