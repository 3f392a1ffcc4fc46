/** Pieces every emulated page is made of: escaping, script data, flight pushes, the bot challenge. */

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** JSON inside a script element, as Next.js writes it: `<`, `>`, `&` and line separators escaped. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Cuts the payload into chunks of uneven sizes, never inside a surrogate pair. */
export function chunks(payload: string): string[] {
  const out: string[] = [];
  const sizes = [37, 211, 5, 503, 89];
  for (let i = 0, n = 0; i < payload.length; n++) {
    let end = Math.min(payload.length, i + sizes[n % sizes.length]!);
    if (end < payload.length && /[\ud800-\udbff]/.test(payload[end - 1]!)) end++;
    out.push(payload.slice(i, end));
    i = end;
  }
  return out;
}

/** A flight payload as a page carries it: the bootstrap push, then the payload in uneven chunks. */
export const flightPushes = (payload: string) =>
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks(payload)
    .map((c) => `<script>self.__next_f.push(${scriptJson([1, c])})</script>`)
    .join("")}`;

/** What a bot-protection service answers instead of the page (HTTP 403). */
export const CHALLENGE_HTML = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"/></head>
<body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">www.pipedrive.com</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:"www.pipedrive.com",cType:'managed'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1';document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>`;
