import type { CheerioAPI } from "cheerio";
import { count, folded } from "./values";

/**
 * What a collection page says in words, in the Marketplace's languages (English, German, French,
 * Spanish, Portuguese, Italian, Dutch): how many apps the list holds ("57 apps", "45 Apps", "57
 * applications", "Showing 1–12 of 40"), that it holds none, or that the page does not exist. All
 * matching is on folded text (no accents, lower case), with no-break spaces as spaces.
 */

const oneOf = (words: string[]) => `(?:${words.join("|")})`;

/** What a list counts: apps, integrations, results. */
const UNIT = oneOf([
  "apps?|applications?|applis?|integrations?|results?",
  "anwendungen|integrationen|ergebnisse|treffer",
  "aplicaciones|aplicacion|integraciones|resultados?",
  "aplicativos?|aplicacoes|aplicacao|integracoes",
  "applicazioni|applicazione|integrazioni|risultati",
  "applicaties|applicatie|integraties|resultaten|resultats?",
]);
const NUM = "(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+)";
/** "of" between a shown count and the total, and "to" within a range, in the languages read. */
const OF = oneOf(["of|von|aus|sur|de|di|su|van|uit|z|av|/"]);
const TO = oneOf(["-|–|—|to|bis|a|al|tot|t/m"]);
const END = "(?![\\d.,]*\\d)";
/** "1–12 of 40", "1-12 von 40", "1 a 12 sur 40", "1–12 de 40", "1-12 di 40", "1 - 12 van 40", "1–12 / 40". */
const RANGE = new RegExp(`(?<![\\d.,])(\\d+)\\s*${TO}\\s*(\\d+)\\s*${OF}\\s*${NUM}${END}`);
const SHOWING = oneOf([
  "showing|shown|displaying|viewing",
  "zeige|angezeigt|anzeige",
  "affichage|affiche",
  "mostrando|exibindo",
  "visualizzat[ie]",
  "weergave|toont",
]);
/** "Showing 12 of 40", "Zeige 12 von 40": how many are shown, without a range. */
const SHOWN = new RegExp(`${SHOWING}\\D{0,12}?(\\d+)\\s*${OF}\\s*${NUM}${END}`);
const COUNT = new RegExp(`(?<![\\d.,+#])${NUM}(?!\\s*\\+)\\s*${UNIT}(?![a-z])`, "g");
/** "Apps (57)", "All apps (57)", "Apps: 57". */
const IN_PARENS = new RegExp(`${UNIT}\\s*(?:\\(\\s*${NUM}\\s*\\)|:\\s*${NUM}${END})`);
/** Marketing copy ("over 400 apps", "top 10 apps") counts something else than this list. */
const LOOSE = new RegExp(
  `(?:^|[^a-z])${oneOf([
    "top|over|more than|up to",
    "uber|mehr als|bis zu",
    "plus de|jusqu['’]a",
    "mas de|hasta|mais de|ate",
    "oltre|fino a",
    "meer dan|tot",
  ])}\\s*$`,
);

export type StatedCount = { total: number; from: number | null; to: number | null };

/** The list's size as a text states it, and the range shown when it says "1–12 of 40". */
export function statedCount(raw: string): StatedCount | null {
  const t = folded(raw).replace(/\s+/g, " ");
  const range = RANGE.exec(t);
  if (range) {
    const [from, to, total] = [Number(range[1]), Number(range[2]), count(range[3])];
    if (total !== null && from >= 1 && to >= from - 1 && to <= total) return { total, from, to };
  }
  const shown = SHOWN.exec(t);
  if (shown) {
    const [to, total] = [Number(shown[1]), count(shown[2])];
    if (total !== null && to <= total) return { total, from: null, to: null };
  }
  for (const m of t.matchAll(COUNT)) {
    if (LOOSE.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
    const total = count(m[1]);
    if (total !== null) return { total, from: null, to: null };
  }
  const paren = IN_PARENS.exec(t);
  const total = paren ? count(paren[1] ?? paren[2]) : null;
  return total !== null ? { total, from: null, to: null } : null;
}

// Not "no results": a search box's empty state says that about something else.
const EMPTY = new RegExp(
  `\\b${oneOf([
    "no apps|0 apps|nothing here yet",
    "keine apps|noch keine apps",
    "aucune app|aucune application",
    "ninguna app|ninguna aplicacion",
    "nenhum app|nenhum aplicativo",
    "nessuna app",
    "geen apps",
  ])}\\b`,
);

export const saysEmpty = (raw: string) => EMPTY.test(folded(raw));

const NOT_FOUND = new RegExp(
  oneOf([
    "not found|could ?n['’]?t be found|could not be found|(?:can['’]?t|cannot|could ?n['’]?t|could not) find",
    "(?:does not|doesn['’]?t|no longer) exists?|no longer|has (?:moved|ended)",
    "nicht gefunden|nicht finden|existiert nicht|gibt es nicht|nicht mehr",
    "introuvable|n['’]existe (?:pas|plus)|plus disponible",
    "no encontrad[ao]|no existe|ya no (?:existe|esta)",
    "nao encontrad[ao]|nao existe|nao esta mais",
    "non trovat[ao]|non esiste|non e piu",
    "niet gevonden|bestaat niet|niet meer",
    "^(?:error\\s*)?404(?:\\s*(?:[-:|–—!.]|error|fehler|erreur|errore)|$)",
    "\\b404(?:\\s*(?:error|fehler|erreur|errore))?$|\\b(?:error|fehler|erreur|errore) 404\\b",
  ]),
);

/**
 * The Marketplace's "page not found" (answered with 200, as soft 404s are), which shows popular apps
 * that are no list to rank in: its title or heading says so, or its page data is Next.js's 404.
 */
export function notFoundPage($: CheerioAPI): string | null {
  const title = $("title").first().text().replace(/\s+/g, " ").trim();
  const heading = $("h1").first().text().replace(/\s+/g, " ").trim();
  const said = [title, heading].find((t) => t && NOT_FOUND.test(folded(t)));
  if (said) return said;
  if ($('meta[name="next-error"][content="not-found"]').length) return title || "not found";
  const raw = $("script#__NEXT_DATA__").first().text();
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { page?: unknown; props?: { pageProps?: { statusCode?: unknown } } };
    const status = data.props?.pageProps?.statusCode;
    if (data.page === "/404" || data.page === "/_error" || (typeof status === "number" && status >= 400))
      return title || "not found";
  } catch {
    // Unreadable page data says nothing either way.
  }
  return null;
}
