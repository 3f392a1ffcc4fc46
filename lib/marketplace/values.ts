import { load } from "cheerio";
import { plainText } from "@/lib/outside-text";

/** Reading loosely typed values the way a person would read them on the page. */

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Text as people read it: entities decoded, tags, hidden characters and extra spaces removed, paragraphs kept. */
export function plain(value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number") return "";
  const text = plainText(String(value));
  // Markup only when it looks like markup (known tags or entities): "I <3 it" and "<tags>" are text.
  if (
    !/<\/?(br|p|b|i|u|s|em|strong|ul|ol|li|a|div|span|h[1-6]|blockquote|code|pre)\b[^>]*>|&(#\d+|#x[\da-f]+|[a-z]+);/i.test(
      text,
    )
  )
    return text
      .replace(/[ \t\r\f\v]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  const html = text.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li)>/gi, "</$1>\n");
  // Decoded entities may name hidden characters too (`&#x202E;`).
  return plainText(load(`<div>${html}</div>`)("div").text())
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A number, from a number or from text such as "4,5", "1 234" or "4.3 out of 5". */
export function number(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(-?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?)/.exec(value);
  if (!match) return null;
  const n = Number(match[1]!.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** A count written "1,234" or "1.234" (thousands separators), or a plain number. */
export function count(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+|\d+)\b/.exec(value);
  return match ? Number(match[1]!.replace(/[,.\s\u00a0\u202f]/g, "")) : null;
}

/** A rating from 1 to 5 (a scale other than 5 when the page says so). */
export function rating(value: unknown, best?: unknown): number | null {
  const n = number(value);
  if (n === null) return null;
  const scale = number(best);
  const scaled = scale && scale > 0 && scale !== 5 ? (n / scale) * 5 : n;
  return scaled >= 1 && scaled <= 5 ? scaled : null;
}

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

/** A date from ISO text, "YYYY-MM-DD HH:MM:SS", "12 March 2026", "March 12, 2026", "12.03.2026" or epoch seconds/milliseconds. */
export function date(value: unknown): Date | null {
  if (typeof value === "number") {
    const ms = value > 1e11 ? value : value > 1e9 ? value * 1000 : NaN;
    return Number.isFinite(ms) ? new Date(ms) : null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!text || text.length > 64) return null;
  if (/^\d{10,13}$/.test(text)) return date(Number(text));
  const sql = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(text);
  if (sql) return valid(new Date(`${sql[1]}T${sql[2]}Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return valid(new Date(`${text}T00:00:00Z`));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return valid(new Date(Date.UTC(Number(dotted[3]), Number(dotted[2]) - 1, Number(dotted[1]))));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return valid(new Date(text));
  const named = new RegExp(
    `^(?:(\\d{1,2})\\s+(${MONTHS})[a-z]*\\.?,?\\s+(\\d{4})|(${MONTHS})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))$`,
    "i",
  ).exec(text);
  if (named) {
    const [day, month, year] = named[1] ? [named[1], named[2]!, named[3]!] : [named[5]!, named[4]!, named[6]!];
    return valid(
      new Date(Date.UTC(Number(year), MONTHS.split("|").indexOf(month.slice(0, 3).toLowerCase()), Number(day))),
    );
  }
  return null;
}

function valid(d: Date): Date | null {
  const t = d.getTime();
  // Marketplace reviews are from this century and not from the future (a day of clock skew allowed).
  return Number.isNaN(t) || t < Date.UTC(2000, 0, 1) || t > Date.now() + 86_400_000 ? null : d;
}

/** Text that is a date somewhere inside ("Reviewed on 12 March 2026"). */
export function dateIn(text: string): Date | null {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return date(iso[1]);
  const named = new RegExp(
    `\\b(\\d{1,2}\\s+(?:${MONTHS})[a-z]*\\.?,?\\s+\\d{4}|(?:${MONTHS})[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4})\\b`,
    "i",
  ).exec(text);
  if (named) return date(named[1]);
  const dotted = /\b(\d{1,2}\.\d{1,2}\.\d{4})\b/.exec(text);
  return dotted ? date(dotted[1]) : null;
}

/** "1,000+", "500+", "10k+": the install band as the page writes it. */
export function installBand(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value.toLocaleString("en-US") : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d[\d,.\s]*\+?\s*(?:k\+?|m\+?)?)\s*(?:installs?|installations?)?\s*$/i.exec(value);
  return match ? match[1]!.replace(/\s+/g, "").replace(/[,.]$/, "") : null;
}
