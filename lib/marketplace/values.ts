import { load } from "cheerio";
import { plainText } from "@/lib/text/outside-text";

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

/**
 * A rating on the 1–5 scale, from a number or from text as pages write it: "4.3", "4,7", "94%" (a
 * percentage of 5 stars), "9.2/10", "4,5 sur 5", "4 von 5 Sternen", "Rated 4 out of 5". `best` is the
 * scale the page states beside the value (`bestRating`: 10, 100).
 */
export function rating(value: unknown, best?: unknown): number | null {
  if (typeof value === "string") {
    const text = value.trim();
    const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*%$/.exec(text);
    if (percent) return scaleTo5(number(percent[1]), 100);
    const outOf = OUT_OF.exec(text);
    if (outOf) return scaleTo5(number(outOf[1]), number(outOf[2]));
  }
  return scaleTo5(number(value), number(best));
}

/** "x/10", "x out of 5", "x of 5", "x von 5", "x sur 5", "x de 5", "x su 5", "x van 5". */
export const OUT_OF =
  /(\d{1,3}(?:[.,]\d+)?)\s*(?:\/|\bout\s+of\b|\bof\b|\bvon\b|\bsur\b|\bde\b|\bsu\b|\bvan\b|\bz\b|\bav\b)\s*(5|10|100)\b/i;

function scaleTo5(n: number | null, scale: number | null): number | null {
  if (n === null) return null;
  const scaled = scale && scale > 0 && scale !== 5 ? (n / scale) * 5 : n;
  return scaled >= 1 && scaled <= 5 ? Math.round(scaled * 1000) / 1000 : null;
}

/**
 * When a page was read, and in which language: relative dates ("3 days ago") count back from the
 * time, no review can be from after it, and 03/04/2026 is read month first only in US English. Set for
 * one synchronous read (`reading`), the clock and day-first otherwise.
 */
let readAt: Date | null = null;
let monthFirst = false;
export function reading<T>({ at, lang }: { at?: Date | null; lang?: string | null }, read: () => T): T {
  const before = [readAt, monthFirst] as const;
  readAt = at ?? null;
  monthFirst = /^en-us$/i.test(lang ?? "");
  try {
    return read();
  } finally {
    [readAt, monthFirst] = before;
  }
}
const reference = () => readAt ?? new Date();

/**
 * Month names and abbreviations in the Marketplace's languages (English, German, French, Spanish,
 * Portuguese, Italian, Dutch), without accents: the token a date is read by.
 */
const MONTH_NAMES: string[][] = [
  ["jan", "january", "januar", "janner", "janv", "janvier", "ene", "enero", "janeiro", "gen", "gennaio", "januari"],
  ["feb", "february", "februar", "fevr", "fev", "fevrier", "febrero", "fevereiro", "febbraio", "februari"],
  ["mar", "march", "marz", "maerz", "mars", "marzo", "marco", "mrt", "maart"],
  ["apr", "april", "avr", "avril", "abr", "abril", "aprile"],
  ["may", "mai", "mayo", "maio", "mag", "maggio", "mei"],
  ["jun", "june", "juni", "juin", "junio", "junho", "giu", "giugno"],
  ["jul", "july", "juli", "juil", "juillet", "julio", "julho", "lug", "luglio"],
  ["aug", "august", "aout", "ago", "agosto", "augustus"],
  ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "set", "setembro", "settembre"],
  ["oct", "october", "okt", "oktober", "octobre", "octubre", "out", "outubro", "ott", "ottobre"],
  ["nov", "november", "novembre", "noviembre", "novembro"],
  ["dec", "december", "dez", "dezember", "decembre", "dic", "diciembre", "dezembro", "dicembre"],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i] as const)));
const MONTH_WORD = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|")})\\.?`;
/** Text without accents or case, for matching words of any of the languages. */
export const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, " ");

/** "12 March 2026", "2. Okt. 2026", "1er juin 2026", "5 de octubre de 2026", "14 de set. de 2026". */
const DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:\\.|er|e|º|°|st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH_WORD}(?![a-z])\\s*(?:de\\s+|,\\s*)?(\\d{4})(?!\\d)`,
);
/** "March 12, 2026", "Oct 2 2026". */
const MONTH_DAY_YEAR = new RegExp(`(?<![a-z])${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`);
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])/;

/**
 * A date from ISO text, "YYYY-MM-DD HH:MM:SS", epoch seconds or milliseconds, a date written in one of
 * the Marketplace's languages (named or numbered months), or a relative date ("3 days ago", "vor 2
 * Tagen", "hace un mes", "yesterday") counted back from when the page was read. Null for anything
 * else, or a date before 2000 or after the read.
 */
export function date(value: unknown): Date | null {
  if (typeof value === "number") {
    const ms = value > 1e11 ? value : value > 1e9 ? value * 1000 : NaN;
    return Number.isFinite(ms) ? valid(new Date(ms)) : null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!text || text.length > 80) return null;
  if (/^\d{10,13}$/.test(text)) return date(Number(text));
  if (/^\$D\d{4}-/.test(text)) return date(text.slice(2));
  const sql = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(text);
  if (sql) return valid(new Date(`${sql[1]}T${sql[2]}Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return valid(new Date(`${text}T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return valid(new Date(text));
  const ymd = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (ymd) return utcDay(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]));
  return dateIn(text, true);
}

function valid(d: Date): Date | null {
  const t = d.getTime();
  // Marketplace reviews are from this century and not from after the read (a day of clock skew allowed).
  return Number.isNaN(t) || t < Date.UTC(2000, 0, 1) || t > reference().getTime() + 86_400_000 ? null : d;
}

const utcDay = (y: number, m: number, d: number) => {
  const at = new Date(Date.UTC(y, m, d));
  return at.getUTCMonth() === m && at.getUTCDate() === d ? valid(at) : null;
};

type AgoUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";
const AGO_UNITS: [RegExp, AgoUnit][] = [
  [/^(seconds?|secs?|sekunden?|secondes?|segundos?|secondi|seconden?)$/, "second"],
  [/^(minutes?|mins?|minuten?|minutos?|minuti|minuut)$/, "minute"],
  [/^(hours?|hrs?|stunden?|heures?|horas?|ore|ora|uur|uren)$/, "hour"],
  [/^(days?|tagen?|tag|jours?|dias?|giorni|giorno|dagen?|dag)$/, "day"],
  [/^(weeks?|wochen?|semaines?|semanas?|settimane|settimana|weken?)$/, "week"],
  [/^(months?|monaten?|monat|mois|mes|meses|mesi|mese|maanden?|maand)$/, "month"],
  [/^(years?|jahren?|jahr|ans?|annees?|anos?|anni|anno|jaren?|jaar)$/, "year"],
];
const UNIT_MS: Record<Exclude<AgoUnit, "month" | "year">, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};
const ONE = /^(a|an|one|einem|einer|ein|un|une|uno|una|um|uma|een)$/;
const BEFORE = /^(?:vor|il y a|hace|ha)\s+(?:(?:etwa|environ|unos?|unas?|cerca de|about)\s+)?(\S+)\s+(\S+)$/;
const AFTER = /^(?:about\s+|circa\s+)?(\S+)\s+(\S+)\s+(?:ago|fa|geleden|atras)$/;

/** "3 days ago", "vor 2 Tagen", "il y a 3 jours", "hace un mes", "ha 2 dias", "3 giorni fa", "2 dagen geleden". */
function relative(text: string): Date | null {
  const t = folded(text).trim().replace(/\s+/g, " ");
  const now = reference();
  const back = (days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
  if (/^(today|heute|aujourd'hui|hoy|hoje|oggi|vandaag|just now|gerade eben|a l'instant)$/.test(t)) return back(0);
  if (/^(yesterday|gestern|hier|ayer|ontem|ieri|gisteren)$/.test(t)) return back(1);
  if (/^(the day before yesterday|vorgestern|avant-hier|anteayer|anteontem|l'altro ieri|eergisteren)$/.test(t))
    return back(2);
  const m = BEFORE.exec(t) ?? AFTER.exec(t);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : ONE.test(m[1]!) ? 1 : null;
  const unit = AGO_UNITS.find(([re]) => re.test(m[2]!))?.[1];
  if (n === null || !unit) return null;
  const at = new Date(now);
  if (unit === "month") at.setUTCMonth(at.getUTCMonth() - n);
  else if (unit === "year") at.setUTCFullYear(at.getUTCFullYear() - n);
  else at.setTime(at.getTime() - n * UNIT_MS[unit]);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

const RELATIVE_IN_TEXT =
  /\b(?:vor|il y a|hace|h[aá])\s+(?:(?:etwa|environ|unos?|unas?|cerca de)\s+)?\S+\s+\S+|\S+\s+\S+\s+(?:ago|fa|geleden|atr[aá]s)\b|\b(?:yesterday|gestern|hier|ayer|ontem|ieri|gisteren|today|heute|hoy|hoje|oggi|vandaag)\b/i;

/**
 * Text that is a date somewhere inside ("Reviewed on 12 March 2026", "Publié le 1er juin 2026", "vor
 * 3 Tagen"); with `whole`, the text must be the date alone.
 */
export function dateIn(text: string, whole = false): Date | null {
  const t = folded(text);
  const at = (m: RegExpExecArray | null) => m && (!whole || m.index === 0);
  const iso = /\b(\d{4}-\d{2}-\d{2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?\b/.exec(t);
  if (at(iso)) return valid(new Date(iso![0].includes("t") ? iso![0].toUpperCase() : `${iso![1]}T00:00:00Z`));
  const dmy = DAY_MONTH_YEAR.exec(t);
  if (at(dmy)) return utcDay(Number(dmy![3]), MONTHS.get(dmy![2]!)!, Number(dmy![1]));
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (at(mdy)) return utcDay(Number(mdy![3]), MONTHS.get(mdy![1]!)!, Number(mdy![2]));
  const numeric = NUMERIC_DATE.exec(t);
  if (at(numeric)) {
    const [a, b, y] = [Number(numeric![1]), Number(numeric![3]), Number(numeric![4])];
    // Day first, as Europe writes it, unless the page is US English with slashes; a number over 12 is a day.
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : monthFirst && numeric![2] === "/" ? [b, a] : [a, b];
    return utcDay(y, month - 1, day);
  }
  if (whole) return relative(text);
  const ago = RELATIVE_IN_TEXT.exec(text);
  return ago ? relative(ago[0]) : null;
}

/** "1,000+", "500+", "10k+": the install band as the page writes it. */
export function installBand(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value.toLocaleString("en-US") : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d[\d,.\s]*\+?\s*(?:k\+?|m\+?)?)\s*(?:installs?|installations?)?\s*$/i.exec(value);
  return match ? match[1]!.replace(/\s+/g, "").replace(/[,.]$/, "") : null;
}
