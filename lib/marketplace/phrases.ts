import { count, folded, number, rating } from "./values";

/**
 * What the visible page says, in the Marketplace's languages (English, German, French, Spanish,
 * Portuguese, Italian, Dutch): ratings ("4,7 von 5 Sternen", "Rated 4 out of 5", "★★★★½", "8.6/10"),
 * counts of reviews ("1.234 Bewertungen", "1 234 avis", "(73)"), install bands, helpful votes, "no
 * reviews yet", and the headings of rows that show other apps. Patterns work on folded text (no
 * accents, lower case: ./values.ts `folded`).
 */

const STARS_WORD = "(?:stars?|sterne?n?|etoiles?|estrellas?|estrelas?|stelle|sterren|punkte)";
const OUT_OF_WORD = "(?:out\\s+of|of|von|sur|de|su|van|/)";
const NUM = "(\\d{1,3}(?:[.,]\\d+)?)";

const RATING_PHRASES: RegExp[] = [
  // "Rated 4.3 out of 5", "Bewertet mit 4 von 5", "Note : 4,5 sur 5", "Valoración 4,6 de 5"
  new RegExp(`${NUM}\\s*${STARS_WORD}?\\s*${OUT_OF_WORD}\\s*(5|10|100)\\b`),
  // "4 stars", "4,5 Sterne", "5 étoiles"
  new RegExp(`^\\s*${NUM}\\s*${STARS_WORD}\\s*$`),
  // "4/5", "8.6 / 10"
  /^\s*(\d{1,2}(?:[.,]\d+)?)\s*\/\s*(5|10)\s*$/,
];

/** A rating a label or a short text states, on the 1–5 scale; null when it states none. */
export function ratingPhrase(text: string): number | null {
  const t = folded(text).trim();
  if (!t || t.length > 80) return null;
  for (const pattern of RATING_PHRASES) {
    const m = pattern.exec(t);
    if (m) return rating(m[1], m[2] ?? 5);
  }
  return starGlyphs(t);
}

/** "★★★★☆" (4), "★★★★½" (4.5), "⭐⭐⭐": a row of star glyphs that is a rating (five places, or only full stars). */
export function starGlyphs(text: string): number | null {
  const t = text.replace(/\s+/g, "");
  if (!t || !/^[★☆⭐✩✫✪½⯨⯪]+$/.test(t)) return null;
  const full = [...t].filter((c) => c === "★" || c === "⭐" || c === "✪").length;
  const half = [...t].filter((c) => c === "½" || c === "⯨" || c === "⯪").length;
  const places = [...t].length;
  // One lone star beside a number is a decoration, not a rating of one star.
  if (places < 5 && (places < 2 || [...t].some((c) => c === "☆" || c === "✩"))) return null;
  const value = full + half * 0.5;
  return value >= 1 && value <= 5 ? value : null;
}

const REVIEW_WORDS =
  "(?:reviews?|bewertungen|bewertung|rezensionen|rezension|erfahrungsberichte|avis|evaluations?|commentaires|resenas?|opiniones|valoraciones|calificaciones|avaliacoes|comentarios|recensioni|recensione|beoordelingen|recensies)";
const RATING_WORDS = "(?:ratings?|notes|stimmen|votos|voti)";
const COUNT = "(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+)";

/** A count of written reviews the text states: "1.234 Bewertungen", "Show all 14 reviews", "3 of 14 reviews"; ratings last. */
export function reviewCountIn(text: string): number | null {
  const t = folded(text);
  const of = new RegExp(`\\d+\\s*(?:of|von|sur|de|di|van)\\s+${COUNT}\\s+${REVIEW_WORDS}\\b`).exec(t);
  if (of) return count(of[1]!);
  const said = new RegExp(`(?<![\\d.,])${COUNT}\\s*${REVIEW_WORDS}\\b`).exec(t);
  if (said) return count(said[1]!);
  const ratings = new RegExp(`(?<![\\d.,])${COUNT}\\s*${RATING_WORDS}\\b`).exec(t);
  return ratings ? count(ratings[1]!) : null;
}

/** "4.1 (73)", "4,7 ★ (1.234)", "4.0 · 9 reviews": an average followed by its count. */
export function averageAndCountIn(text: string): { average: number; count: number } | null {
  const t = folded(text);
  const m =
    /(?<![\d.,])([1-5][.,]\d{1,2})(?![\d.,])\s*(?:[★⭐]\s*)?\(\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*\)/.exec(t) ??
    new RegExp(
      `(?<![\\d.,])([1-5][.,]\\d{1,2})(?![\\d.,])\\s*[★⭐]?\\s*[·•|,\\-–—]?\\s*${COUNT}\\s*${REVIEW_WORDS}\\b`,
    ).exec(t);
  if (!m) return null;
  const average = rating(m[1]);
  const n = count(m[2]!);
  return average !== null && n !== null ? { average, count: n } : null;
}

/** An average written in a text: "4,7 von 5", "4.3 ★", "★ 4.3", "Rating: 4.2", "8.6/10". */
export function averageIn(text: string): number | null {
  const t = folded(text);
  const outOf = RATING_PHRASES[0]!.exec(t);
  if (outOf) return rating(outOf[1], outOf[2]);
  const star = /(?<![\d.,])([1-5](?:[.,]\d{1,2})?)\s*[★⭐](?![★⭐☆])|[★⭐]\s*([1-5][.,]\d{1,2})(?![\d.,])/.exec(t);
  if (star) return rating(star[1] ?? star[2]);
  const labelled =
    /\b(?:rating|note|bewertung|valoracion|avaliacao|valutazione|beoordeling)\s*:?\s*([1-5][.,]\d{1,2})\b/.exec(t);
  return labelled ? rating(labelled[1]) : null;
}

export const NO_REVIEWS =
  /\b(no reviews( yet)?|be the first to (write a )?review|there are no reviews|not (been )?reviewed yet|0 reviews|noch keine bewertungen|keine bewertungen|aucun avis|pas encore d'avis|soyez le premier|aun no hay resenas|todavia no hay resenas|sin resenas|ainda nao ha avaliacoes|nenhuma avaliacao|seja o primeiro|nessuna recensione|ancora nessuna recensione|nog geen beoordelingen|geen reviews)\b/;

/** "5,000+ installs", "Mehr als 5.000 Installationen", "plus de 5 000 installations": the band, as "5,000+". */
export function installBandIn(text: string): string | null {
  const t = folded(text);
  const m =
    /(?:(more than|mehr als|uber|plus de|mas de|mais de|oltre|meer dan)\s+)?(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(\+)?\s*(k\b)?\s*(?:installs?|installations?|installationen|instalaciones|instalacoes|installazioni|installaties)\b/.exec(
      t,
    );
  if (!m) return null;
  const n = count(m[2]!);
  if (n === null) return null;
  const value = m[4] ? n * 1000 : n;
  return `${value.toLocaleString("en-US")}${m[1] || m[3] ? "+" : ""}`;
}

/** Helpful votes on a review: "Helpful (7)", "Hilfreich (7)", "7 people found this helpful", "👍 4". */
export function helpfulIn(text: string): number | null {
  const t = folded(text);
  const m =
    /(?:helpful|hilfreich|utile|util|nuttig)\s*\(\s*(\d+)\s*\)/.exec(t) ??
    /(\d+)\s+(?:people\s+|users\s+|personen\s+|personnes\s+|personas\s+|pessoas\s+|persone\s+)?(?:found (?:this|it) helpful|fanden das hilfreich|ont trouve cela utile|encontraron esto util|acharam isso util)/.exec(
      t,
    ) ??
    /(\d+)\s+upvotes?\b/.exec(t) ??
    /👍\s*(\d+)/.exec(t);
  return m ? (number(m[1]) ?? null) : null;
}

/** The first words of a partner's public answer to a review. */
export const REPLY_START =
  /^(reply|response|answer|antwort|reponse|respuesta|resposta|risposta|reactie)\b[^:]{0,80}:?\s*/i;

/** Headings of rows that show other apps: their ratings and reviews are not the listing's. */
export const OTHER_APPS_HEADING =
  /\b(similar|related|recommended|you (might|may) also like|also like|also use|also used|customers also|popular( in| apps)?|more apps|other apps|people also|frequently used|alternatives?|trending|ahnliche|beliebt|empfohlen|weitere apps|andere apps|similaires|populaires|recommandees|autres applications|similares|populares|recomendadas|otras aplicaciones|outros aplicativos|apps semelhantes|simili|popolari|consigliate|vergelijkbare|populair|aanbevolen)\b/;
