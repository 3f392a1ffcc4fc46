/**
 * Text that comes from outside — Marketplace pages, reviews, competitors' listings, company and
 * workspace names — is data wherever it goes. Two steps, each in one place:
 * - `plainText` takes out what hides in text or changes how the text around it is shown: bidi
 *   embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C),
 *   zero-width spaces, word joiners and byte-order marks, soft hyphens, Hangul fillers (blank
 *   "names"), tag characters outside a flag, control characters but line breaks and tabs (Unicode's
 *   line and paragraph separators become line breaks); a zero-width (non-)joiner only where it joins nothing (inside a word or an
 *   emoji sequence it is kept: scripts and emoji need it). Applied when the text is read and again
 *   where it is shown outside the app (notifications, emails, webhooks).
 * - each format then escapes it its own way: HTML (lib/http/html-page.ts `escapeHtml`, React), CSV
 *   (lib/text/csv.ts), Slack (`slackText` below), JSON (`JSON.stringify`).
 * No server-only import: components and the emulator use it too.
 */

const HIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;
/** Tag characters hide text; they belong only in a subdivision flag (🏴 + tags + cancel tag). */
const LOOSE_TAGS = /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]/gu;
/** A zero-width (non-)joiner with no letter, mark or pictograph on one side joins nothing. */
const LOOSE_JOINER =
  /(?<![\p{L}\p{M}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;

export function plainText(text: string): string {
  return text
    .replace(HIDDEN, "")
    .replace(LOOSE_TAGS, "")
    .replace(LOOSE_JOINER, "")
    .replace(/[\u2028\u2029]/g, "\n");
}

/** `plainText` on one line: any run of white space (line breaks included) becomes one space. */
export const plainLine = (text: string) => plainText(text).replace(/\s+/g, " ").trim();

/**
 * Slack's formatting characters, each replaced by a look-alike that Slack shows as itself: Slack has
 * no escape for them, and `*`, `_`, `~` and `` ` `` around words would bold, italicise, strike or
 * code a stranger's text.
 */
const SLACK_LOOKALIKES: Record<string, string> = {
  "*": "\u2217",
  "\uFF0A": "\uFE61",
  _: "\u02CD",
  "\uFF3F": "\u2E0F",
  "~": "\u223C",
  "`": "\u02CB",
  "\uFF40": "\u02CB",
};

/**
 * Any text put into a Slack mrkdwn message: `&`, `<` and `>` escaped as Slack requires (so `<!channel>`,
 * `<@U…>` and `<https://…|label>` are shown, never acted on), formatting characters replaced by
 * look-alikes, and a line that starts with `>` kept from becoming a quote (an invisible soft hyphen
 * goes first). Messages carry `verbatim: true` as well, so bare addresses, #channels and @names are
 * not turned into links or mentions (lib/alerts/payload.ts).
 */
export function slackText(text: string): string {
  return plainText(text)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[*\uFF0A_\uFF3F~`\uFF40]/g, (c) => SLACK_LOOKALIKES[c]!)
    .replace(/^(\s*)(&gt;|\uFF1E)/gm, "$1\u00AD$2");
}
